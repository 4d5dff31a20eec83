/**
 * Helpers the StatefulSet invariants share. They read the API store, the step's writes (with the
 * cause the controller recorded) and the machines; never a controller's cache. Each invariant first
 * asks whether the step touched a StatefulSet at all, so quiet steps cost one scan of the writes.
 */
import { parseOrdinal } from '../model/ordinal.ts';
import { getControllerOf } from '../model/pod.ts';
import { parseTimestamp } from '../model/time.ts';
import type { KObject } from '../model/types.ts';
import type { StatefulSetCause, WriteRecord } from '../sim/api/types.ts';
import type { World } from '../sim/world.ts';
import { runningAndReady, terminal } from './semantics/statefulset.ts';

export const STS_ACTOR = 'statefulset-controller';

/** The StatefulSet that controls an object, by its controllerRef (name only). */
export function stsOwner(obj: KObject | undefined): string | undefined {
  for (const r of obj?.metadata.ownerReferences ?? [])
    if (r.controller === true) return r.kind === 'StatefulSet' ? r.name : undefined;
  return undefined;
}

/** The step's writes (a new array every step) → those the StatefulSet invariants look at. */
const perStep = new WeakMap<readonly WriteRecord[], { length: number; out: readonly WriteRecord[] }>();

/**
 * Writes of this step about StatefulSet pods or made by the StatefulSet controller (computed once
 * per step for all five invariants).
 */
export function stsWrites(world: World): readonly WriteRecord[] {
  const all = world.stepWrites;
  const hit = perStep.get(all);
  if (hit && hit.length === all.length) return hit.out;
  const out: WriteRecord[] = [];
  for (const w of all) {
    if (w.actor === STS_ACTOR || (w.kind === 'Pod' && (stsOwner(w.after) ?? stsOwner(w.before)))) out.push(w);
    if (w.kind === 'Pod' && w.removed && w.before) noteGone(world, w.before);
  }
  perStep.set(all, { length: all.length, out });
  return out;
}

/** The cause of a write by the StatefulSet controller, if it is one. */
export function stsCause(w: WriteRecord): StatefulSetCause | undefined {
  const c = w.cause;
  return c?.controller === 'statefulset' && c.reason !== 'adopt' ? c : undefined;
}

export function podRef(name: string): string {
  return `pod/${name}`;
}

/**
 * Per run and `<namespace>/<name>`: when the last pod of that name that each owner uid controlled
 * ('' for none) left the store. Only StatefulSet pods and orphans are noted.
 */
const goneByOwner = new WeakMap<World, Map<string, Map<string, number>>>();

function noteGone(world: World, pod: KObject): void {
  // An orphan (say one left by --cascade=orphan) blocks a set's creates of its name just the same.
  const ref = getControllerOf(pod);
  if (ref && ref.kind !== 'StatefulSet') return;
  let owners = goneByOwner.get(world);
  if (!owners) {
    owners = new Map();
    goneByOwner.set(world, owners);
  }
  const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
  const byOwner = owners.get(key) ?? new Map<string, number>();
  byOwner.set(ref?.uid ?? '', world.now);
  owners.set(key, byOwner);
}

/** The last pod of this name to leave the store: its owner's uid ('' for none) and when. */
function lastGone(world: World, key: string): { ownerUid: string; atMs: number } | undefined {
  let last: { ownerUid: string; atMs: number } | undefined;
  for (const [ownerUid, atMs] of goneByOwner.get(world)?.get(key) ?? [])
    if (last === undefined || last.atMs < atMs) last = { ownerUid, atMs };
  return last;
}

/**
 * When a pod of this name that another set controlled (or nobody did) last left the store, even if
 * the set's own pods of that name have come and gone since.
 */
function foreignGoneMs(world: World, key: string, setUid: string): number | undefined {
  let last: number | undefined;
  for (const [uid, at] of goneByOwner.get(world)?.get(key) ?? [])
    if (uid !== setUid && (last ?? -1) < at) last = at;
  return last;
}

/** When the set's own last pod of this name left the store, if it was the last of that name to. */
export function ownPodGoneAtMs(world: World, key: string, setUid: string): number | undefined {
  const g = lastGone(world, key);
  return g && g.ownerUid === setUid ? g.atMs : undefined;
}

/**
 * When the last pod of this name that another StatefulSet (an earlier set of the same name, say)
 * controlled, or nobody did, left the store, if one did: until then the set's creates fail with
 * AlreadyExists.
 */
export function heldByOtherUntilMs(world: World, key: string, setUid: string): number | undefined {
  const g = lastGone(world, key);
  return g && g.ownerUid !== setUid ? g.atMs : undefined;
}

/** The work queue's longest back-off (1000 s): a failed sync is retried within it. */
export const MAX_SYNC_BACKOFF_MS = 1_000_000;

/**
 * When the StatefulSet controller's last delete (or other call) of this pod was rejected by the API
 * server, if that was within the work queue's back-off: the sync returned the error and the set is
 * retried with rate-limited back-off (5 ms doubling up to 1000 s), as Kubernetes does.
 */
export function podCallRejectedWithinBackoff(world: World, pod: KObject): number | undefined {
  const at = world.store.lastRejectedAtMs('statefulset-controller', podRef(pod.metadata.name));
  return at !== undefined && world.now - at < MAX_SYNC_BACKOFF_MS ? at : undefined;
}

