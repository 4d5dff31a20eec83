/**
 * `kubeprop run` of a scenario whose spec.controllers names a controller file (issue #15 item 2).
 * Such a run is async (src/userController/run.ts drains the controller's promises after each
 * step), so only these scenarios take this path; every other scenario keeps the synchronous runner.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { ReportSources } from '../report/sources.ts';
import type { ReplayFile, ReplayOutcome } from '../run/replay.ts';
import type { RunResult } from '../run/types.ts';
import type { Scenario } from '../scenario/types.ts';
import { namesControllerFile } from '../userController/controllerFileRefs.ts';

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
export function namesControllerFileAt(file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
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

/**
 * The arguments the run and replay commands of a run with controller files need: the run the
 * --allow-controller-path options it was given, the replay one for each file (as typed from here).
 */
export function controllerCommandArgs(
  files: Record<string, string>,
  allowed: readonly string[],
): { run: string[]; replay: string[] } {
  const shown = (f: string) => {
    const rel = relative(process.cwd(), f);
    return rel === '' || rel.startsWith('..') ? f : rel;
  };
  const allow = (paths: readonly string[]) => paths.flatMap((p) => ['--allow-controller-path', p]);
  return { run: allow(allowed), replay: allow(Object.values(files).sort().map(shown)) };
}

/** Whether `--allow-controller-path` names the file or a folder that holds it. */
export function isAllowed(file: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => {
    const rel = relative(resolve(a), file);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  });
}

/**
 * Replays a run with controller files: imports them again (the caller checked that
 * --allow-controller-path names each one) and compares the trace with the recorded one.
 */
export async function replayWithControllers(
  file: ReplayFile & { controllerFiles: Record<string, string> },
): Promise<ReplayOutcome> {
  const { loadControllerFile } = await import('../userController/load.ts');
  const { runWithControllers } = await import('../userController/run.ts');
  const { firstDifference } = await import('../run/replay.ts');
  const { traceLine } = await import('../trace/recorder.ts');
  const controllers: Record<string, Awaited<ReturnType<typeof loadControllerFile>>> = {};
  for (const [name, path] of Object.entries(file.controllerFiles).sort(([a], [b]) => a.localeCompare(b)))
    controllers[name] = await loadControllerFile(path);
  const result = await runWithControllers(structuredClone(file.scenario), { controllers, seed: file.seed });
  if (result.traceDigest === file.traceDigest) return { exact: true, result };
  return { exact: false, divergedAt: firstDifference(file.trace, result.events.map(traceLine)), result };
}
