/**
 * What a run leaves on disk: its reports under `<dir>/<scenario>/<seed>/` and, for a failing run,
 * `<scenario>.replay.json` next to them, plus the command that replays it.
 */
import { join, relative } from 'node:path';
import { writeReports } from '../report/index.ts';
import { type CommandArgs, shellQuote } from '../report/options.ts';
import type { ReportSources } from '../report/sources.ts';
import { writeReplay } from '../run/replay.ts';
import type { RunResult } from '../run/types.ts';

export type Format = 'json' | 'md' | 'html';
export const FORMATS: readonly Format[] = ['json', 'md', 'html'];
export type Lang = 'en' | 'ko';

/** `<dir>/<scenario>/<seed>`: where one run's files go. */
export function runDir(dir: string, result: RunResult): string {
  return join(dir, result.scenario.name, String(result.seed));
}

/** Path of a run's replay file. */
export function replayPath(dir: string, result: RunResult): string {
  return join(runDir(dir, result), `${result.scenario.name}.replay.json`);
}

/** Writes the run's reports (src/report) in the requested formats; returns the paths written. */
export function writeRunReports(
  result: RunResult,
  dir: string,
  formats: readonly Format[],
  lang: Lang,
  sources?: ReportSources,
  commandArgs?: CommandArgs,
): string[] {
  return writeReports(result, dir, formats, lang, sources, commandArgs);
}

/** The replay command as a user types it from the current directory. */
export function replayCommand(path: string): string {
  const rel = relative(process.cwd(), path);
  const shown = rel === '' || rel.startsWith('..') ? path : rel;
  return `npx kubeprop replay ${shellQuote(shown)}`;
}

/** Writes a failing run's replay file and returns the command that replays it. */
export function writeFailureReplay(
  result: RunResult,
  dir: string,
  controllerFiles?: Record<string, string>,
): string {
  const path = writeReplay(result, replayPath(dir, result), controllerFiles);
  return replayCommand(path);
}
