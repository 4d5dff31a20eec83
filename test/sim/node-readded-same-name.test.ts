/**
 * A node removed and added again under the same name within milliseconds (issue #11, DaemonSet
 * property seeds 12 and 23). The daemon pod bound to it outlives the Node: pod GC deletes pods of
 * a node only once the node has been absent for its 40 s quarantine and the API server confirms it
 * (gc_controller.go gcOrphaned). The joining node's kubelet watches pods with spec.nodeName equal
 * to its name, so it runs the pod. The simulator used to leave it Pending for ever, failing
 * daemonset.coverage and workload.converges on the correct controller.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

// The agent takes 5 s to start, so the node goes away while its pod is still Pending.
function scenario(removeAt: string, readdAt: string, again = ''): string {
  return `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: node-readded-same-name }
spec:
  seed: 12
  cluster: { nodes: [{ count: 2 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: { app: agent } }
        template:
          metadata: { labels: { app: agent }, annotations: { kubeprop.io/start-delay: 5s } }
          spec: { containers: [{ name: agent, image: agent:v1 }] }
  events:
    - { at: ${removeAt}, do: remove-node, node: node-1 }
    - { at: ${readdAt}, do: add-node, node: node-1 }
${again}  settle: 3m
`;
}

const run = (removeAt: string, readdAt: string, again = '') =>
  runScenario(parseScenarioText(scenario(removeAt, readdAt, again), 'node-readded-same-name.yaml'), {});
const onNode1 = (r: ReturnType<typeof run>) => r.final.pods.filter((p) => p.node === 'node-1');
const started = (r: ReturnType<typeof run>, afterMs: number) =>
  r.events.filter(
    (e) => e.atMs >= afterMs && /^kubelet\/node-1$/.test(e.actor) && e.text.startsWith('started pod/'),
  );

describe('sim: a node removed and re-added with the same name', () => {
  it('node-readded-same-name: the joining kubelet runs the Pending pod still bound to it (50 ms later)', () => {
    const r = run('2s', '2050ms');
    expect(onNode1(r)).toHaveLength(1);
    expect(onNode1(r)[0]).toMatchObject({ phase: 'Running', ready: true });
    expect(r.outcome).toBe('pass');
  });

  it('a Running pod on the removed machine is started again by the new kubelet, not left with stale status', () => {
    const r = run('30s', '30050ms');
    expect(onNode1(r)).toHaveLength(1);
    expect(started(r, 30_050)).toHaveLength(1);
    expect(r.outcome).toBe('pass');
  });

  it('re-added within the pod GC quarantine (20 s later): pod GC leaves the same pod, which runs', () => {
    const r = run('2s', '22s');
    expect(onNode1(r)).toHaveLength(1);
    expect(onNode1(r)[0]).toMatchObject({ phase: 'Running', ready: true });
    expect(r.events.some((e) => e.actor === 'pod-gc')).toBe(false);
    expect(r.outcome).toBe('pass');
  });

  it('re-added after the quarantine (2 m later): pod GC deleted the pod; the DaemonSet made a new one', () => {
    const r = run('2s', '2m');
    expect(r.events.some((e) => e.actor === 'pod-gc' && e.text.startsWith('delete pod/'))).toBe(true);
    expect(onNode1(r)).toHaveLength(1);
    expect(onNode1(r)[0]).toMatchObject({ phase: 'Running', ready: true });
    expect(r.outcome).toBe('pass');
  });

  it('removed again 10 s after the re-add: pod GC waits a full quarantine from the second removal', () => {
    const r = run('2s', '2050ms', '    - { at: 12s, do: remove-node, node: node-1 }\n');
    const gcDelete = r.events.find((e) => e.actor === 'pod-gc' && e.text.startsWith('delete pod/'));
    expect(gcDelete?.atMs).toBe(52_000);
    expect(onNode1(r)).toHaveLength(0);
  });
});
