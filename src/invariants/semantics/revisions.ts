/**
 * Which ControllerRevision is a DaemonSet's or StatefulSet's current one, as Kubernetes decides it
 * (daemon update.go `constructHistory`, stateful_set_control.go `getStatefulSetRevisions`): the
 * highest-numbered revision of the owner whose data equals its template. Its name and hash label
 * are what pods and status carry, and they need not be `hash(template, collisionCount)`: a revision
 * found under its name after a same-name re-create, or an older one raised by a rollback after a
 * collision, keeps the hash it was created with.
 */
import { stableStringify } from '../../model/hash.ts';
import type { KObject } from '../../model/types.ts';

interface StoredRevision extends KObject {
  data?: { spec?: { template?: unknown } };
  revision?: number;
}

/** Serialised templates by object: stored objects are immutable, a new spec is a new object. */
const serialised = new WeakMap<object, string>();

function serialise(value: unknown): string {
  if (typeof value !== 'object' || value === null) return stableStringify(value);
  let s = serialised.get(value);
  if (s === undefined) {
    s = stableStringify(value);
    serialised.set(value, s);
  }
  return s;
}

function controlledBy(rev: KObject, uid: string): boolean {
  return (rev.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === uid);
}

/** The owner's revision whose template equals its own, highest revision number first; else none. */
export function currentRevisionIn(revisions: Iterable<KObject>, owner: KObject): StoredRevision | undefined {
  const want = serialise(owner.spec?.template ?? {});
  let best: StoredRevision | undefined;
  for (const r of revisions as Iterable<StoredRevision>) {
    if (r.metadata.namespace !== owner.metadata.namespace || !controlledBy(r, owner.metadata.uid)) continue;
    if (serialise(r.data?.spec?.template ?? {}) !== want) continue;
    const newer =
      !best ||
      (r.revision ?? 0) > (best.revision ?? 0) ||
      ((r.revision ?? 0) === (best.revision ?? 0) && r.metadata.name > best.metadata.name);
    if (newer) best = r;
  }
  return best;
}
