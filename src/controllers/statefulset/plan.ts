/**
 * The pure part of one StatefulSet sync (stateful_set_control.go `updateStatefulSet`): bucket the
 * pods into slots and condemned ones, then walk the slots in ascending order, the condemned pods
 * in descending order and the rolling update from the top down, producing the writes to make. With
 * OrderedReady ("monotonic") the walk stops at the first step that must wait; with Parallel it goes
 * on. The controller executes the intents in order (Parallel creations in slow-start batches).
 */

import { extend } from '../../model/objects.ts';
import { parseTimestamp } from '../../model/time.ts';
import type { KObject, NewObject } from '../../model/types.ts';
import {
  claimNamesFor,
  desiredReplicas,
  identityMatches,
  inOrdinalRange,
  isHealthy,
  isParallel,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminal,
  isTerminating,
  newPod,
  ordinalOf,
  revisionOf,
  startOrdinal,
  storageMatches,
} from './identity.ts';
import { claimIsStale, claimOwnersMatch, retentionPolicy } from './retention.ts';
import type { StatefulSetVariant } from './variants.ts';

export interface Revisions {
  current: { name: string; template: Record<string, unknown> };
  update: { name: string; template: Record<string, unknown> };
}

/** Kubernetes' `MaxBatchSize`: the largest slow-start batch of a Parallel walk. */
export const MAX_BATCH_SIZE = 500;

/**
 * Where an intent runs in updateStatefulSet. Each walk (`runForAll`) goes over a whole list: the
 * slots, then the condemned pods twice (their claims, then their deletion). OrderedReady visits one
 * item at a time and stops at the first error; Parallel runs `slowStartBatch` over the list's
 * items, existing pods included, in batches of 1, 2, 4, … (at most MAX_BATCH_SIZE) items: a batch
 * runs to its end even when one of its items fails, and the walk stops after a batch with a
 * failure. So a failed create of slot 1 still lets slot 2 (same batch) be created, not slot 3.
 * `item` is the slot or the condemned pod's index: processReplica returns at its first error, so
 * a failure skips that item's later intents.
 */
export interface Step {
  walk: 'replicas' | 'claims' | 'condemned' | 'update';
  batch: number;
  item: number;
}

export type Intent = Step &
  (
    | { type: 'deleteTerminal'; pod: KObject }
    | { type: 'create'; ordinal: number; slot: number; pod: NewObject; revision: string; replaces?: KObject }
    | { type: 'createClaims'; pod: KObject }
    | { type: 'repair'; pod: KObject; condemned: boolean }
    | { type: 'deleteCondemned'; pod: KObject }
    | { type: 'updateDelete'; pod: KObject; slot: number }
  );

/**
 * The slow-start batch that holds item `i` of a Parallel walk: batches of 1, 2, 4, … 256 items
 * (0 | 1–2 | 3–6 | … | 255–510), then MAX_BATCH_SIZE each.
 */
export function slowStartBatchOf(i: number): number {
  const doubling = 511; // 1 + 2 + … + 256: the batches before the first one capped at 500
  if (i < doubling) return 31 - Math.clz32(i + 1);
  return 9 + Math.floor((i - doubling) / MAX_BATCH_SIZE);
}

/** The step of item `item` of a walk: its own batch with OrderedReady, its slow-start batch with Parallel. */
function step(plan: SyncPlan, walk: Step['walk'], item: number): Step {
  return { walk, batch: plan.monotonic ? item : slowStartBatchOf(item), item };
}

/** Whether two intents run in the same batch of the same walk. */
export function sameBatch(a: Step, b: Step): boolean {
  return a.walk === b.walk && a.batch === b.batch;
}

/** Whether two intents belong to the same item (slot or condemned pod) of the same walk. */
export function sameItem(a: Step, b: Step): boolean {
  return a.walk === b.walk && a.item === b.item;
}

export type IntentType = Intent['type'];

/** Why an OrderedReady sync (or a rolling update) stopped early. */
export interface Block {
  kind: 'ready' | 'termination' | 'stale-claim';
  pod: string;
}

export interface SyncPlan {
  intents: Intent[];
  block?: Block;
  /** Slot i holds ordinal start + i; undefined = missing. */
  slots: Array<KObject | undefined>;
  /** Out-of-range members, highest ordinal first. */
  condemned: KObject[];
  monotonic: boolean;
}

/** Cached PVCs of the set's namespace by name (a Map will do; the controller reads its cache). */
export type ClaimLookup = Pick<ReadonlyMap<string, KObject>, 'get' | 'has'>;

export interface PlanInput {
  set: KObject;
  /** Pods the set owns (claimed), from the cache. */
  pods: readonly KObject[];
  /** PVCs in the set's namespace from the cache, by name. */
  claims: ClaimLookup;
  revisions: Revisions;
  nowMs: number;
  v: StatefulSetVariant;
}

