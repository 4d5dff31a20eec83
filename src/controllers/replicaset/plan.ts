/**
 * The pure part of the ReplicaSet controller (replica_set.go, replica_set_utils.go): which pods
 * count, what to create or delete, and the status to report. The controller feeds it its cache.
 */
import { compileSelector, matchesSelector, selectorMatches } from '../../model/labels.ts';
import { getControllerOf, isPodAvailable, isPodReady, newControllerRef } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { podsToDelete } from './ranking.ts';
import type { ReplicaSetVariant } from './variants.ts';

/** Creations and deletions per sync are capped (BurstReplicas). */
export const BURST_REPLICAS = 500;

export type ManageDecision =
  | { type: 'none' }
  | { type: 'create'; count: number }
  | { type: 'delete'; victims: KObject[] };

/** Active = not Succeeded/Failed and not being deleted (a mutant may count Failed pods too). */
export function isActive(pod: KObject, v: ReplicaSetVariant): boolean {
  if (pod.metadata.deletionTimestamp && !v.countTerminatingAsActive) return false;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return false;
  return phase !== 'Failed' || v.countFailedAsActive;
}

export function desiredReplicas(rs: KObject): number {
  return rs.spec?.replicas ?? 1;
}

/** manageReplicas: the difference between owned active pods and spec.replicas, capped. */
export function decideManage(
  rs: KObject,
  owned: readonly KObject[],
  related: readonly KObject[],
  nowMs: number,
  v: ReplicaSetVariant,
): ManageDecision {
  const diff = owned.length - desiredReplicas(rs);
  if (diff < 0) return { type: 'create', count: Math.min(-diff, BURST_REPLICAS) };
  if (diff > 0) {
    const n = Math.min(diff, BURST_REPLICAS);
    const victims =
      v.ranking === 'healthiest-first'
        ? healthiestFirst(owned, n)
        : podsToDelete(owned, related, n, nowMs, v.ranking);
    return { type: 'delete', victims };
  }
  return { type: 'none' };
}

/**
 * Whether a decision on these pods ranks them (a scale-down that keeps some): only then are the
 * related pods needed, so a controller gathers them no oftener.
 */
export function needsRanking(rs: KObject, owned: readonly KObject[]): boolean {
  const diff = owned.length - desiredReplicas(rs);
  return diff > 0 && Math.min(diff, BURST_REPLICAS) < owned.length;
}

/**
 * getReplicaSetsWithSameController: every ReplicaSet of `sets` whose controller is the one of `rs`
 * (`rs` included, being deleted or not), sorted by key; none when `rs` has no controller.
 */
export function replicaSetsWithSameController(rs: KObject, sets: Iterable<KObject>): KObject[] {
  const owner = getControllerOf(rs)?.uid;
  if (owner === undefined) return [];
  const same: KObject[] = [];
  for (const s of sets) if (getControllerOf(s)?.uid === owner) same.push(s);
  return same.sort((a, b) => rsKeyOf(a).localeCompare(rsKeyOf(b)));
}

function rsKeyOf(o: KObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

/**
 * getIndirectlyRelatedPods: the pods, owned or not, that the selector of any ReplicaSet with the
 * same controller as `rs` matches in that set's namespace, each once, in the order of `pods`.
 * A bare ReplicaSet has none (Kubernetes then ranks every pod 0 on co-location). A missing
 * selector matches nothing, as Kubernetes' LabelSelectorAsSelector(nil).
 */
export function indirectlyRelatedPods(
  rs: KObject,
  sets: Iterable<KObject>,
  pods: Iterable<KObject>,
): KObject[] {
  const siblings = replicaSetsWithSameController(rs, sets)
    .filter((s) => s.spec?.selector)
    .map((s) => ({ ns: s.metadata.namespace, sel: compileSelector(s.spec?.selector) }));
  if (siblings.length === 0) return [];
  const related: KObject[] = [];
  for (const p of pods) {
    const ns = p.metadata.namespace;
    if (siblings.some((s) => s.ns === ns && selectorMatches(s.sel, p.metadata.labels))) related.push(p);
  }
  return related;
}

/** Mutant ranking: deletes the healthiest, oldest pods first (the opposite of Kubernetes). */
function healthiestFirst(owned: readonly KObject[], n: number): KObject[] {
  const score = (p: KObject) =>
    (p.spec?.nodeName ? 4 : 0) + (p.status?.phase === 'Running' ? 2 : 0) + (isPodReady(p as Pod) ? 1 : 0);
  return [...owned]
    .sort((a, b) => score(b) - score(a) || a.metadata.name.localeCompare(b.metadata.name))
    .slice(0, n);
}

/** The last pod built from each template object, with the ReplicaSet it was built for. */
const podsByTemplate = new WeakMap<object, { uid: string; name: string; pod: KObject }>();

/**
 * The pods that the sync will create (from the template, with our controllerRef). One object per
 * template and ReplicaSet, handed out again for every pod: nobody changes it (the store copies
 * what it stores), so the pods of one ReplicaSet share its template's labels, its controllerRef and
 * its template's spec (computeStatus then finds a pod fully labeled at a glance).
 */
export function podFromTemplate(rs: KObject): KObject {
  const tmpl = rs.spec?.template ?? {};
  const cached = podsByTemplate.get(tmpl);
  if (cached && cached.uid === rs.metadata.uid && cached.name === rs.metadata.name) return cached.pod;
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      // The template's own label and annotation objects: values, never changed in place.
      labels: tmpl.metadata?.labels ?? {},
      annotations: tmpl.metadata?.annotations ?? undefined,
      ownerReferences: [newControllerRef(rs)],
    },
    spec: tmpl.spec,
  } as KObject;
  podsByTemplate.set(tmpl, { uid: rs.metadata.uid, name: rs.metadata.name, pod });
  return pod;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  terminatingReplicas: number;
  observedGeneration: number;
  conditions?: Array<{
    type: string;
    status: string;
    reason: string;
    message: string;
    lastTransitionTime: string;
  }>;
}

