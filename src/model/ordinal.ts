/**
 * StatefulSet identity (`stateful_set_utils.go`): pod `<set>-<ordinal>`, PVC
 * `<template>-<set>-<ordinal>`, and membership by name prefix.
 */

/** Same shape as Kubernetes' `statefulPodRegex` `(.*)-([0-9]+)$`: greedy parent, trailing digits. */
const STATEFUL_POD_RE = /^(.*)-([0-9]+)$/;

/**
 * Splits a StatefulSet pod name into parent and ordinal, or null when the name has no trailing
 * `-<digits>` or the number does not fit (Kubernetes: ParseInt error ⇒ ordinal -1, "unparsable").
 * Leading zeros parse, as with ParseInt: `web-01` is ordinal 1 of `web` (its name is then not the
 * canonical `web-1`, which the controller treats as an identity mismatch).
 */
export function parseOrdinal(podName: string): { parent: string; ordinal: number } | null {
  const m = STATEFUL_POD_RE.exec(podName);
  if (m === null) return null;
  const ordinal = Number(m[2]);
  // Kubernetes parses into int32 for ordinals in range checks; beyond safe integers nothing is sane.
  if (!Number.isSafeInteger(ordinal)) return null;
  return { parent: m[1]!, ordinal };
}

/** The pod name for an ordinal: `<set>-<ordinal>`. */
export function podNameFor(setName: string, ordinal: number): string {
  return `${setName}-${ordinal}`;
}

/** Whether a pod name belongs to the set (the claim filter `isMemberOf`: parent name equals set name). */
export function isMemberOf(setName: string, podName: string): boolean {
  return parseOrdinal(podName)?.parent === setName;
}

/** The PVC name for a volumeClaimTemplate at an ordinal: `<template>-<set>-<ordinal>`. */
export function pvcNameFor(templateName: string, setName: string, ordinal: number): string {
  return `${templateName}-${podNameFor(setName, ordinal)}`;
}