/** Slots for ordinals [start, start + replicas) and the condemned rest (valid ordinals only). */
export function bucketPods(set: KObject, pods: readonly KObject[]): Pick<SyncPlan, 'slots' | 'condemned'> {
  const start = startOrdinal(set);
  const slots: Array<KObject | undefined> = new Array(desiredReplicas(set)).fill(undefined);
  const condemned: KObject[] = [];
  for (const p of pods) {
    const ord = ordinalOf(set, p);
    if (ord === undefined) continue;
    if (inOrdinalRange(set, ord)) slots[ord - start] = p;
    else condemned.push(p);
  }
  condemned.sort((a, b) => ordinalOf(set, b)! - ordinalOf(set, a)!);
  return { slots, condemned };
}

/** Slot index below which a new pod keeps the current revision (partition counts slots, #128529). */
export function partitionSlot(set: KObject, v: StatefulSetVariant): number {
  if (set.spec?.updateStrategy?.type === 'OnDelete') return 0;
  const partition = set.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  return v.partitionFromZero ? partition - startOrdinal(set) : partition;
}

/** The pod to create for a slot: below the partition from the current revision, else the update. */
export function podForSlot(input: PlanInput, slot: number): { pod: NewObject; revision: string } {
  const { set, revisions, v } = input;
  const rev = slot < partitionSlot(set, v) ? revisions.current : revisions.update;
  return { pod: newPod(set, rev.template, startOrdinal(set) + slot, rev.name), revision: rev.name };
}

/** The whole sync as intents. */
export function planSync(input: PlanInput): SyncPlan {
  const { set, v } = input;
  const { slots, condemned } = bucketPods(set, input.pods);
  if (v.condemnedAscending) condemned.reverse();
  const monotonic = !isParallel(set) && !v.orderedAsParallel;
  const plan: SyncPlan = { intents: [], slots, condemned, monotonic };
  if (set.metadata.deletionTimestamp) return plan;
  if (!planReplicas(input, plan)) return plan;
  if (!planCondemned(input, plan)) return plan;
  if (set.spec?.updateStrategy?.type !== 'OnDelete') planRollingUpdate(input, plan);
  return plan;
}

/** Step 5 (processReplica for each slot). Returns false when the sync stops here. */
function planReplicas(input: PlanInput, plan: SyncPlan): boolean {
  const { set, v, nowMs } = input;
  const minReady = set.spec?.minReadySeconds ?? 0;
  const policy = retentionPolicy(set);
  for (let i = 0; i < plan.slots.length; i++) {
    const pod = plan.slots[i];
    const at = step(plan, 'replicas', i);
    if (pod && isTerminal(pod) && !(v.keepsSucceeded && pod.status?.phase === 'Succeeded')) {
      // The replacement comes on a later sync, once the object is gone (same name, same claims).
      if (!isTerminating(pod)) plan.intents.push({ type: 'deleteTerminal', pod, ...at });
      if (plan.monotonic) return stop(plan, 'termination', pod.metadata.name);
      continue;
    }
    if (
      pod &&
      isTerminating(pod) &&
      v.forceDeleteStuck &&
      nowMs > parseTimestamp(pod.metadata.deletionTimestamp!)
    ) {
      plan.intents.push({
        type: 'create',
        ordinal: startOrdinal(set) + i,
        slot: i,
        ...podForSlot(input, i),
        replaces: pod,
        ...at,
      });
      if (plan.monotonic) return false;
      continue;
    }
    if (!pod) {
      const blocker =
        v.waitForAllReady && plan.monotonic ? plan.slots.find((p) => p && !isHealthy(p)) : undefined;
      if (blocker) return stop(plan, 'ready', blocker.metadata.name);
      const created = podForSlot(input, i);
      if (policy.whenScaled === 'Delete' && staleClaim(input, created.pod)) {
        if (plan.monotonic) return stop(plan, 'stale-claim', created.pod.metadata.name!);
        // Kubernetes fills every missing slot with the pod it would create before processing, so
        // the rolling update below meets this not-yet-created pod and waits for it.
        plan.slots[i] = planned(created.pod);
        continue;
      }
      plan.intents.push({ type: 'create', ordinal: startOrdinal(set) + i, slot: i, ...created, ...at });
      plan.slots[i] = planned(created.pod);
      if (plan.monotonic) return false;
      continue;
    }
    if (isPending(pod) && missingClaims(input, pod)) plan.intents.push({ type: 'createClaims', pod, ...at });
    if (plan.monotonic) {
      if (isTerminating(pod)) return stop(plan, 'termination', pod.metadata.name);
      if (!isRunningAndReady(pod) || !isRunningAndAvailable(pod, minReady, nowMs))
        return stop(plan, 'ready', pod.metadata.name);
    }
    if (!podMatches(set, pod) || !claimsMatch(input, pod, false))
      plan.intents.push({ type: 'repair', pod, condemned: false, ...at });
  }
  return true;
}

