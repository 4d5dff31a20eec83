/** `kubeprop run <scenario.yaml>...`: run scenarios, print verdicts, write reports and replays. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { shrinkRun } from '../run/shrink.ts';
import { loadScenarioFile } from '../scenario/parse.ts';
import { ignoredWarning } from '../scenario/parse-objects.ts';
import type { Scenario } from '../scenario/types.ts';
import {
  choiceOption,
  intOption,
  listOption,
  MAX_SEED,
  parseCommandArgs,
  stringOption,
  UsageError,
} from './args.ts';
import { HELP } from './help.ts';
import { err, out } from './io.ts';
import { FORMATS, type Format, type Lang, writeFailureReplay, writeRunReports } from './outputs.ts';
import { checkReportDir } from './reportDir.ts';
import { loadRunner } from './runner.ts';
import { writeShrunkReplay } from './shrunk.ts';
import { EXIT_CODE, judge, verdictLine } from './verdict.ts';

export interface RunOptions {
  seed?: number;
  reportDir: string;
  formats: Format[];
  lang: Lang;
  /** `--files-root`: a folder scenarios' `files:` may also read from. */
  filesRoot?: string;
  /** `--shrink`: shrink a failing run to a minimal event list (src/run/shrink.ts). */
  shrink?: boolean;
}

/** Parses `run`'s options; throws UsageError on bad ones. */
export function runOptions(argv: string[]): { files: string[]; opts: RunOptions } | 'help' {
  const { values, positionals } = parseCommandArgs('run', argv, {
    seed: { type: 'string' },
    report: { type: 'string' },
    format: { type: 'string' },
    lang: { type: 'string' },
    'files-root': { type: 'string' },
    shrink: { type: 'boolean' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0)
    throw new UsageError('kubeprop run: name at least one scenario file (see kubeprop run --help)');
  const opts: RunOptions = {
    reportDir: stringOption('run', 'report', values.report, 'reports'),
    formats: listOption('run', 'format', values.format, FORMATS, FORMATS),
    lang: choiceOption('run', 'lang', values.lang, ['en', 'ko'] as const, 'en'),
  };
  const seed = intOption('run', 'seed', values.seed, 0, MAX_SEED);
  if (seed !== undefined) opts.seed = seed;
  if (values.shrink === true) opts.shrink = true;
  if (values['files-root'] !== undefined)
    opts.filesRoot = stringOption('run', 'files-root', values['files-root'], '');
  return { files: scenarioFiles(positionals), opts };
}

/**
 * The scenario files named: a directory stands for its `*.yaml` files in name order (as
 * `kubectl apply -f DIR` reads a folder); anything else is read as a file later.
 */
export function scenarioFiles(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    if (!isDirectory(p)) return [p];
    const files = readdirSync(p)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => join(p, f));
    if (files.length === 0) throw new UsageError(`kubeprop run: ${p} has no *.yaml scenario files`);
    return files;
  });
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Runs `kubeprop run`; returns the exit code (the worst over all scenarios). */
export async function runCommand(argv: string[]): Promise<number> {
  const parsed = runOptions(argv);
  if (parsed === 'help') {
    out(HELP.run);
    return 0;
  }
  // Validate the report folder and every file before running any: bad input must leave nothing behind.
  checkReportDir('run', parsed.opts.reportDir);
  const parseOpts = parsed.opts.filesRoot === undefined ? {} : { filesRoot: parsed.opts.filesRoot };
  const scenarios = parsed.files.map((f) => loadScenarioFile(f, parseOpts));
  for (const m of scenarios.flatMap((s) => s.ignoredManifests ?? [])) err(ignoredWarning(m));
  const run = await loadRunner();
  let code = 0;
  for (const scenario of scenarios) code = Math.max(code, runOne(scenario, parsed.opts, run));
  return code;
}

function runOne(scenario: Scenario, opts: RunOptions, run: Awaited<ReturnType<typeof loadRunner>>): number {
  const started = performance.now();
  const result = run(scenario, opts.seed === undefined ? {} : { seed: opts.seed });
  const wallMs = performance.now() - started;
  out(verdictLine(result, wallMs, opts.lang));
  writeRunReports(result, opts.reportDir, opts.formats, opts.lang);
  const verdict = judge(result);
  if (verdict !== 'pass') out(`      replay: ${writeFailureReplay(result, opts.reportDir)}`);
  const shrunk = verdict !== 'pass' && opts.shrink ? shrinkRun(result, run) : undefined;
  if (shrunk !== undefined)
    for (const line of writeShrunkReplay(shrunk, result, opts.reportDir, run)) out(line);
  return EXIT_CODE[verdict];
}
