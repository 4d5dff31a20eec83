/**
 * A DaemonSet rollout that Kubernetes itself cannot finish: a node stops reporting, its daemon pod
 * (already on the new template, not even terminating) turns NotReady and uses up maxUnavailable,
 * so rolling_update.go deletes no old pod elsewhere. workload.converges excuses exactly that stall,
 * and no other: with a budget of two, the pods on the reachable nodes must be updated.
 *
 * The story: node-1 is cut off and its old pod, NotReady, is replaced first (it stays Terminating);
 * node-3's pod fails and comes back on the new template; node-3 is cut off too; node-1 returns and
 * gets its new pod. Now only node-2 runs the old template, and node-3's new but NotReady pod holds
 * the whole budget.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

function scenario(maxUnavailable: number): string {
  return `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: rollout-held }
spec:
  seed: 9
  cluster: { nodes: [{ count: 3 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: { app: agent } }
        updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: ${maxUnavailable} } }
        template:
          metadata: { labels: { app: agent } }
          spec: { containers: [{ name: agent, image: agent:v1 }] }
  events:
    - { at: 20s, do: partition-node, node: node-1 }
    - { at: 90s, do: update-template, target: daemonset/agent, image: agent:v2 }
    - { at: 150s, do: fail-pod, pod: { owner: daemonset/agent, node: node-3 } }
    - { at: 200s, do: partition-node, node: node-3 }
    - { at: 300s, do: heal-node, node: node-1 }
  settle: 5m
`;
}

const run = (maxUnavailable: number) =>
  runScenario(parseScenarioText(scenario(maxUnavailable), 'rollout-held.yaml'), { keepTrace: false });
const converges = (r: ReturnType<typeof run>) =>
  r.invariants.find((i) => i.id === 'workload.converges')?.status;
const reachable = (r: ReturnType<typeof run>) => [
  ...new Set(r.final.pods.filter((p) => p.node !== 'node-3').map((p) => p.revision)),
];

describe('DaemonSet rollout with a node that stopped reporting', () => {
  const held = run(1);
  const rolled = run(2);

  it('maxUnavailable 1: the NotReady pod uses up the budget, the rollout stalls, and that is excused', () => {
    // node-1 was updated before the budget ran out; node-2 keeps the old template.
    expect(reachable(held)).toHaveLength(2);
    expect(converges(held)).toBe('held');
  });

  it('maxUnavailable 2: one more pod may go at a time, so the reachable nodes are updated', () => {
    expect(reachable(rolled)).toHaveLength(1);
    expect(converges(rolled)).toBe('held');
  });
});
