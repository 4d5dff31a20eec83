/**
 * Typed readers for scenario fields. Each takes the value and its path in the document and either
 * returns the value converted or throws a ScenarioError pointing at that field.
 */

import { didYouMean } from '../model/suggest.ts';
import { parseDuration } from '../model/time.ts';
import type { Path, SourceDoc } from './source.ts';

/** Durations beyond this are mistakes (a typo'd unit), not scenarios: 30 simulated days. */
export const MAX_DURATION_MS = 30 * 24 * 3_600_000;

export type Fields = Record<string, unknown>;

export function isMap(v: unknown): v is Fields {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Human name of a YAML value's type for messages. */
export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}

/** A map (required unless `optional`); rejects keys outside `known` to catch typos early. */
export function readMap(
  src: SourceDoc,
  path: Path,
  v: unknown,
  known: readonly string[],
  what: string,
): Fields {
  if (!isMap(v)) throw src.error(path, `${what} must be a map, got ${typeName(v)}`);
  for (const key of Object.keys(v)) {
    if (!known.includes(key)) {
      throw src.error(
        [...path, key],
        `unknown field "${key}" in ${what}${didYouMean(key, known)} (known: ${known.join(', ')})`,
        true,
      );
    }
  }
  return v;
}

export function requireField(src: SourceDoc, path: Path, m: Fields, key: string, what: string): unknown {
  const v = m[key];
  if (v === undefined || v === null) throw src.error(path, `${what}: missing required field "${key}"`);
  return v;
}

export function readString(src: SourceDoc, path: Path, v: unknown, what: string): string {
  if (typeof v !== 'string') throw src.error(path, `${what} must be a string, got ${typeName(v)}`);
  return v;
}

export function readBool(src: SourceDoc, path: Path, v: unknown, what: string): boolean {
  if (typeof v !== 'boolean') throw src.error(path, `${what} must be true or false, got ${typeName(v)}`);
  return v;
}

/** An integer in [min, max]; the message says which bound was crossed. */
export function readInt(
  src: SourceDoc,
  path: Path,
  v: unknown,
  what: string,
  min: number,
  max: number,
): number {
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw src.error(path, `${what} must be an integer, got ${typeName(v)}`);
  if (v < min) throw src.error(path, `${what} must be at least ${min}, got ${v}`);
  if (v > max) throw src.error(path, `${what} must be at most ${max}, got ${v}`);
  return v;
}

/**
 * A duration (`500ms`, `30s`, `5m`), non-negative and at most 30 days. A bare YAML number other
 * than 0 is refused: `at: 30` reads as 30 seconds to a person but would be 30 ms (design.md §2).
 */
export function readDuration(src: SourceDoc, path: Path, v: unknown, what: string): number {
  if (typeof v !== 'string' && typeof v !== 'number') {
    throw src.error(path, `${what} must be a duration such as 500ms, 30s or 5m, got ${typeName(v)}`);
  }
  if (typeof v === 'number' && v > 0 && Number.isFinite(v)) {
    throw src.error(
      path,
      `${what}: ${v} has no unit; did you mean ${v}s? (a duration needs a unit: ms, s, m or h)`,
    );
  }
  const ms = parseDuration(v);
  if (typeof ms === 'string') throw src.error(path, `${what}: ${ms}`);
  if (ms > MAX_DURATION_MS) {
    throw src.error(
      path,
      `${what}: duration ${JSON.stringify(v)} is longer than 30 days; kubeprop simulates minutes to hours`,
    );
  }
  return ms;
}

/** `[a, b]` durations with a ≤ b. */
export function readRange(src: SourceDoc, path: Path, v: unknown, what: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2)
    throw src.error(path, `${what} must be a pair [from, to], got ${typeName(v)}`);
  const a = readDuration(src, [...path, 0], v[0], what);
  const b = readDuration(src, [...path, 1], v[1], what);
  if (a > b)
    throw src.error(
      path,
      `${what}: the start ${JSON.stringify(v[0])} is after the end ${JSON.stringify(v[1])}`,
    );
  return [a, b];
}

/** A list of strings, each checked by `known` (returns an error message or null). */
export function readIdList(
  src: SourceDoc,
  path: Path,
  v: unknown,
  what: string,
  known: (id: string) => string | null,
): string[] {
  if (!Array.isArray(v)) throw src.error(path, `${what} must be a list, got ${typeName(v)}`);
  return v.map((id, i) => {
    const s = readString(src, [...path, i], id, what);
    const err = known(s);
    if (err !== null) throw src.error([...path, i], `${what}: ${err}`);
    return s;
  });
}
