/** `kubeprop run <scenario.yaml>...`: run scenarios, print verdicts, write reports and replays. */
import { performance } from 'node:perf_hooks';
import { OptionError } from '../api/errors.ts';
import { expandScenarioPaths } from '../api/files.ts';
import { shellQuote } from '../report/options.ts';
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
import {
  controllerCommandArgs,
  loadUserScenario,
  namesControllerFileAt,
  type UserScenario,
} from './controllerFiles.ts';
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
  /** `--allow-controller-path`: controller files (or folders) outside a scenario's folder that may run. */
  allowControllerPaths: string[];
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
    'allow-controller-path': { type: 'string', multiple: true },
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
    allowControllerPaths: list(values['allow-controller-path']).map((p) =>
      stringOption('run', 'allow-controller-path', p, ''),
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
  const loaded: Loaded[] = [];
  for (const f of parsed.files) loaded.push(await loadOne(f, parseOpts, parsed.opts));
  for (const m of loaded.flatMap((l) => l.scenario.ignoredManifests ?? [])) err(ignoredWarning(m));
  const run = await loadRunner();
  // A reporter's document on stdout (`-o json`) keeps stdout clean: the verdict lines go to stderr.
  const say = stdoutTaken(parsed.opts.reporters) ? err : out;
  const outcomes: ScenarioOutcome[] = [];
  for (const [i, l] of loaded.entries())
    outcomes.push(await runOne(parsed.files[i]!, l, parsed.opts, run, say));
  const code = outcomes.reduce((worst, o) => Math.max(worst, EXIT_CODE[o.verdict]), 0);
  const stdout = writeReporters(parsed.opts.reporters, outcomes, code);
  if (stdout !== '') out(stdout.replace(/\n$/, ''));
  return code;
}

/** A scenario to run; `user` when it names controller files (run async, src/cli/controllerFiles.ts). */
interface Loaded {
  scenario: Scenario;
  user?: UserScenario;
}

async function loadOne(file: string, parseOpts: { filesRoot?: string }, opts: RunOptions): Promise<Loaded> {
  if (!namesControllerFileAt(file)) return { scenario: loadScenarioFile(file, parseOpts) };
  const user = await loadUserScenario(file, {
    ...parseOpts,
    allowControllerPaths: opts.allowControllerPaths,
  });
  return { scenario: user.scenario, user };
}

async function runOne(
  file: string,
  loaded: Loaded,
  opts: RunOptions,
  run: Awaited<ReturnType<typeof loadRunner>>,
  say: (line: string) => void,
): Promise<ScenarioOutcome> {
  const { scenario, user } = loaded;
  const started = performance.now();
  const result = user
    ? await user.run(opts.seed)
    : run(scenario, opts.seed === undefined ? {} : { seed: opts.seed });
  const wallMs = performance.now() - started;
  say(verdictLine(result, wallMs, opts.lang));
  const args = user && controllerCommandArgs(user.files, opts.allowControllerPaths);
  writeRunReports(result, opts.reportDir, opts.formats, opts.lang, user?.sources, args);
  const verdict = judge(result);
  if (verdict === 'pass') return { file, result, verdict, wallMs };
  const replayed = writeFailureReplay(result, opts.reportDir, user?.files);
  const command = args ? `${replayed}${args.replay.map((w) => ` ${shellQuote(w)}`).join('')}` : replayed;
  say(`      replay: ${command}`);
  if (opts.shrink && user)
    say('      shrink: not available for controller files yet; `kubeprop lab` shrinks a lab solution');
  const shrunk = opts.shrink && !user ? shrinkRun(result, run) : undefined;
  if (shrunk !== undefined)
    for (const line of writeShrunkReplay(shrunk, result, opts.reportDir, run)) say(line);
  return { file, result, verdict, wallMs, replay: { file: replayPath(opts.reportDir, result), command } };
}
