/**
 * Shrinking a failing run to a minimal event list, by delta debugging (Zeller and Hildebrandt's
 * ddmin, "Simplifying and Isolating Failure-Inducing Input", 2002): re-run the scenario with
 * subsets of its events and keep a subset when the same invariant still fails, until removing
 * any one more group of events makes the failure go away (1-minimal) or the re-run budget is spent.
 *
 * The budget counts re-runs, never wall time, so the same failing run always shrinks to the same
 * events. Pure given the run function: everything random in a run comes from its seed.
 */
import { eventNode } from '../chaos/eventRefs.ts';
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import type { RunFn } from './replay.ts';
import type { RunResult } from './types.ts';

/** Re-runs a shrink may spend when the caller names no budget. */
export const DEFAULT_SHRINK_RUNS = 200;

export interface DdminResult<T> {
  /** The smallest failing subset found, in the original order. */
  kept: T[];
  /** Calls of `fails` made (cached subsets are not called twice). */
  tests: number;
  /** True when every single-unit removal was tried and passed; false when the budget ran out. */
  minimal: boolean;
}

/**
 * ddmin over `items`, which must fail as a whole. `fails(subset)` re-runs with only that subset.
 * The empty subset is tried first: some failures need no event at all.
 */
export function ddmin<T>(
  items: readonly T[],
  fails: (subset: readonly T[]) => boolean,
  maxTests = DEFAULT_SHRINK_RUNS,
): DdminResult<T> {
  const cache = new Map<string, boolean>();
  let tests = 0;
  // Subsets are index lists into `items`, so the cache key is exact and the order is kept.
  const test = (idx: readonly number[]): boolean | undefined => {
    const key = idx.join(',');
    const known = cache.get(key);
    if (known !== undefined) return known;
    if (tests >= maxTests) return undefined;
    tests++;
    const verdict = fails(idx.map((i) => items[i]!));
    cache.set(key, verdict);
    return verdict;
  };
  const done = (idx: readonly number[], minimal: boolean): DdminResult<T> => ({
    kept: idx.map((i) => items[i]!),
    tests,
    minimal,
  });
  let current = items.map((_, i) => i);
  if (current.length === 0) return done(current, true);
  const empty = test([]);
  if (empty === undefined) return done(current, false);
  if (empty) return done([], true);
  let n = 2;
  while (current.length >= 2) {
    const step = reduceOnce(current, n, test);
    if (step === 'budget') return done(current, false);
    if (step !== 'none') {
      current = step.next;
      n = step.n;
      continue;
    }
    if (n >= current.length) break;
    n = Math.min(2 * n, current.length);
  }
  return done(current, true);
}

type Step = 'none' | 'budget' | { next: number[]; n: number };

/** One ddmin round at granularity n: a failing chunk, else a failing complement. */
function reduceOnce(
  current: readonly number[],
  n: number,
  test: (idx: readonly number[]) => boolean | undefined,
): Step {
  const chunks = split(current, n);
  for (const chunk of chunks) {
    const v = test(chunk);
    if (v === undefined) return 'budget';
    if (v) return { next: chunk, n: 2 };
  }
  // With two chunks each complement is the other chunk, already tried.
  if (n === 2) return 'none';
  for (let i = 0; i < chunks.length; i++) {
    const complement = chunks.filter((_, j) => j !== i).flat();
    const v = test(complement);
    if (v === undefined) return 'budget';
    if (v) return { next: complement, n: Math.max(n - 1, 2) };
  }
  return 'none';
}

