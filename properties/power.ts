/**
 * The driver the power scripts share (properties/*.power.ts): for each mutant and each fast-check
 * seed, the runs its hunt needs to catch it with its claim (a suite's default run count must stay
 * above the worst, with a margin); `correct` runs the correct controller's generators instead and
 * reports any false alarm. DUMP=<dir> writes each failing scenario there as JSON.
 *
 *   npx tsx properties/<suite>.power.ts [maxRuns] [seeds=a,b,c] [mutant... | correct]
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Scenario } from '../src/scenario/types.ts';
import { allHold, holdsClaim, hunt } from './hunt.ts';

export interface PowerSuite {
  /** The claim that must catch each mutant (the suite's CAUGHT_BY table). */
  caughtBy: Record<string, string>;
  /** The generator a mutant is hunted with. */
  arb(mutant: string): fc.Arbitrary<Scenario>;
  /** The generators the correct controller's properties use. */
  correct: ReadonlyArray<fc.Arbitrary<Scenario>>;
}

function dump(name: string, seed: number, s: Scenario | undefined): void {
  if (process.env.DUMP && s) writeFileSync(`${process.env.DUMP}/${name}-${seed}.json`, JSON.stringify(s));
}

function correctRuns(suite: PowerSuite, maxRuns: number, seed: number): string[] {
  return suite.correct.map((arb) => {
    const out = fc.check(
      fc.property(arb, (s) => allHold(s)),
      { numRuns: maxRuns, seed, endOnFailure: true },
    );
    if (!out.failed) return `${maxRuns} pass`;
    dump('correct', seed, out.counterexample?.[0]);
    return `FALSE ALARM after ${out.numRuns}: ${String(out.errorInstance)}`;
  });
}

/** Measures the named mutants (all when none is named) and prints one line each. */
export function measurePower(suite: PowerSuite, defaults: { maxRuns: number; seeds: string }): void {
  const [maxRunsArg, seedsArg, ...names] = process.argv.slice(2);
  const maxRuns = Number(maxRunsArg ?? defaults.maxRuns);
  const seeds = (seedsArg ?? defaults.seeds).split(',').map(Number);
  for (const name of names.length > 0 ? names : Object.keys(suite.caughtBy)) {
    const t0 = performance.now();
    const runs: string[] = [];
    for (const seed of seeds) {
      if (name === 'correct') {
        runs.push(...correctRuns(suite, maxRuns, seed));
        continue;
      }
      const h = hunt(suite.arb(name), holdsClaim(suite.caughtBy[name]!), { numRuns: maxRuns, seed });
      if (h.caught) dump(name, seed, h.scenario);
      runs.push(h.caught ? String(h.runs) : `>${maxRuns}`);
    }
    console.log(`${name}: ${runs.join(' ')} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  }
}
