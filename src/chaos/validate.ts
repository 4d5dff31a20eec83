/**
 * Where a map of fields becomes a typed event: the declared checks of its kind (fieldCheck.ts),
 * then the kind's own cross-field rules. Everything downstream reads the event through the union
 * (registry.ts ScenarioEvent) without casts.
 */
import { checkFields, normalizeFields } from './fieldCheck.ts';
import type { AnyFault, ScenarioEvent } from './registry.ts';
import type { FieldError } from './types.ts';

export type EventCheck = { ok: true; event: ScenarioEvent } | { ok: false; error: FieldError };

/** `fields` are the event's own fields (not `at`/`do`), durations already in ms. */
export function validateEvent(
  def: AnyFault,
  at: number,
  fields: Readonly<Record<string, unknown>>,
): EventCheck {
  const err = checkFields(def.fields, fields);
  if (err !== null) return { ok: false, error: err };
  // checkFields has just checked every declared field against the very declaration the kind's
  // event type is derived from (types.ts FieldValue), and rejected any other field.
  const event = { at, do: def.kind, ...normalizeFields(def.fields, fields) } as ScenarioEvent;
  const rule = def.validate?.(event) ?? null;
  return rule === null ? { ok: true, event } : { ok: false, error: rule };
}
