/**
 * `chaosProperty(name, arbitrary)`: a fast-check property over generated scenarios, built on
 * @fast-check/vitest. fast-check prints the seed and path that reproduce a failure and shrinks it
 * as usual; the failure message kubeprop adds names the invariant, lists the shrunk events one per
 * line and prints the `kubeprop replay` command of the shrunk run.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { eventLines, failureMessage, invariantProblem, runProblem } from '../api/failure.ts';
import { replayCommand } from '../api/replay.ts';
import { checkInvariantIds, type RunScenarioOptions, runScenario } from '../api/run.ts';
import { writeReplay } from '../run/replay.ts';
import type { RunResult } from '../run/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { currentReportDir } from './config.ts';

/**
 * @fast-check/vitest is an optional peer dependency: the matchers and scenarioTests work without
 * it, and chaosProperty says what to install when it is missing.
 */
const fastCheckVitest: typeof import('@fast-check/vitest') | undefined = await import(
  '@fast-check/vitest'
).catch(() => undefined);

export interface ChaosPropertyOptions
  extends Pick<RunScenarioOptions, 'controllers' | 'check' | 'keepTrace'> {
  /** Invariants that must hold in every run; default: every run passes as `kubeprop run` judges it. */
  invariants?: readonly string[];
  /** fast-check parameters (numRuns, seed, path, endOnFailure, …); fast-check's defaults otherwise. */
  params?: fc.Parameters<[Scenario]>;
  /** Per-test timeout, ms. */
  timeout?: number;
}

/**
 * Declares a vitest test that runs `arbitrary`'s scenarios and asserts the invariants. A failing
 * run's replay file is written to `<reportDir>/properties/<name>.replay.json`: each failure found
 * while shrinking overwrites it, so it ends as the shrunk counterexample the message shows.
 */
export function chaosProperty(
  name: string,
  arbitrary: fc.Arbitrary<Scenario>,
  options: ChaosPropertyOptions = {},
): void {
  const { params, timeout } = options;
  if (fastCheckVitest === undefined)
    throw new Error('chaosProperty needs @fast-check/vitest: npm install --save-dev @fast-check/vitest');
  fastCheckVitest.test.prop([readable(arbitrary)], params ?? {})(
    name,
    chaosPredicate(name, options),
    timeout,
  );
}

/**
 * The property's body: runs one scenario and throws the failure message when the invariants do not
 * hold, after writing the run's replay file (see {@link chaosProperty}).
 */
export function chaosPredicate(
  name: string,
  options: ChaosPropertyOptions = {},
): (scenario: Scenario) => void {
  const { invariants, params: _params, timeout: _timeout, ...runOptions } = options;
  if (invariants !== undefined) checkInvariantIds(invariants);
  return (scenario) => {
    const result = runScenario(scenario, runOptions);
    const problem = problemOf(result, invariants);
    if (problem === undefined) return;
    const path = writeReplay(result, join(currentReportDir(), 'properties', `${slug(name)}.replay.json`));
    throw new Error(failureMessage(result, problem, replayCommand(path)));
  };
}

function problemOf(result: RunResult, invariants: readonly string[] | undefined): string | undefined {
  if (invariants === undefined) return runProblem(result);
  for (const id of invariants) {
    const problem = invariantProblem(result, id);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/** File-name form of a test name. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'property'
  );
}

/**
 * The same arbitrary, its values printed as a scenario summary with one event per line instead of
 * fast-check's dump of the whole object. The printer is a non-enumerable symbol: runs, replay files
 * and shrinking never see it.
 */
export function readable(arbitrary: fc.Arbitrary<Scenario>): fc.Arbitrary<Scenario> {
  return arbitrary.map((s) => {
    const copy = { ...s };
    Object.defineProperty(copy, fc.toStringMethod, {
      value: () => [`scenario ${s.name} seed=${s.seed}`, ...eventLines(s.events)].join('\n'),
      enumerable: false,
    });
    return copy;
  });
}
