/**
 * The garbage collector and pod GC. Background deletion: once an owner is gone, dependents whose
 * owners are all gone are deleted (references to a gone owner are dropped when another owner
 * lives). Foreground: the owner waits (finalizer foregroundDeletion) until its blockOwnerDeletion
 * dependents are gone. Orphan: ownerReferences to the owner are stripped, then the finalizer
 * `orphan` is removed. Pod GC force-deletes pods bound to nodes that no longer exist (after a
 * quarantine, as gcOrphaned does).
 */
import type { Kind, KObject } from '../model/types.ts';
import { keyOf, type WatchEvent } from './api/types.ts';
import type { World } from './world.ts';

const ACTOR = 'garbage-collector';
const GC_DELAY_MS = 50;
const POD_GC_DELAY_MS = 40_000;

export class GarbageCollector {
  /** When each node name's Node object was last deleted (looked up by name, never iterated). */
  private readonly nodeDeletedAtMs = new Map<string, number>();

  constructor(private readonly world: World) {
    world.store.watch((ev) => this.onEvent(ev));
  }

  private onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (ev.type === 'DELETED') {
      const uid = obj.metadata.uid;
      this.later(`dependents of ${obj.kind.toLowerCase()}/${obj.metadata.name}`, () =>
        this.collectDependents(uid),
      );
      if (obj.kind === 'Node') {
        const name = obj.metadata.name;
        this.nodeDeletedAtMs.set(name, this.world.now);
        this.world.clock.after(POD_GC_DELAY_MS, `pod-gc: pods of deleted node ${name}`, () =>
          this.podGc(name),
        );
      }
      for (const ref of obj.metadata.ownerReferences ?? [])
        this.later(`owner ${ref.name}`, () => this.checkForeground(ref.uid));
      return;
    }
    this.checkOwnersExist(ev);
    // Every write reaches here; only the first write of a deletion matters (no array for the rest).
    const newlyDeleting = !!obj.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp;
    if (!newlyDeleting) return;
    const finalizers = obj.metadata.finalizers ?? [];
    if (finalizers.includes('orphan'))
      this.later(`orphan dependents of ${obj.metadata.name}`, () => this.orphan(obj));
    if (finalizers.includes('foregroundDeletion')) {
      this.later(`foreground deletion of ${obj.metadata.name}`, () => this.foreground(obj));
    }
  }

  /**
   * An object written with a reference to an owner that does not exist (never did, or left before
   * the write: a controller syncing from a stale cache creates a pod for a ReplicaSet just
   * deleted) is collected as if that owner had just been deleted: the graph builder adds a virtual
   * node for the owner, and attemptToDeleteItem deletes a dependent whose owners are all absent
   * and drops the dangling references of one that has a live owner (TestCreateWithNonExistentOwner).
   * Only a write that brings references is looked at; the owner is looked up by uid.
   */
  private checkOwnersExist(ev: WatchEvent): void {
    const refs = ev.object.metadata.ownerReferences;
    if (refs === undefined || refs.length === 0 || refs === ev.old?.metadata.ownerReferences) return;
    for (const ref of refs) {
      if (this.world.store.byUid(ref.uid)) continue;
      this.later(`absent owner ${ref.kind.toLowerCase()}/${ref.name}`, () => this.collectDependents(ref.uid));
    }
  }

  private later(what: string, run: () => void): void {
    this.world.clock.after(GC_DELAY_MS, `${ACTOR}: ${what}`, run);
  }

  private dependentsOf(uid: string): KObject[] {
    return this.world.store.index
      .dependentsOf(uid)
      .map((k) => {
        const bar = k.indexOf('|');
        return this.world.store.get(k.slice(0, bar) as Kind, k.slice(bar + 1));
      })
      .filter((o): o is KObject => o !== undefined);
  }

  private collectDependents(ownerUid: string): void {
    if (this.world.store.byUid(ownerUid)) return;
    for (const dep of this.dependentsOf(ownerUid)) {
      const refs = dep.metadata.ownerReferences ?? [];
      const alive = refs.filter((r) => r.uid !== ownerUid && this.world.store.byUid(r.uid));
      const key = keyOf(dep.kind, dep.metadata);
      if (alive.length === 0) {
        if (!dep.metadata.deletionTimestamp)
          this.world.store.delete(ACTOR, dep.kind, key, { uid: dep.metadata.uid });
      } else {
        this.world.store.patch(ACTOR, dep.kind, key, (d) => ({
          ...d,
          metadata: {
            ...d.metadata,
            ownerReferences: (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid),
          },
        }));
      }
    }
  }

  private orphan(owner: KObject): void {
    for (const dep of this.dependentsOf(owner.metadata.uid)) {
      this.world.store.patch(ACTOR, dep.kind, keyOf(dep.kind, dep.metadata), (d) => ({
        ...d,
        metadata: {
          ...d.metadata,
          ownerReferences: (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid),
        },
      }));
    }
    this.removeFinalizer(owner, 'orphan');
  }

  private foreground(owner: KObject): void {
    for (const dep of this.dependentsOf(owner.metadata.uid)) {
      if (!dep.metadata.deletionTimestamp) {
        this.world.store.delete(ACTOR, dep.kind, keyOf(dep.kind, dep.metadata), {
          uid: dep.metadata.uid,
          propagationPolicy: 'Foreground',
        });
      }
    }
    this.checkForeground(owner.metadata.uid);
  }

  /** A foreground-deleting owner leaves once no blocking dependent remains. */
  private checkForeground(ownerUid: string): void {
    const owner = this.world.store.byUid(ownerUid);
    if (!owner?.metadata.finalizers?.includes('foregroundDeletion')) return;
    const blocking = this.dependentsOf(ownerUid).some((d) =>
      (d.metadata.ownerReferences ?? []).some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true),
    );
    if (!blocking) this.removeFinalizer(owner, 'foregroundDeletion');
  }

  private removeFinalizer(obj: KObject, finalizer: string): void {
    this.world.store.patch(
      ACTOR,
      obj.kind,
      keyOf(obj.kind, obj.metadata),
      (o) => ({
        ...o,
        metadata: { ...o.metadata, finalizers: (o.metadata.finalizers ?? []).filter((f) => f !== finalizer) },
      }),
      { uid: obj.metadata.uid },
    );
  }

  /**
   * gcOrphaned (pkg/controller/podgc): a pod bound to a node missing from the informer is deleted
   * only after a 40 s quarantine, and only if the API server then confirms the node is gone. A
   * node re-added under the same name within the quarantine keeps its pods (its kubelet runs
   * them); one removed again restarts the quarantine, whose own check deletes them.
   */
  private podGc(nodeName: string): void {
    if (this.world.store.get('Node', nodeName)) return;
    const deletedAt = this.nodeDeletedAtMs.get(nodeName) ?? 0;
    if (this.world.now - deletedAt < POD_GC_DELAY_MS) return;
    for (const pod of this.world.podsOnNode(nodeName)) {
      this.world.store.delete('pod-gc', 'Pod', keyOf('Pod', pod.metadata), {
        gracePeriodSeconds: 0,
        uid: pod.metadata.uid,
      });
    }
  }
}
