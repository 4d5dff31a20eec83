/**
 * Taints and tolerations (`Toleration.ToleratesTaint`, `FindMatchingUntoleratedTaint`, the
 * taint-eviction controller's `getMinTolerationTime`, the DefaultTolerationSeconds admission plugin).
 */

import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import { validateLabelKey, validateLabelValue } from './labels.ts';

/** Node condition Ready=False. */
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
/** Node condition Ready=Unknown (the node stopped reporting). */
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** `spec.unschedulable` (cordon). */
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
export const TAINT_EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** Seconds the DefaultTolerationSeconds admission plugin grants for not-ready / unreachable. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * Kubernetes `ToleratesTaint`: an empty effect matches every effect, an empty key matches every key,
 * operator Exists matches any value, Equal (the default) compares values; other operators match nothing.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** Whether any toleration tolerates the taint. */
export function toleratesAny(tolerations: Toleration[] | undefined, taint: Taint): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/**
 * The first taint with one of `effects` that no toleration tolerates (`FindMatchingUntoleratedTaint`),
 * or undefined when all such taints are tolerated.
 */
export function findUntoleratedTaint(
  taints: Taint[] | undefined,
  tolerations: Toleration[] | undefined,
  effects: ReadonlyArray<TaintEffect>,
): Taint | undefined {
  return (taints ?? []).find(
    (taint) => effects.includes(taint.effect as TaintEffect) && !toleratesAny(tolerations, taint),
  );
}

/**
 * How long a pod may stay on a node with this NoExecute taint.
 * @returns 'none' when not tolerated (evict now); null when tolerated forever; else seconds (≥ 0).
 * Like Kubernetes (`GetMatchingTolerations` + `getMinTolerationTime`), the FIRST toleration that
 * tolerates the taint decides, not the smallest among all matching ones; negative seconds count as 0.
 */
export function tolerationSecondsFor(
  tolerations: Toleration[] | undefined,
  taint: Taint,
): number | null | 'none' {
  const used = (tolerations ?? []).find((t) => toleratesTaint(t, taint));
  if (used === undefined) return 'none';
  if (used.tolerationSeconds === undefined || used.tolerationSeconds === null) return null;
  return Math.max(0, used.tolerationSeconds);
}

/**
 * The taint-eviction delay for a set of NoExecute taints: 'none' if any is not tolerated, null if all
 * are tolerated forever, else the minimum of the deciding tolerations' seconds.
 */
export function tolerationSecondsForTaints(
  tolerations: Toleration[] | undefined,
  taints: Taint[],
): number | null | 'none' {
  let min: number | null = null;
  for (const taint of taints) {
    const s = tolerationSecondsFor(tolerations, taint);
    if (s === 'none') return 'none';
    if (s !== null) min = min === null ? s : Math.min(min, s);
  }
  return min;
}

/** The toleration DefaultTolerationSeconds adds for `key`. */
function defaultToleration(key: string): Toleration {
  return { key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS };
}

/**
 * What a pod without tolerations gets: one frozen array shared by all of them (at 150,000 pods a
 * copy each cost about 300 bytes a pod). Stored objects are never mutated, so sharing is safe.
 */
const DEFAULT_TOLERATIONS: readonly Toleration[] = Object.freeze([
  Object.freeze(defaultToleration(TAINT_NOT_READY)),
  Object.freeze(defaultToleration(TAINT_UNREACHABLE)),
]);

/**
 * DefaultTolerationSeconds admission: adds `not-ready:NoExecute` and `unreachable:NoExecute`
 * (operator Exists, 300 s) unless a toleration with that key (or no key) and effect NoExecute (or no
 * effect) exists. The plugin ignores operator and value here; so do we. The input is not modified;
 * for no tolerations the result is a shared frozen array, otherwise a new one.
 */
export function addDefaultTolerations(tolerations: Toleration[] | undefined): Toleration[] {
  if (!tolerations || tolerations.length === 0) return DEFAULT_TOLERATIONS as Toleration[];
  const result = [...tolerations];
  for (const key of [TAINT_NOT_READY, TAINT_UNREACHABLE]) {
    const covered = result.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === 'NoExecute'));
    if (!covered) result.push(defaultToleration(key));
  }
  return result;
}

function unsupportedEffect(effect: string, path: string): string {
  return `${path}.effect: Unsupported value: "${effect}": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"`;
}

/** Validates a node taint (`validateNodeTaints`). @returns the first error, or null. */
export function validateTaint(t: Taint, path: string): string | null {
  const keyErr = validateLabelKey(t.key ?? '');
  if (keyErr !== null) return `${path}.key: Invalid value: "${t.key ?? ''}": ${keyErr}`;
  const valueErr = validateLabelValue(t.value ?? '');
  if (valueErr !== null) return `${path}.value: Invalid value: "${t.value}": ${valueErr}`;
  if (!t.effect) return `${path}.effect: Required value`;
  if (!TAINT_EFFECTS.includes(t.effect as TaintEffect)) return unsupportedEffect(t.effect, path);
  return null;
}

/** Validates a pod toleration (`ValidateTolerations`). @returns the first error, or null. */
export function validateToleration(t: Toleration, path: string): string | null {
  if (t.key) {
    const keyErr = validateLabelKey(t.key);
    if (keyErr !== null) return `${path}.key: Invalid value: "${t.key}": ${keyErr}`;
  } else if (t.operator !== 'Exists') {
    return `${path}.operator: Invalid value: "${t.operator ?? ''}": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`;
  }
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
    return `${path}.effect: Invalid value: "${t.effect ?? ''}": effect must be 'NoExecute' when \`tolerationSeconds\` is set`;
  }
  switch (t.operator ?? '') {
    case '':
    case 'Equal': {
      const err = validateLabelValue(t.value ?? '');
      if (err !== null) return `${path}.value: Invalid value: "${t.value}": ${err}`;
      break;
    }
    case 'Exists':
      if (t.value)
        return `${path}.operator: Invalid value: "${t.value}": value must be empty when \`operator\` is 'Exists'`;
      break;
    default:
      return `${path}.operator: Unsupported value: "${t.operator}": supported values: "Equal", "Exists"`;
  }
  if (t.effect && !TAINT_EFFECTS.includes(t.effect as TaintEffect)) return unsupportedEffect(t.effect, path);
  return null;
}
