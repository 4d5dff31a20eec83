/**
 * Checks an event's fields against its kind's declared {@link FieldSpecs}: unknown fields first,
 * then each declared field in order (required, type, range). The JSON Schema is derived from the
 * same declarations (scenario/schema.ts), so what the parser accepts and what editors suggest agree.
 */
import { CONTROLLER_NAMES } from './controllerField.ts';
import {
  boolField,
  durationField,
  intField,
  labelsField,
  mapField,
  nodeLabelsField,
  onlyFields,
  podField,
  stringField,
  taintField,
  taintsField,
  targetField,
} from './fields.ts';
import { canonicalTarget } from './refs.ts';
import type { FieldError, FieldSpec, FieldSpecs } from './types.ts';

type Fields = Readonly<Record<string, unknown>>;

/** The first problem with `ev`'s fields (not `at`/`do`), or null. */
export function checkFields(specs: FieldSpecs, ev: Fields): FieldError | null {
  const only = onlyFields(ev, Object.keys(specs));
  if (only) return only;
  for (const [name, spec] of Object.entries(specs)) {
    const err = checkField(name, spec, ev);
    if (err) return err;
  }
  return null;
}

function checkField(name: string, spec: FieldSpec, ev: Fields): FieldError | null {
  const required = spec.required === true;
  if (ev[name] === undefined && !required) return null;
  switch (spec.type) {
    case 'string':
      return stringField(ev, name, required, spec.enum);
    case 'controller':
      return stringField(ev, name, required, CONTROLLER_NAMES);
    case 'int':
      return intField(ev, name, spec.min, spec.max, required);
    case 'duration':
      return durationField(ev, name, required);
    case 'boolean':
      return boolField(ev, name);
    case 'labels':
      return spec.removable ? labelsField(ev, name) : nodeLabelsField(ev, name);
    case 'taint':
      return taintField(ev, name);
    case 'taints':
      return taintsField(ev, name);
    case 'target':
      return targetField(ev, name, spec.kinds);
    case 'pod':
      return podField(ev, name);
    case 'map':
      return mapField(ev, name, spec.hint);
    case 'manifest':
      return ev[name] === undefined ? { field: name, message: `\`${name}\` (a manifest) is required` } : null;
  }
}

/** The names of the fields declared as durations (the parser converts them to ms). */
export function durationFieldNames(specs: FieldSpecs): string[] {
  return Object.entries(specs)
    .filter(([, s]) => s.type === 'duration')
    .map(([n]) => n);
}

/**
 * The event's fields in canonical form, once checked: targets (and pod owners) as
 * `statefulset/web` whatever form kubectl would take, so runs, reports and replays see one spelling.
 */
export function normalizeFields(specs: FieldSpecs, ev: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = { ...ev };
  for (const [name, spec] of Object.entries(specs)) {
    const v = out[name];
    if (spec.type === 'target' && typeof v === 'string') out[name] = canonicalTarget(v) ?? v;
    if (spec.type === 'pod' && isOwnerRef(v))
      out[name] = { ...v, owner: canonicalTarget(v.owner) ?? v.owner };
  }
  return out;
}

function isOwnerRef(v: unknown): v is { owner: string } {
  return typeof v === 'object' && v !== null && typeof (v as { owner?: unknown }).owner === 'string';
}
