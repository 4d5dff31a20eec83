/**
 * A surge rollout ignores pods being deleted: when a second template change arrives before the
 * first new pod is available, the manage loop deletes that pod (two old pods on one node: keep the
 * oldest), and the rolling update surges the newest pod beside the old one while the deleted pod
 * is still terminating. Three pod objects, two of them live: Kubernetes' own behaviour
 * (findUpdatedPodsOnNode skips deleting pods), allowed by daemonset.one-per-node; found by
 * `kubeprop chaos --seed 91` (daemonset runs 26 and 257).
 *
 * The same run then shows a gap of the real controller: the newest pod becomes available by the
 * clock alone, its own minReadySeconds requeue was dropped for an earlier one, and the status
 * requeue looks only at the oldest pod, so the old pod is never replaced until another event.
 * A real cluster behaves the same (cf. openkruise/kruise#1012), so workload.converges and
 * daemonset.coverage hold, and say the wait is by design, and why.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import type { TraceEvent } from '../../src/trace/types.ts';

const SCENARIO = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: surge-terminating }
spec:
  seed: 3
  cluster: { nodes: [{ count: 1 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        minReadySeconds: 14
        selector: { matchLabels: { app: agent } }
        updateStrategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
        template:
          metadata: { labels: { app: agent } }
          spec: { containers: [{ name: agent, image: agent:v1 }] }
  events:
    - { at: 30s, do: update-template, target: daemonset/agent, image: agent:v2 }
    - { at: 39s, do: update-template, target: daemonset/agent, image: agent:v3 }
  settle: 3m
`;

/** An event as people read it: the English text (traceLine is the canonical code-and-params line). */
const textLine = (e: TraceEvent) => `${e.step} ${e.atMs} ${e.kind} ${e.actor} ${e.text}`;

describe('DaemonSet surge rollout overtaken by a second template change', () => {
  const r = runScenario(parseScenarioText(SCENARIO, 'surge-terminating.yaml'), { keepTrace: true });
  const lines = r.events.map(textLine);

  it('surges beside a pod that is still terminating, within daemonset.one-per-node', () => {
    const terminated = lines.findIndex((l) => / terminate pod\/agent-/.test(l));
    const surged = lines.findIndex((l, i) => i > terminated && / create pod\/agent-/.test(l));
    const gone = lines.findIndex((l, i) => i > terminated && / delete pod\/agent-/.test(l));
    expect(terminated).toBeGreaterThan(0);
    expect(surged).toBeGreaterThan(terminated);
    expect(gone).toBeGreaterThan(surged);
    expect(r.invariants.find((i) => i.id === 'daemonset.one-per-node')?.status).toBe('held');
  });

  it('reports the surge that nothing completes as held by design, with the reason', () => {
    for (const id of ['workload.converges', 'daemonset.coverage']) {
      const inv = r.invariants.find((i) => i.id === id);
      expect(inv?.status, id).toBe('held');
      expect(inv?.heldByDesign?.[0]?.message, id).toMatch(
        /became available with no event to wake the controller/,
      );
      expect(inv?.heldByDesign?.[0]?.messageKo, id).toMatch(/openkruise/);
    }
    expect(r.final.pods).toHaveLength(2);
  });
});
