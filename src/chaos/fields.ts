/** Small validators for the fields of scenario events (the parser adds file:line:col). */
import { validateLabelKey, validateLabels, validateLabelValue } from '../model/labels.ts';
import { closest } from '../model/suggest.ts';
import { validateTaint } from '../model/taints.ts';
import { parseDuration } from '../model/time.ts';
import type { Taint } from '../model/types.ts';
import { canonicalTarget, WORKLOAD_KINDS } from './refs.ts';
import type { Duration, FieldError, WorkloadKind } from './types.ts';

type Fields = Readonly<Record<string, unknown>>;

export const MAX_DURATION_MS = 30 * 24 * 3600 * 1000;

export function requireString(ev: Fields, field: string): FieldError | null {
  const v = ev[field];
  if (typeof v !== 'string' || v.length === 0)
    return { field, message: `\`${field}\` is required and must be a non-empty string` };
  return null;
}

/** Exactly these fields (besides at/do) may appear. */
export function onlyFields(ev: Fields, allowed: readonly string[]): FieldError | null {
  for (const k of Object.keys(ev)) {
    if (k === 'at' || k === 'do') continue;
    if (!allowed.includes(k)) {
      const hint = closest(k, allowed);
      const guess = hint === undefined ? '' : `; did you mean \`${hint}\`?`;
      return {
        field: k,
        message: `unknown field \`${k}\`${guess} (allowed: ${allowed.join(', ') || 'none'})`,
      };
    }
  }
  return null;
}

export function durationField(ev: Fields, field: string, required: boolean): FieldError | null {
  const v = ev[field];
  if (v === undefined)
    return required ? { field, message: `\`${field}\` is required (a duration such as 30s)` } : null;
  if (typeof v !== 'string' && typeof v !== 'number')
    return { field, message: `\`${field}\` must be a duration such as 30s` };
  const ms = parseDuration(v);
  if (typeof ms === 'string') return { field, message: `\`${field}\`: ${ms}` };
  if (ms > MAX_DURATION_MS) return { field, message: `\`${field}\` is absurdly long (more than 30 days)` };
  return null;
}

/** Durations in events are already validated; this reads one as ms. */
export function durationMs(v: Duration | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const ms = parseDuration(v);
  return typeof ms === 'number' ? ms : fallback;
}

export function intField(
  ev: Fields,
  field: string,
  min: number,
  max: number,
  required = true,
): FieldError | null {
  const v = ev[field];
  if (v === undefined) return required ? { field, message: `\`${field}\` is required` } : null;
  if (typeof v !== 'number' || !Number.isInteger(v))
    return { field, message: `\`${field}\` must be an integer` };
  if (v < min || v > max) return { field, message: `\`${field}\` must be between ${min} and ${max}` };
  return null;
}

/** A labels map; a null value removes the label. */
export function labelsField(ev: Fields, field: string): FieldError | null {
  const v = ev[field];
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return { field, message: `\`${field}\` must be a map of labels` };
  for (const [k, val] of Object.entries(v)) {
    const keyErr = validateLabelKey(k);
    if (keyErr) return { field, message: `label key '${k}': ${keyErr}` };
    if (val !== null && typeof val !== 'string')
      return { field, message: `label '${k}' must be a string (or null to remove it)` };
    const valErr = val === null ? null : validateLabelValue(val);
    if (valErr) return { field, message: `label '${k}': ${valErr}` };
  }
  return null;
}

export function taintField(ev: Fields, field: string): FieldError | null {
  const err = taintError(ev[field], field);
  return err ? { field, message: err } : null;
}

/** What is wrong with one taint `{key, value?, effect}` named `what` in messages, or null. */
function taintError(v: unknown, what: string): string | null {
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return `\`${what}\` must be a taint {key, value?, effect}`;
  const t = v as Record<string, unknown>;
  const extra = Object.keys(t).find((k) => !TAINT_KEYS.includes(k));
  if (extra !== undefined) return `${what}: unknown field \`${extra}\` (allowed: ${TAINT_KEYS.join(', ')})`;
  const bad = TAINT_KEYS.find((k) => t[k] !== undefined && typeof t[k] !== 'string');
  if (bad !== undefined) return `${what}.${bad} must be a string`;
  return validateTaint(v as Taint, what);
}

