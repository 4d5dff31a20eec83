/** Small validators for the fields of scenario events (the parser adds file:line:col). */
import { validateLabelKey, validateLabelValue } from '../model/labels.ts';
import { validateTaint } from '../model/taints.ts';
import { parseDuration } from '../model/time.ts';
import type { Taint } from '../model/types.ts';
import type { FieldError } from './types.ts';

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
    if (!allowed.includes(k))
      return { field: k, message: `unknown field \`${k}\` (allowed: ${allowed.join(', ') || 'none'})` };
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
export function durationMs(v: unknown, fallback: number): number {
  if (v === undefined) return fallback;
  const ms = parseDuration(v as string | number);
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
  const v = ev[field];
  if (v === null || typeof v !== 'object')
    return { field, message: `\`${field}\` must be a taint {key, value?, effect}` };
  const err = validateTaint(v as Taint, field);
  return err ? { field, message: err } : null;
}

/** `<kind>/<name>` with a workload kind. */
export function targetField(ev: Fields, field = 'target'): FieldError | null {
  const v = ev[field];
  if (
    typeof v !== 'string' ||
    !/^(replicaset|daemonset|statefulset|deployment)\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(v)
  ) {
    return {
      field,
      message: `\`${field}\` must be <kind>/<name> with kind replicaset, daemonset, statefulset or deployment`,
    };
  }
  return null;
}

/** `pod`: a name, `{owner, index}` or `{owner, node}`. */
export function podField(ev: Fields): FieldError | null {
  const v = ev.pod;
  if (typeof v === 'string' && v.length > 0) return null;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (targetField(o, 'owner'))
      return { field: 'pod', message: '`pod.owner` must be <kind>/<name>, e.g. replicaset/frontend' };
    if (typeof o.index === 'number' && Number.isInteger(o.index) && o.index >= 0) return null;
    if (typeof o.node === 'string' && o.node.length > 0) return null;
    return {
      field: 'pod',
      message: '`pod` needs `index` (a non-negative integer) or `node` besides `owner`',
    };
  }
  return { field: 'pod', message: '`pod` must be a pod name or {owner, index} or {owner, node}' };
}

export function firstError(...errs: Array<FieldError | null>): FieldError | null {
  return errs.find((e) => e !== null) ?? null;
}
