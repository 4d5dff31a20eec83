/**
 * A scale in the middle of a maxSurge 0 rollout (chaos --runs 10000 --seed 6 run 4008, shrunk):
 * the rolling update has sized the old ReplicaSet 4 → 3 under desired-replicas 4, then the user
 * scales the Deployment to 3. isScalingEvent sees the stale annotation; scale() finds the one active
 * set already of size 3. Kubernetes returns there without refreshing the annotation, so every later
 * sync is a scaling event and the rollout never resumes (kubernetes#138036, #138840, open); kubeprop's
 * controller refreshes it, and the upstream behaviour is the mutant stale-scale-annotation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const file = join(import.meta.dirname, 'fixtures', 'scale-during-maxsurge0-rollout.scenario.json');
const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;

function violated(variant: string): string[] {
  const r = runScenario({ ...scenario, controllers: { ...scenario.controllers, deployment: variant } });
  return r.invariants.filter((i) => i.status === 'violated').map((i) => i.id);
}

describe('Deployment: a scale during a maxSurge 0 rollout', () => {
  it('Deployment: the correct controller refreshes the stale desired-replicas annotation and completes the rollout', () => {
    expect(violated('correct')).toEqual([]);
  });

  it('Deployment: stale-scale-annotation (upstream, kubernetes#138036) wedges the rollout: workload.converges', () => {
    expect(violated('stale-scale-annotation')).toContain('workload.converges');
  });
});
