/**
 * `kubeprop run` of a scenario whose spec.controllers names a controller file (issue #15 item 2).
 * Such a run is async (src/userController/run.ts drains the controller's promises after each
 * step), so only these scenarios take this path; every other scenario keeps the synchronous runner.
 */
import { readFileSync } from 'node:fs';
import { shellQuote } from '../report/options.ts';
import type { ReportSources } from '../report/sources.ts';
import type { RunResult } from '../run/types.ts';
import type { Scenario } from '../scenario/types.ts';

/** A scenario that names controller files, with what its run needs. */
export interface UserScenario {
  scenario: Scenario;
  /** Absolute path of each controller file, by controller name (recorded in the replay file). */
  files: Record<string, string>;
  /** Report sources that draw the user's machine, not the replaced built-in one. */
  sources: ReportSources;
  run: (seed: number | undefined) => Promise<RunResult>;
}

/** Whether the file names a controller file; false when it cannot be read (the parser says why). */
export async function namesControllerFileAt(file: string): Promise<boolean> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  if (!text.includes('controllers')) return false; // most scenarios: no YAML parse, no module load
  const { namesControllerFile } = await import('../userController/scenarioFile.ts');
  return namesControllerFile(file, text);
}

/** Loads the scenario and imports its controller files (the user's code, run with their rights). */
export async function loadUserScenario(
  file: string,
  opts: { allowControllerPaths: readonly string[]; filesRoot?: string },
): Promise<UserScenario> {
  const { loadScenarioWithControllers } = await import('../userController/scenarioFile.ts');
  const { runWithControllers } = await import('../userController/run.ts');
  const { reportSources } = await import('../userController/reports.ts');
  const loaded = await loadScenarioWithControllers(file, opts);
  return {
    scenario: loaded.scenario,
    files: loaded.files,
    sources: reportSources(loaded.controllers, []),
    run: (seed) =>
      runWithControllers(loaded.scenario, {
        controllers: loaded.controllers,
        ...(seed !== undefined && { seed }),
      }),
  };
}

/** The command that re-runs a run with controller files: `kubeprop replay` refuses its replay file. */
export function rerunCommand(file: string, seed: number, allowed: readonly string[]): string {
  const allow = allowed.map((p) => ` --allow-controller-path ${shellQuote(p)}`).join('');
  return `npx kubeprop run ${shellQuote(file)} --seed ${seed}${allow}`;
}
