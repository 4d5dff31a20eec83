/**
 * Measures the ReplicaSet property suite's power: for each mutant and each fast-check seed, the
 * runs its hunt needs to catch it with the claim in CAUGHT_BY (the default run counts must stay
 * above the worst, with a margin); `correct` checks the correct controller for false alarms instead.
 *
 *   npx tsx properties/replicaset.power.ts [maxRuns=600] [seeds=1,2,3,4,5,6] [mutant...]
 *   npx tsx properties/replicaset.power.ts 1000 1,2 correct
 */
import fc from 'fast-check';
import { runScenario } from '../src/run/runScenario.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { allHold } from './power.ts';
import { ARB_FOR, CAUGHT_BY, rankingScenarioArb, replicaSetScenarioArb } from './replicaset.arbitraries.ts';

const [maxRunsArg, seedsArg, ...names] = process.argv.slice(2);
const maxRuns = Number(maxRunsArg ?? 600);
const seeds = (seedsArg ?? '1,2,3,4,5,6').split(',').map(Number);
for (const name of names.length > 0 ? names : Object.keys(CAUGHT_BY)) {
  const t0 = performance.now();
  const runs: string[] = [];
  for (const seed of seeds) {
    if (name === 'correct') {
      for (const arb of [replicaSetScenarioArb, rankingScenarioArb]) {
        const out = fc.check(fc.property(arb('correct'), allHold), {
          numRuns: maxRuns,
          seed,
          endOnFailure: true,
        });
        runs.push(
          out.failed ? `FALSE ALARM after ${out.numRuns}: ${String(out.errorInstance)}` : `${maxRuns} pass`,
        );
      }
      continue;
    }
    const invariant = CAUGHT_BY[name]!;
    const holds = (s: Scenario) =>
      runScenario(s, { stopOnViolationOf: [invariant] }).invariants.find((i) => i.id === invariant)
        ?.status !== 'violated';
    const arb = (ARB_FOR[name] ?? replicaSetScenarioArb)(name);
    const out = fc.check(fc.property(arb, holds), { numRuns: maxRuns, seed, endOnFailure: true });
    runs.push(out.failed ? String(out.numRuns) : `>${maxRuns}`);
  }
  console.log(`${name}: ${runs.join(' ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
