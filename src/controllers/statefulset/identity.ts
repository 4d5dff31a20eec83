/**
 * StatefulSet identity and storage (stateful_set_utils.go): the pod for an ordinal, its labels,
 * hostname and subdomain, the PVCs of its volumeClaimTemplates, and whether an existing pod still
 * has all of that. Pure functions of the set (as the controller's cache holds it) and the pod.
 */

import { extend } from '../../model/objects.ts';
import { parseOrdinal, podNameFor, pvcNameFor } from '../../model/ordinal.ts';
import { isPodAvailable, isPodReady } from '../../model/pod.ts';
import type { KObject, NewObject, Pod } from '../../model/types.ts';
import { REVISION_HASH_LABEL } from '../shared/history.ts';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

export interface ClaimTemplate {
  metadata: { name: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
}

export function startOrdinal(set: KObject): number {
  return set.spec?.ordinals?.start ?? 0;
}

export function desiredReplicas(set: KObject): number {
  return set.spec?.replicas ?? 1;
}

export function claimTemplates(set: KObject): ClaimTemplate[] {
  return (set.spec?.volumeClaimTemplates ?? []) as ClaimTemplate[];
}

export function isParallel(set: KObject): boolean {
  return set.spec?.podManagementPolicy === 'Parallel';
}

/** Parsed pod names (a sync asks for the same few names many times; the regex is the cost). */
const parsed = new Map<string, { parent: string; ordinal: number } | null>();

/** `parseOrdinal`, memoised by name. */
export function parseName(name: string): { parent: string; ordinal: number } | null {
  let p = parsed.get(name);
  if (p === undefined) {
    if (parsed.size >= 8192) parsed.clear();
    p = parseOrdinal(name);
    parsed.set(name, p);
  }
  return p;
}

/** The ordinal of a pod of this set, or undefined for a name that is not `<set>-<digits>`. */
export function ordinalOf(set: KObject, pod: { metadata: { name?: string } }): number | undefined {
  const p = parseName(pod.metadata.name ?? '');
  return p && p.parent === set.metadata.name ? p.ordinal : undefined;
}

/** Whether a pod name belongs to the set (the claim filter `isMemberOf`). */
export function isMember(set: KObject, podName: string): boolean {
  return parseName(podName)?.parent === set.metadata.name;
}

export function inOrdinalRange(set: KObject, ordinal: number): boolean {
  const start = startOrdinal(set);
  return ordinal >= start && ordinal < start + desiredReplicas(set);
}

export function revisionOf(pod: KObject): string {
  return pod.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
}

export const isTerminating = (p: KObject): boolean => !!p.metadata.deletionTimestamp;
export const isTerminal = (p: KObject): boolean =>
  p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
/** Pending, or not yet given a phase by anyone (the API server would say Pending). */
export const isPending = (p: KObject): boolean => (p.status?.phase ?? 'Pending') === 'Pending';
export const isRunningAndReady = (p: KObject): boolean =>
  p.status?.phase === 'Running' && isPodReady(p as Pod);
export const isRunningAndAvailable = (p: KObject, minReadySeconds: number, nowMs: number): boolean =>
  p.status?.phase === 'Running' && isPodAvailable(p as Pod, minReadySeconds, nowMs);
/** Running and Ready and not being deleted. */
export const isHealthy = (p: KObject): boolean => isRunningAndReady(p) && !isTerminating(p);

/**
 * Claim names by set name and ordinal, per volumeClaimTemplates array: the array keeps its identity
 * across status writes (a status write copies the set, not its spec), the set object does not.
 */
const claimNameMemo = new WeakMap<object, Map<string, readonly string[]>>();
const NO_TEMPLATES: readonly ClaimTemplate[] = [];

/** Names of the PVCs pod `ordinal` mounts, one per template, in template order. */
export function claimNamesFor(set: KObject, ordinal: number): readonly string[] {
  const templates = (set.spec?.volumeClaimTemplates as ClaimTemplate[] | undefined) ?? NO_TEMPLATES;
  let byPod = claimNameMemo.get(templates);
  if (!byPod) {
    byPod = new Map();
    claimNameMemo.set(templates, byPod);
  }
  const pod = podNameFor(set.metadata.name, ordinal);
  let names = byPod.get(pod);
  if (!names) {
    names = templates.map((t) => pvcNameFor(t.metadata.name, set.metadata.name, ordinal));
    byPod.set(pod, names);
  }
  return names;
}

/** The PVC objects pod `ordinal` mounts: template spec, labels = template labels + selector labels. */
export function claimsFor(set: KObject, ordinal: number): NewObject[] {
  return claimTemplates(set).map((t) => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name: pvcNameFor(t.metadata.name, set.metadata.name, ordinal),
      namespace: set.metadata.namespace,
      labels: extend(t.metadata.labels, set.spec?.selector?.matchLabels ?? {}),
    },
    spec: { ...(t.spec ?? {}) },
  }));
}

