/**
 * `spec.events` (the scripted timeline) and `spec.chaos` (random events drawn from the seed). Each
 * event's own fields are checked by its fault kind's `validate`, so adding a fault kind needs no
 * change here.
 */

import { durationFieldNames } from '../chaos/fieldCheck.ts';
import type { FieldError } from '../chaos/types.ts';
import { validateEvent } from '../chaos/validate.ts';
import { didYouMean } from '../model/suggest.ts';
import {
  type Fields,
  isMap,
  readDuration,
  readInt,
  readMap,
  readRange,
  readString,
  typeName,
} from './fields.ts';
import { CHAOS_FIELDS, keysOf } from './keys.ts';
import { validateManifest } from './manifests.ts';
import { faultKinds, getFault } from './registries.ts';
import { type Path, type SourceDoc, splitField } from './source.ts';
import type { ChaosSpec, ScenarioEvent } from './types.ts';

export const MAX_CHAOS_COUNT = 10_000;
/** Chaos window when a scenario gives only a count: the first five minutes. */
export const DEFAULT_CHAOS_BETWEEN: [number, number] = [0, 300_000];

/** Reads the scripted events, sorted by `at` (stable: equal times keep file order). */
export function parseEvents(src: SourceDoc, path: Path, v: unknown): ScenarioEvent[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw src.error(path, `spec.events must be a list, got ${typeName(v)}`);
  const events = v.map((item, i) => parseEvent(src, [...path, i], item));
  return events.sort((a, b) => a.at - b.at);
}

function parseEvent(src: SourceDoc, at: Path, item: unknown): ScenarioEvent {
  if (!isMap(item))
    throw src.error(
      at,
      `an event must be a map like {at: 30s, do: crash-node, node: node-a}, got ${typeName(item)}`,
    );
  if (item.do === undefined || item.do === null) throw src.error(at, 'an event needs "do:" (what happens)');
  if (item.at === undefined || item.at === null) throw src.error(at, 'an event needs "at:" (when, e.g. 30s)');
  const kind = readString(src, [...at, 'do'], item.do, 'do');
  const def = getFault(kind);
  if (def === undefined) throw src.error([...at, 'do'], unknownKind(kind));
  const atMs = readDuration(src, [...at, 'at'], item.at, 'at');
  // Durations are stored as ms so replays never re-parse units.
  const durations = durationFieldNames(def.fields);
  const fields: Fields = {};
  for (const [key, value] of Object.entries(item)) {
    if (key === 'at' || key === 'do') continue;
    fields[key] = durations.includes(key) ? readDuration(src, [...at, key], value, key) : value;
  }
  const checked = validateEvent(def, atMs, fields);
  if (!checked.ok) throw fieldError(src, at, kind, checked.error);
  const bad = manifestError(checked.event);
  if (bad !== null) throw fieldError(src, at, kind, bad);
  return checked.event;
}

function fieldError(src: SourceDoc, at: Path, kind: string, err: FieldError): Error {
  // Fault validators usually name the field in their message; add it only when they do not.
  const named = err.field === '' || err.message.includes(err.field);
  return src.error(
    [...at, ...splitField(err.field)],
    `${kind}: ${named ? '' : `${err.field}: `}${err.message}`,
  );
}

/** A manifest an event carries is checked as one under spec.objects (the parser owns manifests). */
function manifestError(ev: ScenarioEvent): FieldError | null {
  if (ev.do !== 'create-object') return null;
  const err = validateManifest(ev.object, { path: 'the event' });
  if (err === null) return null;
  return { field: err.field ? `object.${err.field}` : 'object', message: err.message };
}

/** The message for a `do:` (or chaos kind) no fault has, with the closest known kind when likely. */
function unknownKind(kind: string): string {
  const known = faultKinds();
  return `unknown event kind "${kind}"${didYouMean(kind, known)} (known: ${known.join(', ')})`;
}

/** Reads `spec.chaos`; kinds must be known fault kinds that can be drawn at random. */
export function parseChaos(src: SourceDoc, path: Path, v: unknown): ChaosSpec | undefined {
  if (v === undefined || v === null) return undefined;
  const m = readMap(src, path, v, keysOf(CHAOS_FIELDS), 'spec.chaos');
  if (m.count === undefined) throw src.error(path, 'spec.chaos: missing required field "count"');
  const count = readInt(src, [...path, 'count'], m.count, 'chaos.count', 0, MAX_CHAOS_COUNT);
  const between =
    m.between === undefined
      ? ([...DEFAULT_CHAOS_BETWEEN] as [number, number])
      : readRange(src, [...path, 'between'], m.between, 'chaos.between');
  if (m.kinds === undefined) return { count, between };
  const kindsPath = [...path, 'kinds'];
  if (!Array.isArray(m.kinds))
    throw src.error(kindsPath, `chaos.kinds must be a list, got ${typeName(m.kinds)}`);
  const kinds = m.kinds.map((k, i) => {
    const kind = readString(src, [...kindsPath, i], k, 'chaos.kinds');
    const def = getFault(kind);
    if (def === undefined) throw src.error([...kindsPath, i], unknownKind(kind));
    if (def.generate === undefined)
      throw src.error(
        [...kindsPath, i],
        `event kind "${kind}" cannot be drawn at random; script it under events:`,
      );
    return kind;
  });
  return { count, between, kinds };
}
