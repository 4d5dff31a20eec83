/**
 * Indexes kept by the store, so that hot paths (GC, scheduler capacity, per-owner counts) never scan
 * every object. Sets are iterated only where order does not matter, or after sorting.
 */
import type { KObject } from '../../model/types.ts';

export class StoreIndexes {
  readonly byUid = new Map<string, KObject>();
  /** Owner uid → keys `<Kind>|<key>` of objects that name it in any ownerReference. */
  readonly dependents = new Map<string, Set<string>>();
  /** Node name → keys of pods bound to it. */
  readonly podsByNode = new Map<string, Set<string>>();
  /** Controller uid → keys of pods whose controllerRef names it. */
  readonly podsByController = new Map<string, Set<string>>();

  put(before: KObject | undefined, after: KObject, key: string): void {
    if (before) this.unindex(before, key);
    this.byUid.set(after.metadata.uid, after);
    for (const ref of after.metadata.ownerReferences ?? [])
      add(this.dependents, ref.uid, `${after.kind}|${key}`);
    if (after.kind === 'Pod') {
      const node = after.spec?.nodeName as string | undefined;
      if (node) add(this.podsByNode, node, key);
      const c = controllerUid(after);
      if (c) add(this.podsByController, c, key);
    }
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
    }
  }
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
