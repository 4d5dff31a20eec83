/**
 * DaemonSet: the correct controller keeps every claim under generated chaos (node joins and
 * removals, crashes, partitions, cordons, drains, label flips, taints of every effect, pod crashes
 * and failures, rollouts under both strategies — to images that fail, complete, crash-loop or never
 * turn ready —, graceful node shutdowns, kubelet admission rejection, finalizers, a second fault
 * within 100 ms of a join, rollout or failure, controller restarts, lagging caches; see
 * daemonset.arbitraries.ts), and each mutant in the catalogue is caught by the same property
 * within the default number of runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAEMONSET_VARIANTS } from '../src/controllers/daemonset/variants.ts';
import { type RunOptions, runScenario } from '../src/run/runScenario.ts';
import type { RunResult } from '../src/run/types.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { describePlan } from './arbitraries.ts';
import { daemonScenarioArb } from './daemonset.arbitraries.ts';

/**
 * Runs per property. Measured with `npx tsx properties/daemonset.power.ts 600 20261128,1,2,3,4,5`
 * (the runs each mutant needs at the suite's global seed and at fast-check seeds 1–5; figures of
 * 2026-12-06): the worst are stale-restart (59), ignores-max-unavailable (38), ignores-max-surge
 * (32) and keeps-succeeded (27); 400 leaves a margin of 6×, for generator changes. A mutant's
 * check stops at its first failure, so only the correct controller pays for every run.
 */
const MUTANT_RUNS = 400;
const CORRECT_RUNS = 300;
/** The time a mutant's check may take, shrinking included (a failure found stays a failure). */
const SHRINK_MS = 10_000;

function violations(r: RunResult): string {
  return r.invariants
    .filter((i) => i.status === 'violated')
    .map((i) => `${i.id}: ${i.violations[0]?.message}`)
    .join('; ');
}

/** The property: every invariant that applies holds, and the run does not crash. */
function holds(s: Scenario, opts: RunOptions = {}): boolean {
  const r = runScenario(s, opts);
  if (r.outcome !== 'pass') {
    throw new Error(`${r.outcome}: ${r.error ?? violations(r)}\nseed=${s.seed}\n${describePlan(s.events)}`);
  }
  return true;
}

describe('DaemonSet: properties', () => {
  it('DaemonSet: correct controller: every invariant holds under chaos', () => {
    // Every sync also plans from the full walk of every node and must decide the same (nodeTable.ts).
    const crossChecked = (s: Scenario) => holds(s, { crossCheckNodeTable: true });
    fc.assert(fc.property(daemonScenarioArb('correct'), crossChecked), { numRuns: CORRECT_RUNS });
  });

  const mutants = Object.keys(DAEMONSET_VARIANTS).filter((v) => v !== 'correct');
  for (const mutant of mutants) {
    it(`DaemonSet: mutant ${mutant}: caught by the same property`, () => {
      // Shrinking is bounded in time (a run with a node full of Failed pods is slow); the search is not.
      const out = fc.check(fc.property(daemonScenarioArb(mutant), (s) => holds(s)), {
        numRuns: MUTANT_RUNS,
        interruptAfterTimeLimit: SHRINK_MS,
      });
      expect(out.failed, `mutant ${mutant} was not caught`).toBe(true);
      const shrunk = out.counterexample?.[0] as Scenario;
      const why = out.errorInstance instanceof Error ? out.errorInstance.message.split('\n')[0] : '';
      // A failure reads as a story: the shrunk plan, one event a line, and the seed that replays it.
      console.info(
        `mutant ${mutant} caught after ${out.numRuns} runs (${why})\nshrunk plan (seed=${shrunk.seed}, ${shrunk.nodes.length} nodes):\n${describePlan(shrunk.events)}\n  exact times (ms): ${shrunk.events.map((e) => e.at).join(', ')}`,
      );
      if (!out.interrupted) expect(shrunk.events.length).toBeLessThanOrEqual(6);
    });
  }
});
