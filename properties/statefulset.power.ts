/**
 * Measures the StatefulSet property suite's power: for each mutant and each fast-check seed, the
 * runs its hunt needs to catch it with the claim in CAUGHT_BY, from its FOCUS fault mix (or the
 * swarm generator; SWARM=1 forces the swarm generator, the one the correct-controller property
 * uses); `correct` checks the correct controller against the swarm generator for false alarms.
 *
 *   npx tsx properties/statefulset.power.ts [maxRuns=600] [seeds=20260101,1,2,3,4] [mutant...]
 *   SWARM=1 npx tsx properties/statefulset.power.ts 1000
 */
import fc from 'fast-check';
import { runScenario } from '../src/run/runScenario.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { allHold } from './power.ts';
import { CAUGHT_BY, FOCUS, statefulSetScenarioArb, swarmScenarioArb } from './statefulset.arbitraries.ts';

const [maxRunsArg, seedsArg, ...names] = process.argv.slice(2);
const maxRuns = Number(maxRunsArg ?? 600);
const seeds = (seedsArg ?? '20260101,1,2,3,4').split(',').map(Number);
for (const name of names.length > 0 ? names : Object.keys(CAUGHT_BY)) {
  const t0 = performance.now();
  const runs: string[] = [];
  for (const seed of seeds) {
    if (name === 'correct') {
      const out = fc.check(fc.property(swarmScenarioArb('correct'), allHold), {
        numRuns: maxRuns,
        seed,
        endOnFailure: true,
      });
      runs.push(
        out.failed ? `FALSE ALARM after ${out.numRuns}: ${String(out.errorInstance)}` : `${maxRuns} pass`,
      );
      continue;
    }
    const invariant = CAUGHT_BY[name]!;
    const holds = (s: Scenario) =>
      runScenario(s, { keepTrace: false }).invariants.find((i) => i.id === invariant)?.status !== 'violated';
    const focus = process.env.SWARM ? undefined : FOCUS[name];
    const arb = focus ? statefulSetScenarioArb(name, focus) : swarmScenarioArb(name);
    const out = fc.check(fc.property(arb, holds), { numRuns: maxRuns, seed, endOnFailure: true });
    runs.push(out.failed ? String(out.numRuns) : `>${maxRuns}`);
  }
  console.log(`${name}: ${runs.join(' ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
