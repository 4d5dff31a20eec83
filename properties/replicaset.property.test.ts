/**
 * ReplicaSet: the correct controller keeps every claim under generated chaos, and every mutant in
 * the catalogue is caught by the same property within its default number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPLICASET_VARIANTS } from '../src/controllers/replicaset/variants.ts';
import { describePlan } from './arbitraries.ts';
import { allHold, holdsClaim, hunt } from './hunt.ts';
import {
  ARB_FOR,
  adoptionRaceArb,
  CAUGHT_BY,
  failedCreatesArb,
  rankingScenarioArb,
  replicaSetScenarioArb,
  staggeredReadinessArb,
} from './replicaset.arbitraries.ts';

/** The time a caught mutant's story may take to shrink (a staggered-readiness story shrinks slowly). */
const SHRINK_MS = 5_000;

describe('ReplicaSet: properties', () => {
  // Run counts are measured (runs until the first failure at FC seeds 1-6): the general generator
  // needs at most 105 runs for the mutants it hunts (no-release), the ranking generator 55
  // (ignores-restarts), the staggered, adoption-race and failed-creates ones 17, 6 and 1; the
  // correct controller gets about 2.4 times the worst, so a bug of the same classes is met too. A
  // mutant hunt stops at its first failure, so its 250 runs cost only what it needs. The seed is
  // the suite-wide one (vitest.setup.ts; FC_SEED=<n> explores others).
  it('ReplicaSet: correct controller: every invariant holds under chaos', () => {
    fc.assert(
      fc.property(replicaSetScenarioArb('correct'), (s) => allHold(s)),
      { numRuns: 250 },
    );
  });

  it('ReplicaSet: correct controller: scale-downs of pods that differ in every rung keep every claim', () => {
    fc.assert(
      fc.property(rankingScenarioArb('correct'), (s) => allHold(s)),
      { numRuns: 160 },
    );
  });

  it('ReplicaSet: correct controller: never adopts while deleted with --cascade=orphan (kubernetes#42639)', () => {
    fc.assert(
      fc.property(adoptionRaceArb('correct'), (s) => allHold(s)),
      { numRuns: 100 },
    );
  });

  it('ReplicaSet: correct controller: a failed create batch does not stall the scale-up', () => {
    fc.assert(
      fc.property(failedCreatesArb('correct'), (s) => allHold(s)),
      { numRuns: 150 },
    );
  });

  it('ReplicaSet: correct controller: availableReplicas keeps up with staggered readiness', () => {
    fc.assert(
      fc.property(staggeredReadinessArb('correct'), (s) => allHold(s)),
      { numRuns: 60 },
    );
  });

  it('ReplicaSet: every mutant in the catalogue has the invariant that catches it', () => {
    const mutants = Object.keys(REPLICASET_VARIANTS).filter((v) => v !== 'correct');
    expect(Object.keys(CAUGHT_BY).sort()).toEqual(mutants.sort());
  });

  for (const [mutant, invariant] of Object.entries(CAUGHT_BY)) {
    it(`ReplicaSet: mutant ${mutant}: caught by ${invariant}`, () => {
      const arb = (ARB_FOR[mutant] ?? replicaSetScenarioArb)(mutant);
      const h = hunt(arb, holdsClaim(invariant), { numRuns: 250, shrinkMs: SHRINK_MS });
      expect(h.caught, `mutant ${mutant} was not caught by ${invariant}`).toBe(true);
      const shrunk = h.scenario!;
      // A failure reads as a story: the shrunk plan, one event a line, and the seed that replays it.
      console.info(
        `mutant ${mutant} caught by ${invariant} after ${h.runs} runs; shrunk plan (seed=${shrunk.seed}):\n${describePlan(shrunk.events)}`,
      );
      // A ranking plan keeps its closing scale-down (and a crash-looping set's wind-down) and needs
      // the events that made the pods differ: up to six.
      if (!h.shrinkCut)
        expect(shrunk.events.length).toBeLessThanOrEqual(ARB_FOR[mutant] === rankingScenarioArb ? 6 : 4);
    });
  }
});
