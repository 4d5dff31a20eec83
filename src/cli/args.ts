/**
 * Argument parsing on node:util parseArgs, with one-line errors: a bad option is bad input (exit 2),
 * never a stack trace.
 */
import { parseArgs } from 'node:util';

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
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Parsed['values'], positionals };
  } catch (e) {
    throw new UsageError(
      `kubeprop ${command}: ${describeParseError(e as Error)} (see kubeprop ${command} --help)`,
    );
  }
}

/** Node's parseArgs messages are long and mention `--`; keep the part a user needs. */
function describeParseError(e: Error): string {
  const code = (e as NodeJS.ErrnoException).code;
  const option = /'([^']+)'/.exec(e.message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? ''}`.trim();
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
    throw new UsageError(
      `kubeprop ${command}: --${name} must be an integer from ${min} to ${max}, got "${s}"`,
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
    throw new UsageError(`kubeprop ${command}: --${name} must be one of ${choices.join(', ')}, got "${s}"`);
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
