/**
 * Measures the Deployment property suite's power: for each mutant and each fast-check seed, the
 * runs its hunt needs to catch it with the claim in CAUGHT_BY (the default run counts must stay
 * above the worst, with a margin); `correct` checks the correct controller for false alarms instead.
 *
 *   npx tsx properties/deployment.power.ts [maxRuns=300] [seeds=1,2,3,4,5,6] [mutant...]
 *   npx tsx properties/deployment.power.ts 300 1,2 correct
 */
import fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.ts';
import { ARB_FOR, CAUGHT_BY, deploymentScenarioArb } from './deployment.arbitraries.ts';
import { allHold, holdsClaim } from './hunt.ts';

const [maxRunsArg, seedsArg, ...names] = process.argv.slice(2);
const maxRuns = Number(maxRunsArg ?? 300);
const seeds = (seedsArg ?? '1,2,3,4,5,6').split(',').map(Number);

function correctRuns(seed: number): string[] {
  const arbs = [deploymentScenarioArb, ...new Set(Object.values(ARB_FOR))];
  return arbs.map((arb) => {
    const out = fc.check(
      fc.property(arb('correct'), (s) => allHold(s)),
      {
        numRuns: maxRuns,
        seed,
        endOnFailure: true,
      },
    );
    return out.failed ? `FALSE ALARM after ${out.numRuns}: ${String(out.errorInstance)}` : `${maxRuns} pass`;
  });
}

for (const name of names.length > 0 ? names : Object.keys(CAUGHT_BY)) {
  const t0 = performance.now();
  const runs: string[] = [];
  for (const seed of seeds) {
    if (name === 'correct') {
      runs.push(...correctRuns(seed));
      continue;
    }
    const holds: (s: Scenario) => boolean = holdsClaim(CAUGHT_BY[name]!);
    const arb = (ARB_FOR[name] ?? deploymentScenarioArb)(name);
    const out = fc.check(fc.property(arb, holds), { numRuns: maxRuns, seed, endOnFailure: true });
    runs.push(out.failed ? String(out.numRuns) : `>${maxRuns}`);
  }
  console.log(`${name}: ${runs.join(' ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