const TAINT_KEYS = ['key', 'value', 'effect'];

/** `<kind>/<name>` with a workload kind (kubectl short names and plurals accepted, see canonicalTarget). */
export function targetField(
  ev: Fields,
  field = 'target',
  kinds: readonly WorkloadKind[] = WORKLOAD_KINDS,
): FieldError | null {
  const v = ev[field];
  const canonical = typeof v === 'string' ? canonicalTarget(v) : undefined;
  if (canonical !== undefined && kinds.includes(canonical.split('/')[0] as WorkloadKind)) return null;
  if (kinds.length === 1) return { field, message: `\`${field}\` must be ${kinds[0]}/<name>` };
  const list = `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}`;
  return { field, message: `\`${field}\` must be <kind>/<name> with kind ${list}` };
}

/** `pod`: a name, `{owner, index}` or `{owner, node}`. */
export function podField(ev: Fields, field = 'pod'): FieldError | null {
  const v = ev[field];
  if (typeof v === 'string' && v.length > 0) return null;
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const extra = Object.keys(o).find((k) => !['owner', 'index', 'node'].includes(k));
    if (extra !== undefined)
      return {
        field: `${field}.${extra}`,
        message: `unknown field \`${extra}\` in \`${field}\` (allowed: owner, index, node)`,
      };
    if (targetField(o, 'owner'))
      return { field, message: `\`${field}.owner\` must be <kind>/<name>, e.g. replicaset/frontend` };
    if (typeof o.index === 'number' && Number.isInteger(o.index) && o.index >= 0) return null;
    if (typeof o.node === 'string' && o.node.length > 0) return null;
    return {
      field,
      message: `\`${field}\` needs \`index\` (a non-negative integer) or \`node\` besides \`owner\``,
    };
  }
  return { field, message: `\`${field}\` must be a pod name or {owner, index} or {owner, node}` };
}

/** A non-empty string, optionally one of `allowed`. */
export function stringField(
  ev: Fields,
  field: string,
  required: boolean,
  allowed?: readonly string[],
): FieldError | null {
  const v = ev[field];
  if (allowed !== undefined) {
    if (typeof v === 'string' && allowed.includes(v)) return null;
    const hint = typeof v === 'string' ? closest(v, allowed) : undefined;
    const guess = hint === undefined ? '' : `, not "${v}"; did you mean "${hint}"?`;
    return { field, message: `\`${field}\` must be one of ${allowed.join(', ')}${guess}` };
  }
  if (typeof v === 'string' && v.length > 0) return null;
  return required ? requireString(ev, field) : { field, message: `\`${field}\` must be a string` };
}

export function boolField(ev: Fields, field: string): FieldError | null {
  return typeof ev[field] === 'boolean' ? null : { field, message: `\`${field}\` must be true or false` };
}

/** A label map for a new object: string values only (nothing to remove). */
export function nodeLabelsField(ev: Fields, field: string): FieldError | null {
  const v = ev[field];
  if (v === null || typeof v !== 'object' || Array.isArray(v))
    return { field, message: `\`${field}\` must be a map of labels` };
  for (const [k, val] of Object.entries(v)) {
    if (typeof val !== 'string') return { field, message: `label '${k}' must be a string` };
  }
  const err = validateLabels(v as Record<string, string>, field);
  return err ? { field, message: err } : null;
}

/** A list of taints `{key, value?, effect}`. */
export function taintsField(ev: Fields, field: string): FieldError | null {
  const v = ev[field];
  if (!Array.isArray(v)) return { field, message: `\`${field}\` must be a list` };
  for (const [i, t] of v.entries()) {
    const err = taintError(t, `${field}[${i}]`);
    if (err) return { field, message: err };
  }
  return null;
}

/** A free-form map (e.g. a template patch); `hint` says what it must be. */
export function mapField(ev: Fields, field: string, hint: string): FieldError | null {
  const v = ev[field];
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return null;
  return { field, message: `\`${field}\` must be ${hint}` };
}
