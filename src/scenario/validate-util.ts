/**
 * Small building blocks for manifest validation. Every check returns a {@link ManifestError} or
 * null, so validators chain with `??` and stop at the first problem, as one error line is all the
 * CLI prints. Messages follow the API server's `field.ErrorList` wording.
 */

/** A rejected field: where (a dotted path relative to the object) and Kubernetes' message. */
export interface ManifestError {
  field: string;
  message: string;
  /** Point at the field's key rather than its value (an unknown field: the key is what is wrong). */
  key?: boolean;
}

export type Check = ManifestError | null;

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go's `%v`-like rendering of a value in messages. */
export function show(v: unknown): string {
  const text = typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v));
  // A whole list or map of the wrong type would make the one error line unreadable.
  return text.length <= SHOW_MAX ? text : `${text.slice(0, SHOW_MAX - 1)}…`;
}

const SHOW_MAX = 120;

export function invalid(field: string, value: unknown, why: string): ManifestError {
  return { field, message: `${field}: Invalid value: ${show(value)}: ${why}` };
}

export function required(field: string, why?: string): ManifestError {
  return { field, message: `${field}: Required value${why ? `: ${why}` : ''}` };
}

export function unsupported(field: string, value: unknown, supported: readonly string[]): ManifestError {
  const list = supported.map((s) => `"${s}"`).join(', ');
  return { field, message: `${field}: Unsupported value: ${show(value)}: supported values: ${list}` };
}

export function forbidden(field: string, why: string): ManifestError {
  return { field, message: `${field}: Forbidden: ${why}` };
}

/**
 * Turns a model helper's `path: message` string (labels.ts, taints.ts) into a ManifestError.
 * Only the first `: ` separates the path, so messages that quote values stay whole.
 */
export function fromPathMessage(s: string | null): Check {
  if (s === null) return null;
  const cut = s.indexOf(': ');
  return { field: cut < 0 ? '' : s.slice(0, cut), message: s };
}

/** The value must be a map (or absent when `optional`). */
export function checkRecord(v: unknown, field: string, optional = true): Check {
  if (v === undefined || v === null) return optional ? null : required(field);
  return isRecord(v) ? null : invalid(field, v, 'must be an object');
}

/** The value must be a list (or absent). */
export function checkArray(v: unknown, field: string): Check {
  if (v === undefined || v === null) return null;
  return Array.isArray(v) ? null : invalid(field, v, 'must be a list');
}

/** An optional integer ≥ min and ≤ max (int32 unless the Go field is an int64). */
export function checkInt(v: unknown, field: string, min = 0, max = 2_147_483_647): Check {
  if (v === undefined || v === null) return null;
  if (typeof v !== 'number' || !Number.isInteger(v)) return invalid(field, v, 'must be an integer');
  if (v < min) return invalid(field, v, `must be greater than or equal to ${min}`);
  if (v > max) return invalid(field, v, `must be no more than ${max}`);
  return null;
}

/** An optional string from a fixed set. */
export function checkEnum(v: unknown, field: string, allowed: readonly string[]): Check {
  if (v === undefined || v === null) return null;
  return typeof v === 'string' && allowed.includes(v) ? null : unsupported(field, v, allowed);
}

/**
 * An IntOrString that must be a non-negative int or a percentage (`ValidatePositiveIntOrPercent`);
 * `capAt100` adds `IsNotMoreThan100Percent` (maxUnavailable; maxSurge may exceed 100%).
 */
export function checkIntOrPercent(v: unknown, field: string, capAt100 = false): Check {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return checkInt(v, field, 0);
  if (typeof v === 'string' && /^[0-9]+%$/.test(v)) {
    return capAt100 && Number.parseInt(v, 10) > 100
      ? invalid(field, v, 'must not be greater than 100%')
      : null;
  }
  return invalid(
    field,
    v,
    "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
  );
}

/** True when an IntOrString is zero (`0` or `"0%"`). */
export function isZeroIntOrPercent(v: unknown): boolean {
  return v === 0 || v === '0%';
}

/** Runs checks in order and returns the first failure. */
export function firstOf(...checks: Array<() => Check>): Check {
  for (const c of checks) {
    const r = c();
    if (r !== null) return r;
  }
  return null;
}
