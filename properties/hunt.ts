/**
 * What the property suites share: a run's violations in one line, the correct-controller property
 * (every claim holds, no crash), and the mutant hunt.
 *
 * A hunt first searches with no time limit and stops at the first failure, so whether a mutant is
 * caught never depends on how loaded the machine is (a time limit on the whole check once let a
 * slow machine end the search before the failure, and the mutant looked missed). Only then is the
 * failure shrunk, replayed from its path, within a time budget: the shrunk story is for people.
 */
import fc from 'fast-check';
import { type RunOptions, runScenario } from '../src/run/runScenario.ts';
import type { RunResult } from '../src/run/types.ts';
import type { Scenario } from '../src/scenario/types.ts';
import { describePlan } from './arbitraries.ts';

/** The violated claims of a run, each with its first message, in one line. */
export function violations(r: RunResult): string {
  return r.invariants
    .filter((i) => i.status === 'violated')
    .map((i) => `${i.id}: ${i.violations[0]?.message}`)
    .join('; ');
}

/**
 * Runs one generated scenario with no trace kept (no verdict reads it); an internal error is never
 * an acceptable outcome.
 */
export function runQuietly(s: Scenario, opts: RunOptions = {}): RunResult {
  const r = runScenario(s, { keepTrace: false, ...opts });
  if (r.outcome === 'error')
    throw new Error(`internal error: ${r.error}\nseed=${s.seed}\n${describePlan(s.events)}`);
  return r;
}

/** The property of the correct controller: every claim that applies holds; throws naming them. */
export function allHold(s: Scenario, opts: RunOptions = {}): boolean {
  const r = runQuietly(s, opts);
  if (r.outcome !== 'pass')
    throw new Error(`${r.outcome}: ${violations(r)}\nseed=${s.seed}\n${describePlan(s.events)}`);
  return true;
}

/** A predicate that holds while `invariant` does (the run stops at its first violation). */
export function holdsClaim(invariant: string): (s: Scenario) => boolean {
  return (s) =>
    runQuietly(s, { stopOnViolationOf: [invariant] }).invariants.find((i) => i.id === invariant)?.status !==
    'violated';
}

export interface Hunt {
  caught: boolean;
  /** Runs until the first failure (numRuns when not caught). */
  runs: number;
  /** The failing scenario, shrunk as far as the budget allowed. */
  scenario?: Scenario;
  /** Why the (shrunk) scenario fails: the first line of the property's error, if it threw. */
  why: string;
  /** True when the shrink budget ran out before the story was minimal. */
  shrinkCut: boolean;
}

export interface HuntOptions {
  numRuns: number;
  /** Fast-check seed; the global one (vitest.setup.ts) when absent. */
  seed?: number;
  /** Wall-time budget of the shrink (0: keep the first failure as found). */
  shrinkMs?: number;
}

/** Searches for a scenario that breaks `holds`, then shrinks it within the budget. */
export function hunt(arb: fc.Arbitrary<Scenario>, holds: (s: Scenario) => boolean, o: HuntOptions): Hunt {
  const prop = fc.property(arb, holds);
  const seed = o.seed === undefined ? {} : { seed: o.seed };
  const found = fc.check(prop, { ...seed, numRuns: o.numRuns, endOnFailure: true });
  if (!found.failed) return { caught: false, runs: found.numRuns, why: '', shrinkCut: false };
  let out = found;
  let shrinkCut = false;
  if ((o.shrinkMs ?? 0) > 0) {
    const replay = { seed: found.seed, path: found.counterexamplePath ?? undefined };
    const shrunk = fc.check(prop, { ...replay, interruptAfterTimeLimit: o.shrinkMs });
    if (shrunk.failed) out = shrunk;
    shrinkCut = shrunk.interrupted;
  }
  const error = out.errorInstance instanceof Error ? out.errorInstance.message.split('\n')[0]! : '';
  return { caught: true, runs: found.numRuns, scenario: out.counterexample?.[0], why: error, shrinkCut };
}
