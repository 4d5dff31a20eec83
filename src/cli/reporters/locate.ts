/**
 * Where in a scenario file a failure points (GitHub annotations): the scripted event that most
 * likely set it off (the last one at or before the violation, preferring one that names an object
 * the violation names), else the manifest of the object involved, else `spec.chaos` (the events
 * came from the seed), else the scenario's name.
 */
import { readFileSync } from 'node:fs';
import type { Violation } from '../../run/types.ts';
import { readDuration } from '../../scenario/fields.ts';
import { type Path, parseSource, type SourceDoc } from '../../scenario/source.ts';

export interface Place {
  line: number;
  col: number;
}

type Raw = Record<string, unknown>;

function asRecord(v: unknown): Raw | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Raw) : undefined;
}

/** The scenario file parsed with positions, or undefined when it cannot be read any more. */
export function readSource(file: string): { src: SourceDoc; spec: Raw } | undefined {
  try {
    const src = parseSource(readFileSync(file, 'utf8'), file);
    return { src, spec: asRecord(asRecord(src.toJS())?.spec) ?? {} };
  } catch {
    return undefined;
  }
}

function triggerEvent(src: SourceDoc, spec: Raw, v: Violation): Path | undefined {
  const events = Array.isArray(spec.events) ? spec.events : [];
  const names = v.objects.map((o) => o.slice(o.indexOf('/') + 1));
  let latest: number | undefined;
  let naming: number | undefined;
  events.forEach((e, i) => {
    const at = eventAt(src, e, i);
    if (at === undefined || at > v.atMs) return;
    latest = i;
    const text = JSON.stringify(e);
    if (names.some((n) => n !== '' && text.includes(n))) naming = i;
  });
  const i = naming ?? latest;
  return i === undefined ? undefined : ['spec', 'events', i];
}

function eventAt(src: SourceDoc, e: unknown, i: number): number | undefined {
  try {
    return readDuration(src, ['spec', 'events', i, 'at'], asRecord(e)?.at, 'at');
  } catch {
    return undefined;
  }
}

function involvedObject(spec: Raw, v: Violation): Path | undefined {
  const objects = Array.isArray(spec.objects) ? spec.objects : [];
  const i = objects.findIndex((o) => {
    const kind = String(asRecord(o)?.kind ?? '').toLowerCase();
    const name = String(asRecord(asRecord(o)?.metadata)?.name ?? '');
    return v.objects.includes(`${kind}/${name}`);
  });
  return i < 0 ? undefined : ['spec', 'objects', i];
}

/** Where a violation points in its scenario file (line 1 when the file cannot be read). */
export function locateViolation(file: string, v: Violation): Place {
  const parsed = readSource(file);
  if (parsed === undefined) return { line: 1, col: 1 };
  const { src, spec } = parsed;
  const path =
    triggerEvent(src, spec, v) ??
    involvedObject(spec, v) ??
    (spec.chaos !== undefined ? ['spec', 'chaos'] : ['metadata', 'name']);
  return src.pos(path);
}

/** Where a named part of the scenario is (`spec.expect`), or line 1. */
export function locatePath(file: string, path: Path): Place {
  const parsed = readSource(file);
  return parsed === undefined ? { line: 1, col: 1 } : parsed.src.pos(path);
}
