/**
 * Deployment: the correct controller keeps every claim under generated chaos (rollouts to images
 * that never become ready, undos, pauses, resizes, controller restarts, node and pod faults), and
 * every mutant in the catalogue is caught by the same property within its default number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandChaos } from '../src/chaos/generate.ts';
import { DEPLOYMENT_VARIANTS } from '../src/controllers/deployment/variants.ts';
import { getController } from '../src/controllers/registry.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { describePlan, plainNodes, scenarioOf } from './arbitraries.ts';
import {
  ARB_FOR,
  CAUGHT_BY,
  collisionArb,
  deployment,
  deploymentScenarioArb,
  scaleDuringRolloutArb,
  unhealthyRolloutArb,
} from './deployment.arbitraries.ts';
import { allHold, holdsClaim, hunt } from './hunt.ts';

/** The i-th Deployment scenario whose faults come from the chaos generator (src/chaos/generate.ts). */
function chaosScenario(i: number): Scenario {
  const base = scenarioOf({
    name: `deployment-chaos-${i}`,
    seed: 1000 + i,
    nodes: plainNodes(3),
    objects: [deployment({ replicas: 2 + (i % 7), recreate: i % 4 === 3, progressDeadlineSeconds: 60 })],
    events: [],
    settleMs: 600_000,
  });
  return expandChaos({ ...base, chaos: { count: 20, between: [0, 300_000] } });
}

const SHRINK_MS = 5_000;

describe.skipIf(!getController('deployment'))('Deployment: properties', () => {
  // Run counts are measured (properties/deployment.power.ts, runs until the first failure at FC
  // seeds 1-6): the general generator needs at most 173 runs (scale-newest-only; keeps-history
  // 134), the focused ones 2 (no-collision-count) and 1 (no-unhealthy-cleanup). A hunt stops at
  // its first failure, so its 400 runs cost only what it needs; the correct controller gets 2.3
  // times the worst (and passed 300 runs at each of FC seeds 1-6 on every generator).
  it('Deployment: correct controller: every invariant holds under chaos', () => {
    fc.assert(
      fc.property(deploymentScenarioArb('correct'), (s) => allHold(s)),
      { numRuns: 400 },
    );
  });

  it('Deployment: correct controller: a ReplicaSet squatting the new name costs one collisionCount (kubernetes#29735)', () => {
    fc.assert(
      fc.property(collisionArb('correct'), (s) => allHold(s)),
      { numRuns: 40 },
    );
  });

  it('Deployment: correct controller: a rollout away from a never-ready template completes (kubernetes#16737)', () => {
    fc.assert(
      fc.property(unhealthyRolloutArb('correct'), (s) => allHold(s)),
      { numRuns: 40 },
    );
  });

  it('Deployment: correct controller: a scale right after a maxSurge 0 rollout starts lets it complete (kubernetes#138036)', () => {
    fc.assert(
      fc.property(scaleDuringRolloutArb('correct'), (s) => allHold(s)),
      { numRuns: 40 },
    );
  });

  it("Deployment: chaos: a scenario's `chaos:` draws the Deployment events, and the correct controller keeps every claim", () => {
    const drawn = new Set<string>();
    for (let i = 0; i < 16; i++) {
      const s = chaosScenario(i);
      for (const e of s.events) drawn.add(e.do === 'restart-controller' ? `restart ${e.controller}` : e.do);
      for (const e of s.events)
        if (e.do === 'update-template' && String(e.image).includes('never-ready'))
          drawn.add('never-ready image');
      expect(allHold(s)).toBe(true);
    }
    for (const kind of ['update-template', 'never-ready image', 'scale', 'rollout-undo', 'pause-rollout'])
      expect(drawn, kind).toContain(kind);
    for (const kind of ['resume-rollout', 'restart deployment', 'delay-watch', 'crash-node'])
      expect(drawn, kind).toContain(kind);
  });

  it('Deployment: every mutant in the catalogue has the invariant that catches it', () => {
    const mutants = Object.keys(DEPLOYMENT_VARIANTS).filter((v) => v !== 'correct');
    expect(Object.keys(CAUGHT_BY).sort()).toEqual(mutants.sort());
  });

  for (const [mutant, invariant] of Object.entries(CAUGHT_BY)) {
    it(`Deployment: mutant ${mutant}: caught by ${invariant}`, () => {
      const arb = (ARB_FOR[mutant] ?? deploymentScenarioArb)(mutant);
      const h = hunt(arb, holdsClaim(invariant), { numRuns: 400, shrinkMs: SHRINK_MS });
      expect(h.caught, `mutant ${mutant} was not caught by ${invariant}`).toBe(true);
      const shrunk = h.scenario!;
      console.info(
        `mutant ${mutant} caught by ${invariant} after ${h.runs} runs; shrunk plan (seed=${shrunk.seed}):\n${describePlan(shrunk.events)}`,
      );
      // The story is short: a rollout, an undo or a resize, and at most the fault that exposed it.
      if (!h.shrinkCut) expect(shrunk.events.length).toBeLessThanOrEqual(4);
    });
  }
});
