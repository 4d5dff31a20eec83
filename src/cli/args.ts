/**
 * Argument parsing on node:util parseArgs, with one-line errors: a bad option is bad input (exit 2),
 * never a stack trace.
 */
import { parseArgs } from 'node:util';
import { didYouMean } from '../model/suggest.ts';

/** Bad command-line input; the CLI prints `message` as its one stderr line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** Parses `argv` for `kubeprop <command>`; `--help`/`-h` is always accepted. */
export function parseCommandArgs(command: string, argv: string[], options: OptionSpec): Parsed {
  const all: OptionSpec = { ...options, help: { type: 'boolean', short: 'h' } };
  const args = joinDashValues(command, argv, all);
  try {
    const { values, positionals } = parseArgs({
      args,
      options: all,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    throw new UsageError(
      `kubeprop ${command}: ${describeParseError(e as Error, Object.keys(all))} (see kubeprop ${command} --help)`,
    );
  }
}

/**
 * `--seed -1` → `--seed=-1`: a value that looks like an option (but names none of this command's)
 * goes to the option before it, so the range check can say what is wrong instead of Node's
 * "argument is ambiguous".
 */
function joinDashValues(command: string, argv: readonly string[], options: OptionSpec): string[] {
  const known = new Set(
    Object.entries(options).flatMap(([n, o]) => [`--${n}`, ...(o.short ? [`-${o.short}`] : [])]),
  );
  const looksLikeValue = (next: string | undefined): next is string =>
    next?.startsWith('-') === true && next !== '--' && !known.has(next.split('=')[0]!);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const takesValue = a.startsWith('--') && options[a.slice(2)]?.type === 'string';
    if (takesValue && looksLikeValue(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else if (takesValue && (next === undefined || known.has(next.split('=')[0]!))) {
      throw new UsageError(`kubeprop ${command}: option ${a} needs a value (see kubeprop ${command} --help)`);
    } else out.push(a);
  }
  return out;
}

/** Node's parseArgs messages are long and mention `--`; keep the part a user needs. */
function describeParseError(e: Error, names: readonly string[]): string {
  const code = (e as NodeJS.ErrnoException).code;
  const option = /'([^']+)'/.exec(e.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const name = option?.split('=')[0] ?? '';
    const hint = didYouMean(name.replace(/^-+/, ''), names).replace(/"([^"]+)"/, '--$1');
    return `unknown option ${name}${hint}`.trim();
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    // "Option '-s, --seed <value>' argument missing": keep just the option name.
    const name = option?.replace(/^-\w, /, '').split(' ')[0] ?? '';
    return /argument missing/.test(e.message) ? `option ${name} needs a value` : e.message.split('\n')[0]!;
  }
  return e.message.split('\n')[0]!;
}

/** An integer option within [min, max]. */
export function intOption(
  command: string,
  name: string,
  v: string | boolean | undefined,
  min: number,
  max: number,
): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    // A number is shown as typed (`got -1`); anything else quoted (`got "abc"`).
    const got = /^-?\d+(\.\d+)?$/.test(s) ? s : JSON.stringify(s);
    throw new UsageError(
      `kubeprop ${command}: --${name} must be an integer from ${min} to ${max}, got ${got}`,
    );
  }
  return n;
}

/** A string option from a fixed set. */
export function choiceOption<T extends string>(
  command: string,
  name: string,
  v: string | boolean | undefined,
  choices: readonly T[],
  def: T,
): T {
  if (v === undefined) return def;
  const s = String(v);
  if (!(choices as readonly string[]).includes(s)) {
    throw new UsageError(
      `kubeprop ${command}: --${name} must be one of ${choices.join(', ')}, got "${s}"${didYouMean(s, choices)}`,
    );
  }
  return s as T;
}

/** A comma-separated list from a fixed set (`--format json,md`). */
export function listOption<T extends string>(
  command: string,
  name: string,
  v: string | boolean | undefined,
  choices: readonly T[],
  def: readonly T[],
): T[] {
  if (v === undefined) return [...def];
  const items = String(v)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = items.find((s) => !(choices as readonly string[]).includes(s));
  if (bad !== undefined || items.length === 0) {
    throw new UsageError(
      `kubeprop ${command}: --${name} takes a comma-separated list of ${choices.join(', ')}, got "${String(v)}"`,
    );
  }
  return [...new Set(items)] as T[];
}

/** A non-empty string option (a directory, say). */
export function stringOption(
  command: string,
  name: string,
  v: string | boolean | undefined,
  def: string,
): string {
  if (v === undefined) return def;
  const s = String(v);
  if (s === '') throw new UsageError(`kubeprop ${command}: --${name} must not be empty`);
  return s;
}

export const MAX_SEED = 2 ** 32 - 1;

/** Rejects positional arguments for commands that take none. */
export function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0) {
    throw new UsageError(
      `kubeprop ${command}: unexpected argument "${positionals[0]}" (see kubeprop ${command} --help)`,
    );
  }
}
