/**
 * Which scenario files a list of paths names, for `kubeprop run` and `kubeprop/vitest`: a file is
 * itself, a folder stands for its `*.yaml` files in name order (as `kubectl apply -f DIR` reads a
 * folder), and a glob (`scenarios/**\/*.yaml`, `{a,b}.yaml`) for the files it matches, sorted. Node
 * 20 has no fs.glob, hence the small matcher here: `*`, `?`, `**`, `[…]` and `{a,b}`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { OptionError } from './errors.ts';

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * The scenario files `patterns` name, in order, each once. A path that does not exist is kept: the
 * loader then reports it as `file:1:1: cannot read scenario: no such file`.
 * @throws OptionError for a folder with no `*.yaml` file or a glob that matches nothing.
 */
export function expandScenarioPaths(patterns: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const pattern of patterns) {
    for (const file of expandOne(pattern)) {
      if (seen.has(file)) continue;
      seen.add(file);
      out.push(file);
    }
  }
  return out;
}

function expandOne(pattern: string): string[] {
  if (GLOB_CHARS.test(pattern)) {
    const files = globFiles(pattern);
    if (files.length === 0) throw new OptionError('scenario', `no scenario files match "${pattern}"`);
    return files;
  }
  if (!isDirectory(pattern)) return [pattern];
  const files = readdirSync(pattern)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(pattern, f));
  if (files.length === 0) throw new OptionError('scenario', `${pattern} has no *.yaml scenario files`);
  return files;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** The files under the pattern's fixed leading folders whose path matches the rest, sorted. */
export function globFiles(pattern: string): string[] {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  while (segments.length > 1 && !GLOB_CHARS.test(segments[0]!)) fixed.push(segments.shift()!);
  const base = fixed.length === 0 ? '.' : fixed.join('/') || '/';
  if (!isDirectory(base)) return [];
  const matcher = globRegExp(segments.join('/'));
  const prefix = fixed.length === 0 ? '' : `${fixed.join('/')}/`;
  return walkFiles(base)
    .map((abs) => relative(base, abs).split(sep).join('/'))
    .filter((rel) => matcher.test(rel))
    .sort()
    .map((rel) => `${prefix}${rel}`);
}

/** Every file below `dir`, skipping node_modules and hidden folders (as shells' globs do). */
function walkFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walkFiles(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

/** A glob (relative, `/`-separated) as an anchored regular expression. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:[^/]*/)*' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += `[${glob
          .slice(i + 1, end)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else if (c === '{') {
      braces++;
      re += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      re += ')';
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|\\\]}]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
