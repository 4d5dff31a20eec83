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
import type { Scenario } from '../src/scenario/types.ts';
import { describePlan } from './arbitraries.ts';
import { CAUGHT_BY, daemonScenarioArb } from './daemonset.arbitraries.ts';
import { allHold, holdsClaim, hunt } from './hunt.ts';

/**
 * Runs per property. Measured with `npx tsx properties/daemonset.power.ts 600 20261128,1,2,3,4,5`
 * (the runs each mutant needs at the suite's global seed and at fast-check seeds 1–5; figures of
 * 2026-12-06): the worst are stale-restart (59), ignores-max-unavailable (38), ignores-max-surge
 * (32) and keeps-succeeded (27); 400 leaves a margin of 6×, for generator changes. A mutant's
 * hunt stops at its first failure, so only the correct controller pays for every run.
 */
const MUTANT_RUNS = 400;
const CORRECT_RUNS = 300;
/** The time a caught mutant's story may take to shrink (a run with a node full of Failed pods is slow). */
const SHRINK_MS = 10_000;

describe('DaemonSet: properties', () => {
  it('DaemonSet: correct controller: every invariant holds under chaos', () => {
    // Every sync also plans from the full walk of every node and must decide the same (nodeTable.ts).
    const crossChecked = (s: Scenario) => allHold(s, { crossCheckNodeTable: true });
    fc.assert(fc.property(daemonScenarioArb('correct'), crossChecked), { numRuns: CORRECT_RUNS });
    // About 7 s on an idle 2-core machine; a machine loaded 20 deep stretched it past 60 s.
  }, 180_000);

  it('DaemonSet: every mutant in the catalogue has the invariant that catches it', () => {
    const mutants = Object.keys(DAEMONSET_VARIANTS).filter((v) => v !== 'correct');
    expect(Object.keys(CAUGHT_BY).sort()).toEqual(mutants.sort());
  });

  for (const [mutant, invariant] of Object.entries(CAUGHT_BY)) {
    it(`DaemonSet: mutant ${mutant}: caught by ${invariant}`, () => {
      const h = hunt(daemonScenarioArb(mutant), holdsClaim(invariant), {
        numRuns: MUTANT_RUNS,
        shrinkMs: SHRINK_MS,
      });
      expect(h.caught, `mutant ${mutant} was not caught by ${invariant}`).toBe(true);
      const shrunk = h.scenario!;
      // A failure reads as a story: the shrunk plan, one event a line, and the seed that replays it.
      console.info(
        `mutant ${mutant} caught by ${invariant} after ${h.runs} runs\nshrunk plan (seed=${shrunk.seed}, ${shrunk.nodes.length} nodes):\n${describePlan(shrunk.events)}\n  exact times (ms): ${shrunk.events.map((e) => e.at).join(', ')}`,
      );
      if (!h.shrinkCut) expect(shrunk.events.length).toBeLessThanOrEqual(6);
    });
  }
});
