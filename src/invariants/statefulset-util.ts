/**
 * Helpers the StatefulSet invariants share. They read the API store, the step's writes (with the
 * cause the controller recorded) and the machines; never a controller's cache. Each invariant first
 * asks whether the step touched a StatefulSet at all, so quiet steps cost one scan of the writes.
 */
import type { KObject } from '../model/types.ts';
import type { StatefulSetCause, WriteRecord } from '../sim/api/types.ts';
import type { World } from '../sim/world.ts';

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

/** Per run: when a StatefulSet pod or an orphan pod left the store, by `<namespace>/<name>`, and its owner's uid ('' for none). */
const gone = new WeakMap<World, Map<string, { ownerUid: string; atMs: number }>>();

function noteGone(world: World, pod: KObject): void {
  // An orphan (say one left by --cascade=orphan) blocks a set's creates of its name just the same.
  const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (ref && ref.kind !== 'StatefulSet') return;
  let m = gone.get(world);
  if (!m) {
    m = new Map();
    gone.set(world, m);
  }
  m.set(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, {
    ownerUid: ref?.uid ?? '',
    atMs: world.now,
  });
}

/** When the set's own last pod of this name left the store, if one did. */
export function ownPodGoneAtMs(world: World, key: string, setUid: string): number | undefined {
  const g = gone.get(world)?.get(key);
  return g && g.ownerUid === setUid ? g.atMs : undefined;
}

/**
 * When the last pod of this name that another StatefulSet (an earlier set of the same name, say)
 * controlled, or nobody did, left the store, if one did: until then the set's creates fail with
 * AlreadyExists.
 */
export function heldByOtherUntilMs(world: World, key: string, setUid: string): number | undefined {
  const g = gone.get(world)?.get(key);
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
