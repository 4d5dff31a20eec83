/** `kubeprop run <scenario.yaml>...`: run scenarios, print verdicts, write reports and replays. */
import { performance } from 'node:perf_hooks';
import { OptionError } from '../api/errors.ts';
import { expandScenarioPaths } from '../api/files.ts';
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
import {
  FORMATS,
  type Format,
  type Lang,
  replayPath,
  writeFailureReplay,
  writeRunReports,
} from './outputs.ts';
import { checkReportDir } from './reportDir.ts';
import {
  type ReporterTarget,
  reporterTargets,
  type ScenarioOutcome,
  stdoutTaken,
  writeReporters,
} from './reporters/index.ts';
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
  /** `--reporter`, `--output-file`, `-o json`: CI reporters and where each writes. */
  reporters: ReporterTarget[];
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
    reporter: { type: 'string', multiple: true },
    'output-file': { type: 'string', multiple: true },
    output: { type: 'string', short: 'o' },
  });
  if (values.help) return 'help';
  if (positionals.length === 0)
    throw new UsageError('kubeprop run: name at least one scenario file (see kubeprop run --help)');
  const opts: RunOptions = {
    reportDir: stringOption('run', 'report', values.report, 'reports'),
    formats: listOption('run', 'format', values.format, FORMATS, FORMATS),
    lang: choiceOption('run', 'lang', values.lang, ['en', 'ko'] as const, 'en'),
    reporters: reporterTargets(
      list(values.reporter),
      list(values['output-file']),
      choiceOption('run', 'output', values.output, ['text', 'json'] as const, 'text') === 'json',
    ),
  };
  const seed = intOption('run', 'seed', values.seed, 0, MAX_SEED);
  if (seed !== undefined) opts.seed = seed;
  if (values.shrink === true) opts.shrink = true;
  if (values['files-root'] !== undefined)
    opts.filesRoot = stringOption('run', 'files-root', values['files-root'], '');
  return { files: scenarioFiles(positionals), opts };
}

/** A repeatable option's values (parseArgs gives an array). */
function list(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
}

/**
 * The scenario files named: files, folders (their `*.yaml` files in name order) and globs
 * (`'scenarios/**\/*.yaml'`, quoted so kubeprop expands it), each once (src/api/files.ts).
 */
export function scenarioFiles(paths: readonly string[]): string[] {
  try {
    return expandScenarioPaths(paths);
  } catch (e) {
    if (e instanceof OptionError) throw new UsageError(`kubeprop run: ${e.message}`);
    throw e;
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
  // A reporter's document on stdout (`-o json`) keeps stdout clean: the verdict lines go to stderr.
  const say = stdoutTaken(parsed.opts.reporters) ? err : out;
  const outcomes = scenarios.map((scenario, i) => runOne(parsed.files[i]!, scenario, parsed.opts, run, say));
  const code = outcomes.reduce((worst, o) => Math.max(worst, EXIT_CODE[o.verdict]), 0);
  const stdout = writeReporters(parsed.opts.reporters, outcomes, code);
  if (stdout !== '') out(stdout.replace(/\n$/, ''));
  return code;
}

function runOne(
  file: string,
  scenario: Scenario,
  opts: RunOptions,
  run: Awaited<ReturnType<typeof loadRunner>>,
  say: (line: string) => void,
): ScenarioOutcome {
  const started = performance.now();
  const result = run(scenario, opts.seed === undefined ? {} : { seed: opts.seed });
  const wallMs = performance.now() - started;
  say(verdictLine(result, wallMs, opts.lang));
  writeRunReports(result, opts.reportDir, opts.formats, opts.lang);
  const verdict = judge(result);
  if (verdict === 'pass') return { file, result, verdict, wallMs };
  const command = writeFailureReplay(result, opts.reportDir);
  say(`      replay: ${command}`);
  const shrunk = opts.shrink ? shrinkRun(result, run) : undefined;
  if (shrunk !== undefined)
    for (const line of writeShrunkReplay(shrunk, result, opts.reportDir, run)) say(line);
  return { file, result, verdict, wallMs, replay: { file: replayPath(opts.reportDir, result), command } };
}
