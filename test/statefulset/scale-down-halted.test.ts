/**
 * OrderedReady scale-down waits, by design, while the highest condemned pod is unhealthy and is
 * not the first unhealthy pod ("you cannot scale down a StatefulSet when any of its pods is
 * unhealthy", kubernetes#36333, #57865): a Failed condemned pod is never repaired, so the wait
 * lasts until a human steps in. workload.converges excuses exactly that; when the highest
 * condemned pod is the first unhealthy one, Kubernetes deletes it and the set must converge.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

/** The named pods turn NotReady, the set is scaled to zero, then they fail (as condemned pods). */
function scenario(failed: string[]): string {
  const events = failed.flatMap((name) => [
    `    - { at: 30s, do: unready-pod, pod: ${name}, for: 2m }`,
    `    - { at: 40s, do: fail-pod, pod: ${name} }`,
  ]);
  return `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: scale-down-halted }
spec:
  seed: 4
  cluster: { nodes: [{ count: 3 }] }
  objects:
    - apiVersion: apps/v1
      kind: StatefulSet
      metadata: { name: db }
      spec:
        replicas: 3
        serviceName: db
        selector: { matchLabels: { app: db } }
        template:
          metadata: { labels: { app: db } }
          spec: { containers: [{ name: db, image: db:1 }] }
  events:
    - { at: 35s, do: scale, target: statefulset/db, replicas: 0 }
${events.join('\n')}
  settle: 4m
`;
}

const run = (failed: string[]) =>
  runScenario(parseScenarioText(scenario(failed), 'scale-down-halted.yaml'), { keepTrace: false });

describe('StatefulSet OrderedReady scale-down with Failed condemned pods', () => {
  it('db-0 and db-2 Failed: Kubernetes waits for db-2 for good, and that is excused', () => {
    const r = run(['db-0', 'db-2']);
    expect(r.final.pods.map((p) => p.name)).toContain('db-2');
    expect(r.outcome).toBe('pass');
  });

  it('only db-2 Failed: it is the first unhealthy pod, so it goes, and the set scales to zero', () => {
    const r = run(['db-2']);
    expect(r.final.pods).toEqual([]);
    expect(r.outcome).toBe('pass');
  });
});
