/**
 * A DaemonSet rollout to a crash-looping image (`image: agent:broken`, default strategy, 3 nodes):
 * each new pod is briefly Ready, then crash-loops. Once a new pod stays unavailable it uses up
 * maxUnavailable 1 and rolling_update.go deletes no further old pod: Kubernetes holds the rollout
 * on purpose, so an operator notices before every node runs the broken agent. workload.converges
 * used to fail it ("1 pods still run an old template", 4 of 4 seeds); it is a PASS that says why.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

function scenario(seed: number): string {
  return `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: broken-image-rollout }
spec:
  seed: ${seed}
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
    - { at: 30s, do: update-template, target: daemonset/agent, image: agent:broken }
  settle: 5m
`;
}

describe('DaemonSet rollout to a crash-looping image', () => {
  const runs = [1, 2, 3, 4].map((seed) =>
    runScenario(parseScenarioText(scenario(seed), 'broken-image-rollout.yaml'), { keepTrace: false }),
  );

  it('broken-image-rollout-held: passes on every seed', () => {
    for (const r of runs) {
      expect(r.outcome, `seed ${r.seed}`).toBe('pass');
      expect(r.invariants.find((i) => i.id === 'workload.converges')?.status).toBe('held');
    }
  });

  it('broken-image-rollout-held: a rollout stopped with old pods left says it is held at maxUnavailable, en and ko', () => {
    const stopped = runs.filter((r) =>
      r.invariants
        .find((i) => i.id === 'workload.converges')
        ?.heldByDesign?.some((n) =>
          /rollout held by design: .*never became ready.*maxUnavailable 1/.test(n.message),
        ),
    );
    expect(stopped.length).toBeGreaterThan(0);
    for (const r of stopped) {
      const note = r.invariants
        .find((i) => i.id === 'workload.converges')!
        .heldByDesign!.find((n) => /rollout held by design/.test(n.message))!;
      expect(note.messageKo).toMatch(/설계상 롤아웃 대기/);
    }
  });
});
