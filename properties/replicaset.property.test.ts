/**
 * ReplicaSet: the correct controller keeps every claim under generated chaos, and every mutant in
 * the catalogue is caught by the same property within its default number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPLICASET_VARIANTS } from '../src/controllers/replicaset/variants.ts';
import { runScenario } from '../src/run/runScenario.ts';
import type { RunResult } from '../src/run/types.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { describePlan } from './arbitraries.ts';
import {
  ARB_FOR,
  adoptionRaceArb,
  CAUGHT_BY,
  failedCreatesArb,
  rankingScenarioArb,
  replicaSetScenarioArb,
  staggeredReadinessArb,
} from './replicaset.arbitraries.ts';

function violations(r: RunResult): string {
  return r.invariants
    .filter((i) => i.status === 'violated')
    .map((i) => `${i.id}: ${i.violations[0]?.message}`)
    .join('; ');
}

/**
 * Fixed so CI is reproducible (the seed is in the titles and every counterexample): a property
 * that draws a fresh seed each run turns a rare wait into a flaky test. A rare conjunction some
 * seeds meet (a 112 s watch delay within 100 ms of a scale, then failed creates, so the work
 * queue's back-off outgrows the settle time, as it would on a cluster) is left to the
 * measurements in replicaset.power.ts.
 */
const SEED = 20_261_206;

/** The time a mutant's check may take, shrinking included (a failure found stays a failure). */
const SHRINK_MS = 5_000;

/** Runs one generated scenario; an internal error is never an acceptable outcome. */
function run(s: Scenario, stopOnViolationOf?: string[]): RunResult {
  const r = runScenario(s, stopOnViolationOf ? { stopOnViolationOf } : {});
  if (r.outcome === 'error')
    throw new Error(`internal error: ${r.error}\nseed=${s.seed}\n${describePlan(s.events)}`);
  return r;
}

/** The property of the correct controller: every invariant that applies holds. */
function allHold(s: Scenario): boolean {
  const r = run(s);
  if (r.outcome !== 'pass') throw new Error(`${violations(r)}\nseed=${s.seed}\n${describePlan(s.events)}`);
  return true;
}

describe('ReplicaSet: properties', () => {
  // Run counts are measured (runs until the first failure at FC seeds 1-6): the general generator
  // needs at most 105 runs for the mutants it hunts (no-release), the ranking generator 55
  // (ignores-restarts), the staggered, adoption-race and failed-creates ones 17, 6 and 1; the
  // correct controller gets about 2.4 times the worst, so a bug of the same classes is met too. A
  // mutant hunt stops at its first failure, so its 250 runs cost only what it needs.
  it(`ReplicaSet: correct controller: every invariant holds under chaos (seed=${SEED})`, () => {
    fc.assert(fc.property(replicaSetScenarioArb('correct'), allHold), { numRuns: 250, seed: SEED });
  });

  it('ReplicaSet: correct controller: scale-downs of pods that differ in every rung keep every claim', () => {
    fc.assert(fc.property(rankingScenarioArb('correct'), allHold), { numRuns: 160, seed: SEED });
  });

  it('ReplicaSet: correct controller: never adopts while deleted with --cascade=orphan (kubernetes#42639)', () => {
    fc.assert(fc.property(adoptionRaceArb('correct'), allHold), { numRuns: 100, seed: SEED });
  });

  it('ReplicaSet: correct controller: a failed create batch does not stall the scale-up', () => {
    fc.assert(fc.property(failedCreatesArb('correct'), allHold), { numRuns: 150, seed: SEED });
  });

  it('ReplicaSet: correct controller: availableReplicas keeps up with staggered readiness', () => {
    fc.assert(fc.property(staggeredReadinessArb('correct'), allHold), { numRuns: 60, seed: SEED });
  });

  it('ReplicaSet: every mutant in the catalogue has the invariant that catches it', () => {
    const mutants = Object.keys(REPLICASET_VARIANTS).filter((v) => v !== 'correct');
    expect(Object.keys(CAUGHT_BY).sort()).toEqual(mutants.sort());
  });

  for (const [mutant, invariant] of Object.entries(CAUGHT_BY)) {
    it(`ReplicaSet: mutant ${mutant}: caught by ${invariant} (seed=${SEED})`, () => {
      const holdsFor = (s: Scenario) =>
        run(s, [invariant]).invariants.find((i) => i.id === invariant)?.status !== 'violated';
      const arb = (ARB_FOR[mutant] ?? replicaSetScenarioArb)(mutant);
      // Shrinking is bounded in time (a staggered-readiness story shrinks slowly); the search is not.
      const out = fc.check(fc.property(arb, holdsFor), {
        numRuns: 250,
        seed: SEED,
        interruptAfterTimeLimit: SHRINK_MS,
      });
      expect(out.failed, `mutant ${mutant} was not caught by ${invariant}`).toBe(true);
      expect(String(out.errorInstance), 'the run crashed instead of violating the claim').not.toContain(
        'internal error',
      );
      const shrunk = out.counterexample?.[0] as Scenario;
      // A failure reads as a story: the shrunk plan, one event a line, and the seed that replays it.
      console.info(
        `mutant ${mutant} caught by ${invariant} after ${out.numRuns} runs; shrunk plan (seed=${shrunk.seed}):\n${describePlan(shrunk.events)}`,
      );
      // A ranking plan keeps its closing scale-down (and a crash-looping set's wind-down) and needs
      // the events that made the pods differ: up to six.
      if (!out.interrupted)
        expect(shrunk.events.length).toBeLessThanOrEqual(ARB_FOR[mutant] === rankingScenarioArb ? 6 : 4);
    });
  }
});
