/**
 * ControllerRevision helpers shared by the DaemonSet and StatefulSet controllers
 * (pkg/controller/history/controller_history.go, daemon/update.go `constructHistory`/`snapshot`/
 * `cleanupHistory`, statefulset `truncateHistory`). All functions are pure: they take what the
 * controller's cache holds and return what to write, so the controller stays a thin shell.
 *
 * A revision stores the owner's pod template (`data`) under the name `<owner>-<hash>`, where the hash
 * is `computeHash(template, collisionCount)`. Revision numbers only grow: returning to an older
 * template re-uses that revision object and raises its number (a rollback keeps the old hash, so pods
 * that never changed keep matching it and are not restarted).
 */

import { computeHash, stableStringify } from '../../model/hash.ts';
import { compileSelector } from '../../model/labels.ts';
import { newControllerRef } from '../../model/pod.ts';
import type { KObject, NewObject, OwnerReference } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import { type ClaimPlan, planClaims, withAdoption } from './claim.ts';

/** The label pods and revisions carry (`apps.ControllerRevisionHashLabelKey`). */
export const REVISION_HASH_LABEL = 'controller-revision-hash';

/** A stored ControllerRevision: `data` (the pod template) and `revision` sit beside metadata. */
export interface RevisionObject extends KObject {
  data?: unknown;
  revision: number;
}

/** What the helpers need to know about the owner (a DaemonSet or StatefulSet from the cache). */
export type RevisionOwner = Pick<KObject, 'apiVersion' | 'kind' | 'metadata' | 'spec' | 'status'>;

/** The revision's payload: Kubernetes stores a patch of `spec.template`; we store the template itself. */
export function revisionData(owner: RevisionOwner): { spec: { template: unknown } } {
  return { spec: { template: owner.spec?.template ?? {} } };
}

/** The hash of the owner's template under a collision count (`status.collisionCount` by default). */
export function templateHash(owner: RevisionOwner, collisionCount?: number): string {
  return computeHash(owner.spec?.template ?? {}, collisionCount ?? owner.status?.collisionCount ?? 0);
}

/** `ControllerRevisionName`: `<owner>-<hash>`. */
export function revisionName(ownerName: string, hash: string): string {
  return `${ownerName}-${hash}`;
}

/**
 * `NewControllerRevision`: labels = the template's labels (which always match the owner's selector,
 * API validation guarantees it) plus `controller-revision-hash`; controllerRef to the owner.
 */
export function newRevision(owner: RevisionOwner, revision: number, collisionCount?: number): NewObject {
  const hash = templateHash(owner, collisionCount);
  const ref: OwnerReference = newControllerRef(owner);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: revisionName(owner.metadata.name, hash),
      namespace: owner.metadata.namespace,
      labels: { ...(owner.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ownerReferences: [ref],
    },
    data: revisionData(owner),
    revision,
  } as NewObject;
}

/**
 * Which cached revisions belong to the owner (`ClaimControllerRevisions`): ours are kept, orphans
 * matching the selector are to be adopted, ours that stopped matching are to be released.
 */
export function claimRevisions(
  owner: RevisionOwner,
  revisions: readonly RevisionObject[],
): ClaimPlan<RevisionObject> {
  const ns = owner.metadata.namespace;
  return planClaims(
    revisions.filter((r) => r.metadata.namespace === ns),
    {
      ownerUid: owner.metadata.uid,
      ownerDeleting: !!owner.metadata.deletionTimestamp,
      selector: compileSelector(owner.spec?.selector),
    },
  );
}

/** Revisions sorted by revision number, then name (`history.SortControllerRevisions`). */
export function sortRevisions<T extends RevisionObject>(revs: readonly T[]): T[] {
  return [...revs].sort(
    (a, b) =>
      a.revision - b.revision ||
      (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0),
  );
}

/** `EqualRevision`: same hash label and the same data. */
export function revisionsEqual(
  a: { metadata: KObject['metadata']; data?: unknown },
  b: { metadata: KObject['metadata']; data?: unknown },
): boolean {
  const ha = a.metadata.labels?.[REVISION_HASH_LABEL];
  const hb = b.metadata.labels?.[REVISION_HASH_LABEL];
  if (ha === undefined || ha !== hb) return false;
  return stableStringify(a.data) === stableStringify(b.data);
}

/** Whether a revision stores exactly the owner's current template (hash label ignored). */
export function revisionMatchesTemplate(rev: RevisionObject, owner: RevisionOwner): boolean {
  return stableStringify(rev.data) === stableStringify(revisionData(owner));
}

/**
 * `FindEqualRevisions` for the current template: owned revisions whose data equals the template,
 * sorted by revision number (the last one is the one to keep when there are duplicates).
 */
