/**
 * kubernetes#117204: a node joins, gets its daemon pod, and goes NotReady before the pod is ready.
 * The pod stays unavailable and uses up maxUnavailable, so a rollout started then never finishes
 * until the node returns or is deleted: a real cluster stalls the same way. workload.converges
 * used to let it pass silently; it now says the rollout is held by design, and why (en, ko).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const SCENARIO = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: rollout-held-by-notready-join }
spec:
  seed: 3
  cluster: { nodes: [{ count: 3 }] }
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
    - { at: 20s, do: add-node, node: node-4 }
    - { at: 20100ms, do: crash-node, node: node-4 }
    - { at: 60s, do: update-template, target: daemonset/agent, image: agent:v2 }
  settle: 5m
`;

describe('DaemonSet rollout stalled by a node that joined and went NotReady (kubernetes#117204)', () => {
  const r = runScenario(parseScenarioText(SCENARIO, 'rollout-held-by-notready-join.yaml'), {
    keepTrace: false,
  });
  const converges = r.invariants.find((i) => i.id === 'workload.converges');

  it('rollout-held-by-notready-join: the old pods stay, and the run passes', () => {
    expect(r.outcome).toBe('pass');
    expect(converges?.status).toBe('held');
    // node-4's old pod was deleted first (it was unavailable) and stays terminating on the dead
    // node, using up maxUnavailable 1: every reachable node keeps the old template.
    const stuck = r.final.pods.find((p) => p.node === 'node-4');
    expect(stuck?.terminating).toBe(true);
    const reachable = r.final.pods.filter((p) => p.node !== 'node-4');
    expect(reachable).toHaveLength(3);
    expect(reachable.every((p) => p.revision === stuck?.revision)).toBe(true);
  });

  it('rollout-held-by-notready-join: says the rollout is held by design, naming the node, en and ko', () => {
    const note = converges?.heldByDesign?.find((n) => /rollout held by design/.test(n.message));
    expect(note?.message).toMatch(/node-4 does not report.*maxUnavailable 1/);
    expect(note?.messageKo).toMatch(/설계상 롤아웃 대기: node-4의 상태 보고가 끊김/);
  });
});