/** Steps 6–7: fix the claims of condemned pods, then delete them (OrderedReady: highest, one). */
function planCondemned(input: PlanInput, plan: SyncPlan): boolean {
  for (const [j, pod] of plan.condemned.entries()) {
    if (!claimsMatch(input, pod, true))
      plan.intents.push({ type: 'repair', pod, condemned: true, ...step(plan, 'claims', j) });
  }
  const minReady = input.set.spec?.minReadySeconds ?? 0;
  if (plan.condemned.length === 0) return true;
  // Unavailable counts as unhealthy here, as the deletion check below judges availability: a
  // condemned pod Ready but not yet available is the first unhealthy one and may go (#123918).
  const firstUnhealthy = [...plan.slots, ...[...plan.condemned].reverse()].find(
    (p) => !p || !isHealthy(p) || !isRunningAndAvailable(p, minReady, input.nowMs),
  );
  for (const [j, pod] of plan.condemned.entries()) {
    if (isTerminating(pod)) {
      if (plan.monotonic) return stop(plan, 'termination', pod.metadata.name);
      continue;
    }
    const healthy = isRunningAndReady(pod) && isRunningAndAvailable(pod, minReady, input.nowMs);
    if (plan.monotonic && !healthy && pod !== firstUnhealthy) return stop(plan, 'ready', pod.metadata.name);
    plan.intents.push({ type: 'deleteCondemned', pod, ...step(plan, 'condemned', j) });
    if (plan.monotonic) return false;
  }
  return true;
}

/** Step 9: delete the highest pod not at the update revision, down to the partition; wait on unhealthy. */
function planRollingUpdate(input: PlanInput, plan: SyncPlan): void {
  const min = Math.max(0, partitionSlot(input.set, input.v));
  for (let slot = plan.slots.length - 1; slot >= min; slot--) {
    const pod = plan.slots[slot];
    if (!pod) continue;
    if (revisionOf(pod) !== input.revisions.update.name && !isTerminating(pod)) {
      plan.intents.push({ type: 'updateDelete', pod, slot, walk: 'update', batch: 0, item: 0 });
      return;
    }
    if (!isHealthy(pod) && !input.v.ignoresUnhealthyRollout) {
      stop(plan, 'ready', pod.metadata.name);
      return;
    }
  }
}

/**
 * Identity and storage checks by pod object, for the set spec and name they were made against
 * (what they read of the set; the spec keeps its identity across status writes, the set does not).
 */
const matched = new WeakMap<KObject, { spec: unknown; set: string; ok: boolean }>();

/** `identityMatches && storageMatches`, memoised: cached objects are immutable, syncs see them again and again. */
function podMatches(set: KObject, pod: KObject): boolean {
  const m = matched.get(pod);
  const id = `${set.metadata.namespace}/${set.metadata.name}`;
  if (m && m.spec === set.spec && m.set === id) return m.ok;
  const ok = identityMatches(set, pod) && storageMatches(set, pod);
  matched.set(pod, { spec: set.spec, set: id, ok });
  return ok;
}

function stop(plan: SyncPlan, kind: Block['kind'], pod: string): false {
  plan.block = { kind, pod };
  return false;
}

/** A just-planned pod stands in its slot for the rest of the walk: created, not yet healthy. */
function planned(pod: NewObject): KObject {
  return {
    ...pod,
    metadata: extend(pod.metadata, { uid: '', resourceVersion: '', generation: 1, creationTimestamp: '' }),
  } as KObject;
}

function missingClaims(input: PlanInput, pod: KObject): boolean {
  const ord = ordinalOf(input.set, pod)!;
  for (const c of claimNamesFor(input.set, ord)) if (!input.claims.has(c)) return true;
  return false;
}

function staleClaim(input: PlanInput, pod: NewObject): boolean {
  const ord = ordinalOf(input.set, pod)!;
  for (const c of claimNamesFor(input.set, ord)) {
    const cached = input.claims.get(c);
    if (cached !== undefined && claimIsStale(cached, undefined)) return true;
  }
  return false;
}

/** Whether the pod's existing claims carry the owner references the policy asks for. */
export function claimsMatch(input: PlanInput, pod: KObject, condemned: boolean): boolean {
  const ord = ordinalOf(input.set, pod)!;
  const policy = input.v.podOwnsClaims
    ? { whenDeleted: 'Retain' as const, whenScaled: 'Delete' as const }
    : undefined;
  for (const c of claimNamesFor(input.set, ord)) {
    const cached = input.claims.get(c);
    if (!cached) continue;
    if (!claimOwnersMatch(cached, input.set, pod, condemned || !!input.v.podOwnsClaims, policy)) return false;
  }
  return true;
}