/** `updateStorage`: one volume per template, named after it, pointing at the ordinal's PVC. */
function withStorage(
  set: KObject,
  spec: Record<string, unknown>,
  claimNames: readonly string[],
): Record<string, unknown> {
  const templates = claimTemplates(set);
  const names = new Set(templates.map((t) => t.metadata.name));
  const others = ((spec.volumes ?? []) as Array<{ name: string }>).filter((v) => !names.has(v.name));
  const volumes = templates.map((t, i) => ({
    name: t.metadata.name,
    persistentVolumeClaim: { claimName: claimNames[i] },
  }));
  return extend(spec, { volumes: [...volumes, ...others] });
}

/**
 * `newVersionedStatefulSetPod` for a given template: name, hostname, subdomain, identity labels,
 * the revision label and a controllerRef. `claimNames` defaults to the ordinal's own PVCs.
 */
export function newPod(
  set: KObject,
  template: { metadata?: Record<string, unknown>; spec?: Record<string, unknown> },
  ordinal: number,
  revision: string,
  claimNames?: readonly string[],
): NewObject {
  const name = podNameFor(set.metadata.name, ordinal);
  const meta = (template.metadata ?? {}) as {
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  const claims = claimNames ?? claimNamesFor(set, ordinal);
  // Built key by key: a spread in the middle of a literal that adds keys is slow (see objects.ts).
  const metadata: NewObject['metadata'] = {
    name,
    namespace: set.metadata.namespace,
    labels: extend(meta.labels, {
      [POD_NAME_LABEL]: name,
      [POD_INDEX_LABEL]: String(ordinal),
      [REVISION_HASH_LABEL]: revision,
    }),
  };
  if (meta.annotations) metadata.annotations = { ...meta.annotations };
  metadata.ownerReferences = [
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: set.metadata.name,
      uid: set.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: extend(withStorage(set, template.spec ?? {}, claims), {
      hostname: name,
      subdomain: set.spec?.serviceName,
    }),
  };
}

/** `identityMatches`: name, namespace, hostname/subdomain and the pod-name/pod-index labels. */
export function identityMatches(set: KObject, pod: KObject): boolean {
  const ord = ordinalOf(set, pod);
  if (ord === undefined) return false;
  const name = podNameFor(set.metadata.name, ord);
  const l = pod.metadata.labels ?? {};
  return (
    pod.metadata.name === name &&
    pod.metadata.namespace === set.metadata.namespace &&
    l[POD_NAME_LABEL] === name &&
    l[POD_INDEX_LABEL] === String(ord) &&
    pod.spec?.hostname === name &&
    pod.spec?.subdomain === set.spec?.serviceName
  );
}

/** `storageMatches`: every template has a volume pointing at the ordinal's PVC. */
export function storageMatches(set: KObject, pod: KObject): boolean {
  const ord = ordinalOf(set, pod);
  if (ord === undefined) return false;
  const vols = (pod.spec?.volumes ?? []) as Array<{
    name: string;
    persistentVolumeClaim?: { claimName?: string };
  }>;
  const names = claimNamesFor(set, ord);
  const templates = claimTemplates(set);
  for (let i = 0; i < templates.length; i++) {
    let found = false;
    for (const v of vols)
      if (v.name === templates[i]!.metadata.name && v.persistentVolumeClaim?.claimName === names[i]) {
        found = true;
        break;
      }
    if (!found) return false;
  }
  return true;
}

/** `updateIdentity` + `updateStorage` on an existing pod (never touches containers or revision). */
export function repairedPod(set: KObject, pod: KObject): KObject {
  const ord = ordinalOf(set, pod)!;
  const name = podNameFor(set.metadata.name, ord);
  const claims = claimNamesFor(set, ord);
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      // updateIdentity also sets the namespace (stateful_set_utils_test.go TestUpdateIdentity).
      namespace: set.metadata.namespace,
      labels: extend(pod.metadata.labels, { [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ord) }),
    },
    spec: extend(withStorage(set, pod.spec ?? {}, claims), {
      hostname: name,
      subdomain: set.spec?.serviceName,
    }),
  };
}
