/**
 * Indexes kept by the store, so that hot paths (GC, scheduler capacity, per-owner counts) never scan
 * every object. Sets are iterated only where order does not matter, or after sorting.
 */
import { isPodActive } from '../../model/pod.ts';
import type { KObject, OwnerReference, Pod } from '../../model/types.ts';

export class StoreIndexes {
  readonly byUid = new Map<string, KObject>();
  /** Node name → keys of pods bound to it. */
  readonly podsByNode = new Map<string, Set<string>>();
  /** Controller uid → keys of pods whose controllerRef names it. */
  readonly podsByController = new Map<string, Set<string>>();
  /**
   * Owner uid → keys of pods that name it in an ownerReference other than their controllerRef
   * (rare). With podsByController this is every pod's dependents, so a pod costs no
   * `Pod|<key>` string and no third set entry: 150,000 of each at the benchmark's scale.
   */
  private readonly podsByOtherOwner = new Map<string, Set<string>>();
  /** Owner uid → keys `<Kind>|<key>` of objects other than pods that name it in any ownerReference. */
  private readonly otherDependents = new Map<string, Set<string>>();
  /**
   * Controller uid → how many of its pods are active (not terminal, not terminating). The safety
   * checks ask after every step that created pods; counting 150,000 pods each time was quadratic.
   */
  private readonly activeByController = new Map<string, number>();

  /**
   * Keys `<Kind>|<key>` of the objects that name `uid` in any ownerReference, sorted (the
   * garbage collector's dependency graph).
   */
  dependentsOf(uid: string): string[] {
    const out = new Set(this.otherDependents.get(uid));
    for (const key of this.podsByController.get(uid) ?? []) out.add(`Pod|${key}`);
    for (const key of this.podsByOtherOwner.get(uid) ?? []) out.add(`Pod|${key}`);
    return [...out].sort();
  }

  /** Active pods whose controllerRef names `uid`. */
  activeControlled(uid: string): number {
    return this.activeByController.get(uid) ?? 0;
  }

  put(before: KObject | undefined, after: KObject, key: string): void {
    if (before && sameIndexKeys(before, after)) return this.reindexInPlace(before, after);
    if (before?.kind === 'Pod' && sameOwners(before, after)) return this.rebind(before, after, key);
    if (before) this.unindex(before, key);
    this.byUid.set(after.metadata.uid, after);
    if (after.kind !== 'Pod') {
      for (const ref of after.metadata.ownerReferences ?? [])
        add(this.otherDependents, ref.uid, `${after.kind}|${key}`);
      return;
    }
    const node = after.spec?.nodeName as string | undefined;
    if (node) add(this.podsByNode, node, key);
    const controller = controllerRef(after);
    for (const ref of after.metadata.ownerReferences ?? [])
      if (ref !== controller) add(this.podsByOtherOwner, ref.uid, key);
    if (!controller) return;
    add(this.podsByController, controller.uid, key);
    if (isPodActive(after as Pod)) this.countActive(controller.uid, +1);
  }

  /**
   * A pod bound, or moved, with the same owners (the scheduler's bind): only the node set changes.
   * Dropping and re-adding the owner entries left a deleted slot per pod in each set, which doubled
   * the uid map and the controllers' sets (V8 grows a hash table with deleted slots in it).
   */
  private rebind(before: KObject, after: KObject, key: string): void {
    this.byUid.set(after.metadata.uid, after);
    const was = before.spec?.nodeName as string | undefined;
    const node = after.spec?.nodeName as string | undefined;
    if (was) drop(this.podsByNode, was, key);
    if (node) add(this.podsByNode, node, key);
    this.reindexInPlace(before, after);
  }

  /**
   * Most writes are status updates (a kubelet reporting, a controller's status) that change no key
   * the sets are kept by: only the uid entry and the active count move. Dropping and re-adding the
   * same members was a tenth of the 150,000-pod benchmark's CPU (issue #17 profile).
   */
  private reindexInPlace(before: KObject, after: KObject): void {
    this.byUid.set(after.metadata.uid, after);
    if (after.kind !== 'Pod') return;
    const c = controllerUid(after);
    if (c === undefined) return;
    const delta = Number(isPodActive(after as Pod)) - Number(isPodActive(before as Pod));
    if (delta !== 0) this.countActive(c, delta);
  }

  remove(obj: KObject, key: string): void {
    this.unindex(obj, key);
  }

  private unindex(obj: KObject, key: string): void {
    if (this.byUid.get(obj.metadata.uid) === obj) this.byUid.delete(obj.metadata.uid);
    if (obj.kind !== 'Pod') {
      for (const ref of obj.metadata.ownerReferences ?? [])
        drop(this.otherDependents, ref.uid, `${obj.kind}|${key}`);
      return;
    }
    const node = obj.spec?.nodeName as string | undefined;
    if (node) drop(this.podsByNode, node, key);
    const controller = controllerRef(obj);
    for (const ref of obj.metadata.ownerReferences ?? [])
      if (ref !== controller) drop(this.podsByOtherOwner, ref.uid, key);
    if (!controller) return;
    drop(this.podsByController, controller.uid, key);
    if (isPodActive(obj as Pod)) this.countActive(controller.uid, -1);
  }

  private countActive(uid: string, delta: number): void {
    const n = (this.activeByController.get(uid) ?? 0) + delta;
    if (n === 0) this.activeByController.delete(uid);
    else this.activeByController.set(uid, n);
  }
}

/** Whether two versions of an object have the same index keys: uid, owners, node. */
function sameIndexKeys(a: KObject, b: KObject): boolean {
  if (a.kind === 'Pod' && a.spec?.nodeName !== b.spec?.nodeName) return false;
  return sameOwners(a, b);
}

/** Whether two versions of an object have the same kind, uid and owner references (uid, controller). */
function sameOwners(a: KObject, b: KObject): boolean {
  if (a.kind !== b.kind || a.metadata.uid !== b.metadata.uid) return false;
  const ra = a.metadata.ownerReferences ?? [];
  const rb = b.metadata.ownerReferences ?? [];
  if (ra === rb) return true;
  if (ra.length !== rb.length) return false;
  return ra.every((r, i) => r.uid === rb[i]!.uid && r.controller === rb[i]!.controller);
}

/** The first ownerReference that names a controller (the one podsByController keeps). */
function controllerRef(obj: KObject): OwnerReference | undefined {
  const refs = obj.metadata.ownerReferences;
  if (refs !== undefined) for (const r of refs) if (r.controller === true) return r;
  return undefined;
}

function controllerUid(obj: KObject): string | undefined {
  return controllerRef(obj)?.uid;
}

function add(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) {
    s = new Set();
    m.set(k, s);
  }
  s.add(v);
}

function drop(m: Map<string, Set<string>>, k: string, v: string): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}
