/**
 * `--reporter github`: GitHub Actions workflow commands (`::error file=…,line=…::…`), which the
 * Actions runner turns into annotations on the scenario file, at the line of the event or manifest
 * that the failure points to (locate.ts). A pass that held only by design gets a notice: never silent.
 */

import { isAbsolute, relative, resolve, sep } from 'node:path';
import { formatTime } from '../../report/format.ts';
import { unexpectedViolations } from '../verdict.ts';
import { locatePath, locateViolation, type Place } from './locate.ts';
import type { Reporter, ScenarioOutcome } from './types.ts';

/** A workflow command's message: `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A workflow command's property value: as data, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * The file as the Actions runner matches it to the repository: relative to the workspace (the
 * runner's GITHUB_WORKSPACE, else the working directory) when it lies inside, as typed otherwise.
 */
export function annotationPath(
  file: string,
  workspace = process.env.GITHUB_WORKSPACE ?? process.cwd(),
): string {
  const rel = relative(workspace, resolve(file));
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

function command(level: 'error' | 'notice', file: string, at: Place, title: string, message: string): string {
  const props = [
    `file=${escapeProperty(annotationPath(file))}`,
    `line=${at.line}`,
    `col=${at.col}`,
    `title=${escapeProperty(title)}`,
  ];
  return `::${level} ${props.join(',')}::${escapeData(message)}`;
}

function annotations(o: ScenarioOutcome): string[] {
  const r = o.result;
  const run = `${r.scenario.name} seed=${r.seed}`;
  const replay = o.replay === undefined ? '' : `\nreplay: ${o.replay.command}`;
  if (o.verdict === 'error')
    return [
      command(
        'error',
        o.file,
        { line: 1, col: 1 },
        'kubeprop: internal error',
        `${run}: ${r.error ?? 'unknown'}${replay}`,
      ),
    ];
  if (o.verdict === 'pass') {
    const held = r.invariants.flatMap((i) => (i.heldByDesign ?? []).map((h) => ({ id: i.id, h })))[0];
    if (held === undefined) return [];
    return [
      command(
        'notice',
        o.file,
        locateViolation(o.file, { ...held.h, step: 0 }),
        `kubeprop: ${held.id} held by design`,
        `${run}: ${held.h.message}`,
      ),
    ];
  }
  if (r.nothingChecked !== undefined)
    return [
      command(
        'error',
        o.file,
        locatePath(o.file, ['spec', 'objects']),
        'kubeprop: nothing checked',
        `${run}: ${r.nothingChecked.en}`,
      ),
    ];
  const lines = unexpectedViolations(r).flatMap((id) => {
    const v = r.invariants.find((i) => i.id === id)?.violations[0];
    if (v === undefined) return [];
    const what = `${run}: ${v.message} (at ${formatTime(v.atMs)}, step ${v.step})${replay}`;
    return [command('error', o.file, locateViolation(o.file, v), `kubeprop: ${id} violated`, what)];
  });
  if (!r.expectMet)
    lines.push(
      command(
        'error',
        o.file,
        locatePath(o.file, ['spec', 'expect']),
        'kubeprop: expect not met',
        `${run}: ${r.expectProblems.join('; ')}`,
      ),
    );
  return lines;
}

export const githubReporter: Reporter = (outcomes) => {
  const lines = outcomes.flatMap(annotations);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};
