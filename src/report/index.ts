/**
 * Writes a run's reports: `<dir>/<scenario-name>/<seed>/report.{json,md,html}` (design.md §4).
 * Each file is written to a temporary name in the same directory and renamed into place, so a
 * reader never sees a half-written report.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { RunResult } from '../run/types.ts';
import { defaultSources } from './defaultSources.ts';
import { renderHtml } from './html.ts';
import type { Lang } from './i18n/index.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import type { CommandArgs, RenderOptions } from './options.ts';
import type { ReportSources } from './sources.ts';

export { renderHtml } from './html.ts';
export type { Lang } from './i18n/index.ts';
export { renderJson, toJsonReport } from './json.ts';
export { renderMarkdown } from './markdown.ts';

/** A report format. */
export type ReportFormat = 'json' | 'md' | 'html';

/** `<dir>/<scenario-name>/<seed>`: where one run's reports go. */
export function reportDir(dir: string, result: RunResult): string {
  return join(dir, result.scenario.name, String(result.seed));
}

/** The replay file of a failing run (the CLI writes it next to the reports), as a user would type it. */
export function replayFileFor(dir: string, result: RunResult): string {
  const path = join(reportDir(dir, result), `${result.scenario.name}.replay.json`);
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Writes `text` to `path` atomically (temporary file in the same directory, then rename). */
export function writeAtomic(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

/** Renders one format. */
export function renderReport(result: RunResult, format: ReportFormat, options: RenderOptions): string {
  if (format === 'json') return renderJson(result);
  if (format === 'md') return renderMarkdown(result, options);
  return renderHtml(result, options);
}

/**
 * Writes the run's reports in `formats` (in that order) under `<dir>/<scenario-name>/<seed>/` and
 * returns the paths written. `sources` defaults to the toolkit's registries.
 */
export function writeReports(
  result: RunResult,
  dir: string,
  formats: ReadonlyArray<ReportFormat>,
  lang: Lang,
  sources: ReportSources = defaultSources,
  commandArgs?: CommandArgs,
): string[] {
  const target = reportDir(dir, result);
  mkdirSync(target, { recursive: true });
  const options: RenderOptions = {
    lang,
    sources,
    replayFile: replayFileFor(dir, result),
    ...(commandArgs !== undefined && { commandArgs }),
  };
  return [...new Set(formats)].map((format) => {
    const path = join(target, `report.${format}`);
    writeAtomic(path, renderReport(result, format, options));
    return path;
  });
}