/** `xs` cut into n contiguous chunks whose sizes differ by at most one (n ≤ xs.length: none empty). */
function split<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  let start = 0;
  for (let i = 0; i < n; i++) {
    const end = start + Math.floor((xs.length - start) / (n - i));
    out.push(xs.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * The events as units that are kept or dropped together: a crash or partition of a node and the
 * next heal of that node form one unit, every other event is a unit of its own. Dropping only the
 * heal would leave a machine down for good, which can fail convergence for a reason of its own
 * (with a StatefulSet a pod stuck on a dead node blocks its identity until the node is fenced,
 * kubernetes#54368) and swap the bug being shrunk for another. Dropping the crash and keeping the
 * heal is harmless: healing a healthy node changes nothing. Events naming a node or pod that an
 * earlier dropped event would have made are recorded as skipped by the run, which is fine.
 */
export function eventUnits(events: readonly ScenarioEvent[]): number[][] {
  const units: number[][] = [];
  const openFault = new Map<string, number[]>();
  events.forEach((ev, i) => {
    const node = eventNode(ev);
    if (node !== undefined && ev.do === 'heal-node' && openFault.has(node)) {
      openFault.get(node)!.push(i);
      openFault.delete(node);
      return;
    }
    const unit = [i];
    units.push(unit);
    if (node !== undefined && (ev.do === 'crash-node' || ev.do === 'partition-node'))
      openFault.set(node, unit);
  });
  return units;
}

/** What a failing run is shrunk to keep failing: an invariant id, or an internal error (its first line). */
export type ShrinkTarget = { invariant: string } | { error: string };

/** The invariant that failed first (earliest step, then time), or the error; undefined for a pass. */
export function shrinkTarget(result: RunResult): ShrinkTarget | undefined {
  if (result.outcome === 'error') return { error: firstLine(result.error) };
  let best: { id: string; step: number; atMs: number } | undefined;
  for (const inv of result.invariants) {
    if (inv.status !== 'violated') continue;
    if (result.scenario.expect?.violates.includes(inv.id)) continue;
    const v = inv.violations[0];
    const step = v?.step ?? Number.MAX_SAFE_INTEGER;
    const atMs = v?.atMs ?? Number.MAX_SAFE_INTEGER;
    if (best === undefined || step < best.step || (step === best.step && atMs < best.atMs))
      best = { id: inv.id, step, atMs };
  }
  return best && { invariant: best.id };
}

const firstLine = (text: string | undefined) => (text ?? '').split('\n')[0]!;

/** Whether a run fails the way the target says. */
export function failsLike(result: RunResult, target: ShrinkTarget): boolean {
  // The same error, not any error: a subset may crash the toolkit somewhere else.
  if ('error' in target) return result.outcome === 'error' && firstLine(result.error) === target.error;
  return result.invariants.some((i) => i.id === target.invariant && i.status === 'violated');
}

export interface ShrinkOptions {
  /** Re-runs the shrink may spend (default 200). */
  maxRuns?: number;
  /** What must keep failing (default: the run's first violated invariant, or its error). */
  target?: ShrinkTarget;
  /**
   * Whether a re-run still shows the failure (default: `failsLike` the target). A benchmark
   * passes a differential check here (the mutant fails, the correct controller does not).
   */
  stillFails?: (result: RunResult, target: ShrinkTarget) => boolean;
}

export interface ShrinkOutcome {
  target: ShrinkTarget;
  /** The shrunk run, re-run with its trace kept (for its replay file). */
  result: RunResult;
  fromEvents: number;
  toEvents: number;
  /** Re-runs spent, the final one with its trace included. */
  runs: number;
  minimal: boolean;
}

/** The scenario with only these events, and no chaos to draw again. */
export function withEvents(scenario: Scenario, events: readonly ScenarioEvent[]): Scenario {
  return { ...scenario, events: events.map((e) => ({ ...e })), chaos: undefined };
}

/**
 * Shrinks a failing run. Returns undefined for a run that did not fail (or failed only an
 * `expect`, which names no invariant to keep failing).
 */
export function shrinkRun(
  failing: RunResult,
  run: RunFn,
  opts: ShrinkOptions = {},
): ShrinkOutcome | undefined {
  const target = opts.target ?? shrinkTarget(failing);
  if (target === undefined) return undefined;
  const stillFails = opts.stillFails ?? failsLike;
  const base = failing.scenario;
  const events = base.events;
  // Trial runs skip the trace lines and the digest (only the verdict matters); the final run keeps them.
  const quiet = { ...base, sim: { ...base.sim, keepTrace: false } };
  const units = eventUnits(events);
  const eventsOf = (subset: readonly number[][]) =>
    subset
      .flat()
      .sort((a, b) => a - b)
      .map((i) => events[i]!);
  const trial = (subset: readonly number[][]) =>
    stillFails(run(withEvents(quiet, eventsOf(subset)), { seed: failing.seed, traceDigest: false }), target);
  const found = ddmin(units, trial, (opts.maxRuns ?? DEFAULT_SHRINK_RUNS) - 1);
  const kept = eventsOf(found.kept);
  const result = run(withEvents(base, kept), { seed: failing.seed });
  return {
    target,
    result,
    fromEvents: events.length,
    toEvents: kept.length,
    runs: found.tests + 1,
    minimal: found.minimal,
  };
}
