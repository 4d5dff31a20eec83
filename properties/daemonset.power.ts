/**
 * Measures the DaemonSet property suite's power: for each mutant and each fast-check seed, the runs
 * the property needs to catch it (the default run count must stay above the worst, with a margin),
 * and for the correct controller, how many runs pass before a false alarm (none, we hope).
 *
 *   npx tsx properties/daemonset.power.ts [maxRuns=1500] [seeds=1,2,3,4,5] [variant...]
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { DAEMONSET_VARIANTS } from '../src/controllers/daemonset/variants.ts';
import { runScenario } from '../src/run/runScenario.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { describePlan } from './arbitraries.ts';
import { daemonScenarioArb } from './daemonset.arbitraries.ts';

function holds(s: Scenario): boolean {
  const r = runScenario(s);
  if (r.outcome === 'pass') return true;
  const why = r.invariants
    .filter((i) => i.status === 'violated')
    .map((i) => `${i.id}: ${i.violations[0]?.message}`)
    .join('; ');
  throw new Error(`${r.outcome}: ${r.error ?? why}\nseed=${s.seed}\n${describePlan(s.events)}`);
}

const [maxRunsArg, seedsArg, ...names] = process.argv.slice(2);
const maxRuns = Number(maxRunsArg ?? 1500);
const seeds = (seedsArg ?? '1,2,3,4,5').split(',').map(Number);
const variants = names.length > 0 ? names : Object.keys(DAEMONSET_VARIANTS);
for (const v of variants) {
  const runs: string[] = [];
  const t0 = performance.now();
  for (const seed of seeds) {
    const out = fc.check(fc.property(daemonScenarioArb(v), holds), {
      numRuns: maxRuns,
      seed,
      endOnFailure: true,
    });
    runs.push(out.failed ? String(out.numRuns) : `>${maxRuns}`);
    if (out.failed && process.env.DUMP)
      writeFileSync(`${process.env.DUMP}/${v}-${seed}.json`, JSON.stringify(out.counterexample?.[0]));
    if (out.failed && v === 'correct') {
      const msg = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
      console.log(`  correct, seed ${seed}: ${msg.slice(0, 1500)}`);
    }
  }
  const ms = Math.round(performance.now() - t0);
  console.log(`${v}: runs to catch per seed [${seeds.join(',')}] = ${runs.join(', ')} (${ms} ms)`);
}
