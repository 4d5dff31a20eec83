/**
 * daemonset.one-per-node: a daemon pod that failed and is being deleted, but whose object a
 * finalizer keeps (another controller's, a backup agent's), runs nothing and no longer occupies its
 * node. The controller leaves such pods out when it groups pods by node (kubernetes#118716) and
 * places the replacement beside it; the claim counts the node the same way, so the correct
 * controller is not blamed for the two objects.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const SCENARIO = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: finished-pod-held-by-finalizer }
spec:
  seed: 5
  cluster: { nodes: [{ count: 2 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: { app: agent } }
        template:
          metadata: { labels: { app: agent } }
          spec: { containers: [{ name: agent, image: agent:v1 }] }
  events:
    - { at: 10s, do: add-finalizer, pod: { owner: daemonset/agent, node: node-1 }, finalizer: example.com/backup }
    - { at: 20s, do: fail-pod, pod: { owner: daemonset/agent, node: node-1 } }
    - { at: 90s, do: remove-finalizer, finalizer: example.com/backup }
  settle: 3m
`;

describe('DaemonSet: a finished pod held by a finalizer', () => {
  const r = runScenario(parseScenarioText(SCENARIO, 'finished-pod-held-by-finalizer.yaml'), {
    keepTrace: true,
  });
  const status = (id: string) => r.invariants.find((i) => i.id === id)?.status;

  it('is replaced while its object lingers, and one-per-node holds', () => {
    // The failed pod got its deletionTimestamp and stayed; a second pod was created on node-1.
    const creates = r.events.filter(
      (e) => e.actor === 'daemonset-controller' && /^create pod\//.test(e.text),
    );
    expect(creates.length).toBe(3);
    expect(status('daemonset.one-per-node')).toBe('held');
    expect(r.outcome).toBe('pass');
  });
});
