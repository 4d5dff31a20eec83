/**
 * The history writes of a sync (update.go `constructHistory`, `snapshot`, `dedupCurHistories`):
 * create the current revision, raise an older equal one (rollback), or fold duplicates into one.
 * A name taken by a different template is a hash collision: the DaemonSet's status.collisionCount
 * grows, so the next sync hashes to a new name; a name taken by the same template (an old owner's
 * revision after a same-name re-create) is used as it is.
 */
import type { KObject } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import {
  type CurrentRevisionPlan,
  onCreateConflict,
  REVISION_HASH_LABEL,
  type RevisionObject,
  withRevisionNumber,
} from '../shared/history.ts';

/** Performs the plan's writes; returns an error message, or undefined when the revision is in place. */
export function recordRevision(
  world: World,
  actor: string,
  ds: KObject,
  plan: CurrentRevisionPlan,
): string | undefined {
  if (plan.type === 'create') {
    const r = world.store.create(actor, plan.object);
    if (r.ok) return undefined;
    if (r.code !== 'AlreadyExists') return r.message;
    const existing = world.store.get<RevisionObject>(
      'ControllerRevision',
      `${ds.metadata.namespace}/${plan.object.metadata.name}`,
    );
    if (!existing) return r.message;
    const verdict = onCreateConflict(ds, existing, plan.object);
    if (verdict.type === 'use') return undefined;
    return bumpCollisionCount(world, actor, ds, verdict.collisionCount);
  }
  const keep = plan.revision;
  if (plan.duplicates.length > 0) {
    const err = foldDuplicates(world, actor, ds, keep, plan.duplicates);
    if (err) return err;
  }
  if (plan.type === 'raise') {
    const r = world.store.update(actor, withRevisionNumber(keep, plan.to));
    if (!r.ok) return r.message;
  }
  return undefined;
}

/**
 * Raises collisionCount on the DaemonSet as the API server holds it, unless the count the hash was
 * computed with was stale: then the name may not collide at all under the real count, so the sync
 * only retries (`snapshot`: "found a stale collision count ... will retry until it is updated").
 */
function bumpCollisionCount(world: World, actor: string, ds: KObject, collisionCount: number): string {
  const fresh = world.store.get('DaemonSet', `${ds.metadata.namespace}/${ds.metadata.name}`);
  const seen = ds.status?.collisionCount ?? 0;
  if (fresh && (fresh.status?.collisionCount ?? 0) !== seen)
    return `found a stale collision count (${seen}, expected ${fresh.status?.collisionCount ?? 0}) of ${ds.metadata.name}; will retry`;
  if (fresh) {
    world.store.updateStatus(actor, { ...fresh, status: { ...fresh.status, collisionCount } });
  }
  return `hash collision for ${ds.metadata.name}: collisionCount is now ${collisionCount}`;
}

/**
 * Pods carrying a duplicate's hash are relabelled with the kept one, then the duplicates go.
 * (Kubernetes relabels every pod whose hash differs from the kept one; we relabel only the pods of
 * the duplicates, which is the intent and leaves genuinely old pods to the rolling update.)
 */
function foldDuplicates(
  world: World,
  actor: string,
  ds: KObject,
  keep: RevisionObject,
  duplicates: readonly RevisionObject[],
): string | undefined {
  const keepHash = keep.metadata.labels?.[REVISION_HASH_LABEL];
  const dupHashes = new Set(duplicates.map((d) => d.metadata.labels?.[REVISION_HASH_LABEL]));
  const keys = [...(world.store.index.podsByController.get(ds.metadata.uid) ?? [])].sort();
  for (const key of keys) {
    const pod = world.store.get('Pod', key);
    if (!pod || !dupHashes.has(pod.metadata.labels?.[REVISION_HASH_LABEL]) || !keepHash) continue;
    const r = world.store.patch(actor, 'Pod', key, (p) => ({
      ...p,
      metadata: { ...p.metadata, labels: { ...p.metadata.labels, [REVISION_HASH_LABEL]: keepHash } },
    }));
    if (!r.ok && r.code !== 'NotFound') return r.message;
  }
  for (const d of duplicates) {
    const r = world.store.delete(actor, 'ControllerRevision', `${d.metadata.namespace}/${d.metadata.name}`);
    if (!r.ok && r.code !== 'NotFound') return r.message;
  }
  return undefined;
}