export function findEqualRevisions(owner: RevisionOwner, owned: readonly RevisionObject[]): RevisionObject[] {
  return sortRevisions(owned.filter((r) => revisionMatchesTemplate(r, owner)));
}

/** `NextRevision`: one more than the highest revision number, 1 when there is none. */
export function nextRevisionNumber(revs: readonly RevisionObject[]): number {
  let max = 0;
  for (const r of revs) max = Math.max(max, r.revision);
  return max + 1;
}

/** What the controller must do so that a revision for the current template exists and is newest. */
export type CurrentRevisionPlan =
  /** An equal revision already holds the highest number: use it as is. */
  | { type: 'use'; revision: RevisionObject; duplicates: RevisionObject[] }
  /** An older equal revision exists: raise its number to `revision` (rollback). */
  | { type: 'raise'; revision: RevisionObject; to: number; duplicates: RevisionObject[] }
  /** No equal revision: create this one (then see {@link onCreateConflict}). */
  | { type: 'create'; object: NewObject };

/**
 * The DaemonSet's `constructHistory` decision (the StatefulSet's `getStatefulSetRevisions` is the same
 * shape). Duplicates (several revisions equal to the template) keep the highest-numbered one; the
 * others are returned for deletion after the pods were relabelled.
 */
export function planCurrentRevision(
  owner: RevisionOwner,
  owned: readonly RevisionObject[],
): CurrentRevisionPlan {
  const equal = findEqualRevisions(owner, owned);
  const next = nextRevisionNumber(owned);
  if (equal.length === 0) return { type: 'create', object: newRevision(owner, next) };
  const keep = equal[equal.length - 1]!;
  const duplicates = equal.slice(0, -1);
  const highest = sortRevisions(owned).at(-1)!;
  if (keep.revision >= highest.revision) return { type: 'use', revision: keep, duplicates };
  return { type: 'raise', revision: keep, to: next, duplicates };
}

/** The raised copy of a revision (to be written with update). */
export function withRevisionNumber(rev: RevisionObject, revision: number): RevisionObject {
  return { ...rev, revision };
}

/**
 * After `create` failed with AlreadyExists (`CreateControllerRevision`, daemon `snapshot`): if the
 * existing object stores the same template, use it, whoever owns it (`bytes.Equal(exists.Data.Raw,
 * clone.Data.Raw)`, daemon `Match`): after a same-name delete and re-create, the old owner's
 * revision waits for the garbage collector and is the new owner's template too. Only a different
 * template under that name is a hash collision: the owner's `status.collisionCount` must grow.
 */
export function onCreateConflict(
  owner: RevisionOwner,
  existing: RevisionObject,
  wanted: NewObject,
): { type: 'use'; revision: RevisionObject } | { type: 'collision'; collisionCount: number } {
  if (stableStringify(existing.data) === stableStringify((wanted as unknown as RevisionObject).data))
    return { type: 'use', revision: existing };
  return { type: 'collision', collisionCount: (owner.status?.collisionCount ?? 0) + 1 };
}

/**
 * Revisions to delete so that at most `limit` old ones remain, oldest first, never a live one. A
 * revision is live when `live` names it by name or by hash (DaemonSet pods carry the hash, StatefulSet
 * pods the revision name; include the current/update revisions).
 *
 * The two controllers count differently, and we keep both: the StatefulSet (`truncateHistory`) keeps
 * `limit` non-live revisions; the DaemonSet (`cleanupHistory`, pass `current`) counts every revision
 * but the current one against the limit and merely skips the live ones, so it may delete fewer.
 */
export function revisionsToPrune(
  owned: readonly RevisionObject[],
  limit: number,
  live: ReadonlySet<string>,
  current?: string,
): RevisionObject[] {
  const isLive = (r: RevisionObject) =>
    live.has(r.metadata.name) || live.has(r.metadata.labels?.[REVISION_HASH_LABEL] ?? '\u0000');
  const nonLive = sortRevisions(owned.filter((r) => !isLive(r) && r.metadata.name !== current));
  const counted =
    current === undefined ? nonLive.length : owned.filter((r) => r.metadata.name !== current).length;
  const excess = counted - Math.max(0, limit);
  return excess > 0 ? nonLive.slice(0, excess) : [];
}

/**
 * `AdoptControllerRevision` for each orphaned revision: a patch that adds the owner's controllerRef
 * (on the revision's uid, so a revision recreated meanwhile is left alone).
 */
export function adoptRevisions(
  world: World,
  actor: string,
  revisions: readonly RevisionObject[],
  ref: OwnerReference,
): void {
  for (const rev of revisions) {
    world.store.patch(
      actor,
      'ControllerRevision',
      `${rev.metadata.namespace}/${rev.metadata.name}`,
      (r) => withAdoption(r, ref, false),
      { uid: rev.metadata.uid },
    );
  }
}
