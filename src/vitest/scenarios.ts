/** `scenarioTests(glob)`: one vitest test per scenario file, each run as `kubeprop run` runs it. */
import { test } from 'vitest';
import { failureMessage, runProblem } from '../api/failure.ts';
import { expandScenarioPaths } from '../api/files.ts';
import { type RunScenarioOptions, runScenario } from '../api/run.ts';
import { replayFor } from './matchers.ts';

export interface ScenarioTestOptions extends RunScenarioOptions {
  /** Per-test timeout, ms (vitest's default otherwise). */
  timeout?: number;
}

/**
 * Declares one test per scenario file that `patterns` name (files, folders, globs such as
 * `scenarios/**\/*.yaml`, relative to the working directory), titled `scenario: <file>`. A test
 * fails when `kubeprop run` would not pass the scenario; its message names the invariant, lists the
 * events and prints the replay command. An invalid file fails its test with `file:line:col: …`.
 */
export function scenarioTests(patterns: string | readonly string[], options: ScenarioTestOptions = {}): void {
  const { timeout, ...runOptions } = options;
  for (const file of expandScenarioPaths(typeof patterns === 'string' ? [patterns] : patterns)) {
    test(
      `scenario: ${file}`,
      () => {
        const result = runScenario(file, runOptions);
        const problem = runProblem(result);
        if (problem !== undefined) throw new Error(failureMessage(result, problem, replayFor(result)));
      },
      timeout,
    );
  }
}