/** Deleted, but a finalizer someone else set keeps the object: only they can let it go. */
export function heldByFinalizer(pod: KObject): boolean {
  return !!pod.metadata.deletionTimestamp && (pod.metadata.finalizers?.length ?? 0) > 0;
}

/**
 * A pod of that name that is not the set's, being deleted but kept by a finalizer (say one orphaned
 * by `--cascade=orphan` before the set was created again): the set cannot adopt it (ClaimObject
 * skips objects being deleted) and every create fails with AlreadyExists until the finalizer goes.
 */
export function nameHeldByFinalizer(world: World, set: KObject, name: string): KObject | undefined {
  const pod = world.store.get('Pod', `${set.metadata.namespace ?? 'default'}/${name}`);
  if (!pod || !heldByFinalizer(pod)) return undefined;
  const ref = getControllerOf(pod);
  return ref?.uid === set.metadata.uid ? undefined : pod;
}

/**
 * A missing pod whose name another set's pod held until recently: every create failed with
 * AlreadyExists, and the work queue retries the set with a back-off that doubles up to 1000 s; the
 * old pod's deletion wakes nothing (its controllerRef names the other set), so the set waits it out.
 */
export function waitingOutBackoff(world: World, set: KObject, name: string): boolean {
  const until = heldByOtherUntilMs(world, `${set.metadata.namespace ?? 'default'}/${name}`, set.metadata.uid);
  return until !== undefined && world.now - until < MAX_SYNC_BACKOFF_MS;
}

/** How long a pod may take from its create to Running and Ready: scheduling, pull, start, readiness. */
const POD_START_MS = 60_000;

/**
 * A pod of a slot whose name was held (by a pod another set controlled, or none did) until recently,
 * not yet Running and Ready, created less than a start time ago: the set's first create after the
 * name is freed comes on the work queue's retry, up to 1000 s later (the old pod's removal wakes
 * nothing), so the slot (a pod the kubelet rejects replaced at once included), and with OrderedReady
 * everything behind it, converges that much later. The ms since the create, or undefined.
 */
export function startingAfterBackoff(world: World, pod: KObject): number | undefined {
  if (pod.metadata.deletionTimestamp || terminal(pod) || runningAndReady(pod)) return undefined;
  const ref = getControllerOf(pod);
  if (!ref || !pod.metadata.creationTimestamp) return undefined;
  const until = foreignGoneMs(world, `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, ref.uid);
  if (until === undefined) return undefined;
  const created = parseTimestamp(pod.metadata.creationTimestamp);
  const since = world.now - created;
  const late = created >= until && world.now - until < MAX_SYNC_BACKOFF_MS + POD_START_MS;
  return late && since < POD_START_MS ? since : undefined;
}

/** Kubernetes' `MaxBatchSize`: the largest slow-start batch of a Parallel set. */
const MAX_BATCH_SIZE = 500;

/**
 * Parallel pods are processed by `slowStartBatch` over the slots (existing pods included) in
 * batches of 1, 2, 4, … 256, then 500 slots; a failed call ends the sync after its batch, so slots
 * in later batches wait for the next try. The last slot index of the batch that holds slot `i`:
 * 0 | 1–2 | 3–6 | … | 255–510 | 511–1010 …
 */
export function batchEnd(i: number): number {
  if (i < 511) return 2 ** (Math.floor(Math.log2(i + 1)) + 1) - 2;
  return 510 + (Math.floor((i - 511) / MAX_BATCH_SIZE) + 1) * MAX_BATCH_SIZE;
}

/**
 * A slot whose call fails: its name held by a foreign pod a finalizer keeps, its name held until
 * recently (the set waits out its back-off), or its finished pod's delete rejected.
 */
export interface FailingSlot {
  name: string;
  why: 'finalizer' | 'backoff' | 'rejected';
}

/**
 * With Parallel, the lowest slot below `slot`, in an earlier slow-start batch, whose call keeps
 * failing, so the sync never reaches `slot` for now: a missing pod whose name is still held (by a
 * foreign pod kept by a finalizer, or until recently, the set then waiting out its back-off), or a
 * finished pod whose delete the API server rejected within the back-off.
 */
export function failingEarlierBatch(world: World, set: KObject, slot: number): FailingSlot | undefined {
  if (set.spec?.podManagementPolicy !== 'Parallel') return undefined;
  const start = set.spec?.ordinals?.start ?? 0;
  const ns = set.metadata.namespace ?? 'default';
  for (let s = 0; batchEnd(s) < slot; s++) {
    const name = `${set.metadata.name}-${start + s}`;
    const pod = world.store.get('Pod', `${ns}/${name}`);
    const own = pod && ownedMember(pod, set);
    if (!own) {
      if (nameHeldByFinalizer(world, set, name)) return { name, why: 'finalizer' };
      if (waitingOutBackoff(world, set, name)) return { name, why: 'backoff' };
      continue;
    }
    if (
      terminal(pod) &&
      !pod.metadata.deletionTimestamp &&
      podCallRejectedWithinBackoff(world, pod) !== undefined
    )
      return { name, why: 'rejected' };
  }
  return undefined;
}

/** A pod the set controls whose name is `<set>-<ordinal>`. */
function ownedMember(pod: KObject, set: KObject): boolean {
  const ref = getControllerOf(pod);
  return ref?.uid === set.metadata.uid && parseOrdinal(pod.metadata.name)?.parent === set.metadata.name;
}