/** calculateStatus: counts over the owned active pods; ReplicaFailure set or cleared. */
export function computeStatus(
  rs: KObject,
  owned: readonly KObject[],
  terminating: number,
  nowMs: number,
  manageError: string | undefined,
  nowStamp: string,
): ReplicaSetStatus {
  const tmplLabels = (rs.spec?.template?.metadata?.labels ?? {}) as Record<string, string>;
  const minReady = rs.spec?.minReadySeconds ?? 0;
  // One pass: a sync of a 10,000-pod ReplicaSet runs this thousands of times while it scales.
  let fullyLabeled = 0;
  let readyCount = 0;
  let available = 0;
  for (const p of owned) {
    if (hasLabels(p.metadata.labels, tmplLabels)) fullyLabeled++;
    if (!isPodReady(p as Pod)) continue;
    readyCount++;
    // Ready already: available at once without minReadySeconds (isPodAvailable's first test).
    if (minReady <= 0 || isPodAvailable(p as Pod, minReady, nowMs)) available++;
  }
  const status: ReplicaSetStatus = {
    replicas: owned.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: readyCount,
    availableReplicas: available,
    terminatingReplicas: terminating,
    observedGeneration: rs.metadata.generation,
  };
  const old = (rs.status?.conditions ?? []) as NonNullable<ReplicaSetStatus['conditions']>;
  const failure = old.find((c) => c.type === 'ReplicaFailure');
  let conditions = old;
  if (manageError && !failure) {
    const reason = owned.length - desiredReplicas(rs) > 0 ? 'FailedDelete' : 'FailedCreate';
    conditions = [
      ...old,
      { type: 'ReplicaFailure', status: 'True', reason, message: manageError, lastTransitionTime: nowStamp },
    ];
  } else if (!manageError && failure) {
    conditions = old.filter((c) => c.type !== 'ReplicaFailure');
  }
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}

/** Whether `labels` hold every label of `want` (a pod carries all its template's labels: fully labeled). */
function hasLabels(labels: Record<string, string> | undefined, want: Record<string, string>): boolean {
  // The same object (pods of one template may share it) holds them all.
  if (labels === want) return true;
  for (const k in want) if (labels?.[k] !== want[k]) return false;
  return true;
}

/** updateReplicaSetStatus skips the write when nothing changed. */
export function statusChanged(rs: KObject, next: ReplicaSetStatus): boolean {
  const cur = rs.status ?? {};
  return (
    (cur.replicas ?? 0) !== next.replicas ||
    (cur.fullyLabeledReplicas ?? 0) !== next.fullyLabeledReplicas ||
    (cur.readyReplicas ?? 0) !== next.readyReplicas ||
    (cur.availableReplicas ?? 0) !== next.availableReplicas ||
    (cur.terminatingReplicas ?? 0) !== next.terminatingReplicas ||
    (cur.observedGeneration ?? 0) !== next.observedGeneration ||
    !sameConditions(cur.conditions, next.conditions)
  );
}

/**
 * The conditions compared as JSON. computeStatus hands back the stored list itself when it has
 * nothing to change, so the same list (or none on either side) is equal without rendering it.
 */
function sameConditions(a: unknown[] | undefined, b: unknown[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y) && x.length === 0 && y.length === 0) return true;
  return JSON.stringify(x) === JSON.stringify(y);
}

/** ReplicaSets whose selector matches a pod's labels (for orphans), sorted by key. */
export function matchingReplicaSets(sets: readonly KObject[], pod: KObject): KObject[] {
  return sets.filter(
    (rs) =>
      rs.metadata.namespace === pod.metadata.namespace &&
      selectorMatches(compileSelector(rs.spec?.selector), pod.metadata.labels),
  );
}

export { matchesSelector };
