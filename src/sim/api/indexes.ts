/**
 * Indexes kept by the store, so that hot paths (GC, scheduler capacity, per-owner counts) never scan
 * every object. Sets are iterated only where order does not matter, or after sorting.
 */
import { isPodActive } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';

export class StoreIndexes {
  readonly byUid = new Map<string, KObject>();
  /** Owner uid → keys `<Kind>|<key>` of objects that name it in any ownerReference. */
  readonly dependents = new Map<string, Set<string>>();
  /** Node name → keys of pods bound to it. */
  readonly podsByNode = new Map<string, Set<string>>();
  /** Controller uid → keys of pods whose controllerRef names it. */
  readonly podsByController = new Map<string, Set<string>>();
  /**
   * Controller uid → how many of its pods are active (not terminal, not terminating). The safety
   * checks ask after every step that created pods; counting 150,000 pods each time was quadratic.
   */
  private readonly activeByController = new Map<string, number>();

  /** Active pods whose controllerRef names `uid`. */
  activeControlled(uid: string): number {
    return this.activeByController.get(uid) ?? 0;
  }

  put(before: KObject | undefined, after: KObject, key: string): void {
    if (before && sameIndexKeys(before, after)) return this.reindexInPlace(before, after);
    if (before) this.unindex(before, key);
    this.byUid.set(after.metadata.uid, after);
    for (const ref of after.metadata.ownerReferences ?? [])
      add(this.dependents, ref.uid, `${after.kind}|${key}`);
    if (after.kind === 'Pod') {
      const node = after.spec?.nodeName as string | undefined;
      if (node) add(this.podsByNode, node, key);
      const c = controllerUid(after);
      if (c) add(this.podsByController, c, key);
      if (c && isPodActive(after as Pod)) this.countActive(c, +1);
    }
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
    for (const ref of obj.metadata.ownerReferences ?? [])
      drop(this.dependents, ref.uid, `${obj.kind}|${key}`);
    if (obj.kind === 'Pod') {
      const node = obj.spec?.nodeName as string | undefined;
      if (node) drop(this.podsByNode, node, key);
      const c = controllerUid(obj);
      if (c) drop(this.podsByController, c, key);
      if (c && isPodActive(obj as Pod)) this.countActive(c, -1);
    }
  }

  private countActive(uid: string, delta: number): void {
    const n = (this.activeByController.get(uid) ?? 0) + delta;
    if (n === 0) this.activeByController.delete(uid);
    else this.activeByController.set(uid, n);
  }
}

/** Whether two versions of an object have the same index keys: uid, owners, node. */
function sameIndexKeys(a: KObject, b: KObject): boolean {
  if (a.kind !== b.kind || a.metadata.uid !== b.metadata.uid) return false;
  if (a.kind === 'Pod' && a.spec?.nodeName !== b.spec?.nodeName) return false;
  const ra = a.metadata.ownerReferences ?? [];
  const rb = b.metadata.ownerReferences ?? [];
  if (ra === rb) return true;
  if (ra.length !== rb.length) return false;
  return ra.every((r, i) => r.uid === rb[i]!.uid && r.controller === rb[i]!.controller);
}

function controllerUid(obj: KObject): string | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true)?.uid;
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
