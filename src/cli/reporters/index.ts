/**
 * CI reporters for `kubeprop run` (`--reporter junit|json|github`, `--output-file`, `-o json`): which
 * reporter writes where, checked before anything runs, and the writing at the end.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from '../args.ts';
import { githubReporter } from './github.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { REPORTERS, type Reporter, type ReporterName, type ScenarioOutcome } from './types.ts';

export type { ReporterName, ScenarioOutcome };
export { REPORTERS };

const RENDER: Readonly<Record<ReporterName, Reporter>> = {
  junit: junitReporter,
  json: jsonReporter,
  github: githubReporter,
};

/** One reporter and where its text goes (a file, or stdout when `file` is undefined). */
export interface ReporterTarget {
  name: ReporterName;
  file?: string;
}

const fail = (why: string) => new UsageError(`kubeprop run: ${why} (see kubeprop run --help)`);

function names(values: readonly string[]): ReporterName[] {
  const out: ReporterName[] = [];
  for (const name of values.flatMap((v) => v.split(',')).map((s) => s.trim())) {
    if (name === '') continue;
    if (!(REPORTERS as readonly string[]).includes(name))
      throw fail(`--reporter must be one of ${REPORTERS.join(', ')}, got "${name}"`);
    if (!out.includes(name as ReporterName)) out.push(name as ReporterName);
  }
  return out;
}

/**
 * The reporters asked for and their files. `--output-file PATH` goes to the only reporter,
 * `--output-file NAME=PATH` to the one named; the others print to stdout, where only one may.
 */
export function reporterTargets(
  reporters: readonly string[],
  outputFiles: readonly string[],
  outputJson: boolean,
): ReporterTarget[] {
  const targets: ReporterTarget[] = names(reporters).map((name) => ({ name }));
  for (const spec of outputFiles) {
    const m = /^(junit|json|github)=(.+)$/.exec(spec);
    const target = m ? targets.find((t) => t.name === m[1]) : targets.length === 1 ? targets[0] : undefined;
    if (target === undefined)
      throw fail(
        m
          ? `--output-file ${spec}: no --reporter ${m[1]}`
          : targets.length === 0
            ? '--output-file needs a --reporter'
            : `--output-file ${spec}: with several reporters, name one: --output-file junit=${spec}`,
      );
    target.file = checkFile(m ? m[2]! : spec);
  }
  if (outputJson && !targets.some((t) => t.name === 'json' && t.file === undefined))
    targets.push({ name: 'json' });
  const onStdout = targets.filter((t) => t.file === undefined);
  if (onStdout.length > 1)
    throw fail(
      `only one reporter can print to stdout (${onStdout.map((t) => t.name).join(', ')}); give the others an --output-file`,
    );
  return targets;
}

/** An output file must not be a folder; its folder is made when written. */
function checkFile(path: string): string {
  try {
    if (statSync(path).isDirectory()) throw fail(`--output-file ${path}: is a directory`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  return path;
}

/** Whether a reporter's document fills stdout, so the verdict lines must go to stderr. */
export function stdoutTaken(targets: readonly ReporterTarget[]): boolean {
  return targets.some((t) => t.file === undefined && t.name !== 'github');
}

/** Renders every reporter; returns the stdout text (files are written here). */
export function writeReporters(
  targets: readonly ReporterTarget[],
  outcomes: readonly ScenarioOutcome[],
  exitCode: number,
): string {
  let stdout = '';
  for (const t of targets) {
    const text = RENDER[t.name](outcomes, exitCode);
    if (t.file === undefined) stdout += text;
    else {
      mkdirSync(dirname(t.file), { recursive: true });
      writeFileSync(t.file, text);
    }
  }
  return stdout;
}
