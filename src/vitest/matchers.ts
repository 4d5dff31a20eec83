/**
 * `expect(result).toHoldInvariant(id)` and `expect(result).toPassScenario()`: assertions on a
 * {@link RunResult} whose failure says what broke, lists the run's events and prints the replay
 * command (after writing the replay file it names).
 */
import { expect } from 'vitest';
import { failureMessage, invariantProblem, runName, runProblem } from '../api/failure.ts';
import { explainInvariant } from '../api/invariants.ts';
import { replayCommand, writeReplayFile } from '../api/replay.ts';
import type { RunResult } from '../run/types.ts';
import { currentReportDir } from './config.ts';

/** The replay command of a failing run, its file written first; undefined when it cannot be written. */
export function replayFor(result: RunResult): string | undefined {
  try {
    return replayCommand(writeReplayFile(result, currentReportDir()));
  } catch {
    return undefined;
  }
}

function asRunResult(received: unknown, matcher: string): RunResult {
  const r = received as Partial<RunResult> | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.invariants) || r.scenario === undefined)
    throw new TypeError(`${matcher}: expected the result of runScenario, got ${typeof received}`);
  return r as RunResult;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

/** The invariant `id` held in the run (it applied, was checked and never violated). */
export function toHoldInvariant(this: { isNot: boolean }, received: unknown, id: string): MatcherResult {
  const result = asRunResult(received, 'toHoldInvariant');
  explainInvariant(id); // an unknown id is an error in the test, not a failed claim
  const problem = invariantProblem(result, id);
  if (problem === undefined)
    return { pass: true, message: () => `expected ${id} not to hold, but it held in ${runName(result)}` };
  return { pass: false, message: () => failureMessage(result, problem, replayFor(result)) };
}

/** The run passed as `kubeprop run` judges it: invariants held, `expect` met, something checked. */
export function toPassScenario(this: { isNot: boolean }, received: unknown): MatcherResult {
  const result = asRunResult(received, 'toPassScenario');
  const problem = runProblem(result);
  if (problem === undefined)
    return { pass: true, message: () => `expected the run to fail, but it passed: ${runName(result)}` };
  return { pass: false, message: () => failureMessage(result, problem, replayFor(result)) };
}

export interface KubepropMatchers<R = unknown> {
  /** The invariant `id` (e.g. `statefulset.at-most-one`) applied to the run and held. */
  toHoldInvariant(id: string): R;
  /** The run passed: every checked invariant held and the scenario's `expect` was met. */
  toPassScenario(): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: vitest declares Matchers<T = any>; the augmentation must match it.
  interface Matchers<T = any> extends KubepropMatchers<T> {}
}

/** Registers the matchers with vitest's `expect` (done when kubeprop/vitest is imported). */
export function installMatchers(): void {
  expect.extend({ toHoldInvariant, toPassScenario });
}
