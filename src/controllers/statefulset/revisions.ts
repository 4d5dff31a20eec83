/**
 * StatefulSet revisions (`getStatefulSetRevisions`, `truncateHistory`) on top of the shared history
 * helpers: the update revision is the one equal to the current template (created, or raised when
 * an older one matches: a rollback), the current revision is the one `status.currentRevision`
 * names (else the update revision), and history is truncated to `revisionHistoryLimit` non-live ones.
 */
import { compileSelector, selectorMatches } from '../../model/labels.ts';
import type { KObject } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import { controllerRefOf } from '../shared/claim.ts';
import {
  type CurrentRevisionPlan,
  newRevision,
  nextRevisionNumber,
  onCreateConflict,
  planCurrentRevision,
  type RevisionObject,
  revisionName,
  revisionsToPrune,
  sortRevisions,
  templateHash,
  withRevisionNumber,
} from '../shared/history.ts';
import { revisionOf } from './identity.ts';
import type { Revisions } from './plan.ts';

/**
 * `ListRevisions` (history.ListControllerRevisions): cached revisions of the set's namespace that
 * match its selector and that it controls or nobody does, sorted. Orphans count as the set's own
 * at once (a set deleted with --cascade=orphan and created again finds its history); the sync
 * adopts them before it claims pods (`adoptOrphanRevisions`).
 */
export function ownedRevisions(set: KObject, cached: Iterable<KObject>): RevisionObject[] {
  const owned: RevisionObject[] = [];
  const selector = compileSelector(set.spec?.selector);
  for (const r of cached as Iterable<RevisionObject>) {
    if (r.metadata.namespace !== set.metadata.namespace) continue;
    const ref = controllerRefOf(r);
    if (ref && ref.uid !== set.metadata.uid) continue;
    if (selectorMatches(selector, r.metadata.labels)) owned.push(r);
  }
  return sortRevisions(owned);
}

/** The orphans among a set's listed revisions: they are adopted before pods are claimed. */
export function orphanRevisions(listed: readonly RevisionObject[]): RevisionObject[] {
  return listed.filter((r) => !controllerRefOf(r));
}

export function templateOf(rev: RevisionObject): Record<string, unknown> {
  return ((rev.data as { spec?: { template?: unknown } })?.spec?.template ?? {}) as Record<string, unknown>;
}

/** Template hashes by template object: the cache hands out the same object until the set changes. */
const hashes = new WeakMap<object, Map<number, string>>();

function cachedHash(set: KObject): string {
  const template = (set.spec?.template ?? {}) as object;
  const cc = set.status?.collisionCount ?? 0;
  let byCount = hashes.get(template);
  if (!byCount) {
    byCount = new Map();
    hashes.set(template, byCount);
  }
  let h = byCount.get(cc);
  if (h === undefined) {
    h = templateHash(set, cc);
    byCount.set(cc, h);
  }
  return h;
}

/**
 * The plan for the update revision; `use` needs no write. Fast path (most syncs): the newest
 * revision is named after the current template's hash, so it is the update revision; comparing the
 * stored templates byte by byte on every sync was the largest cost of a run.
 */
export function planUpdateRevision(set: KObject, owned: readonly RevisionObject[]): CurrentRevisionPlan {
  const newest = owned.at(-1);
  if (newest && newest.metadata.name === revisionName(set.metadata.name, cachedHash(set)))
    return { type: 'use', revision: newest, duplicates: [] };
  return planCurrentRevision(set, owned);
}

/**
 * Writes the update revision: raise an older equal one (rollback), or create one, bumping the
 * collision count while the name is taken by a different template (`CreateControllerRevision`).
 */
export function writeUpdateRevision(
  world: World,
  actor: string,
  set: KObject,
  owned: readonly RevisionObject[],
  plan: CurrentRevisionPlan,
): { revision?: RevisionObject; collisionCount: number; error?: string } {
  let collisionCount = set.status?.collisionCount ?? 0;
  if (plan.type === 'use') return { revision: plan.revision, collisionCount };
  if (plan.type === 'raise') {
    const r = world.store.update(actor, withRevisionNumber(plan.revision, plan.to));
    return r.ok
      ? { revision: r.obj as RevisionObject, collisionCount }
      : { collisionCount, error: r.message };
  }
  const next = nextRevisionNumber(owned);
  for (let attempt = 0; attempt < 8; attempt++) {
    const wanted = newRevision(set, next, collisionCount);
    const r = world.store.create(actor, wanted);
    if (r.ok) return { revision: r.obj as RevisionObject, collisionCount };
    if (r.code !== 'AlreadyExists') return { collisionCount, error: r.message };
    // An uncached GET, as the history client does on AlreadyExists.
    const existing = world.store.get(
      'ControllerRevision',
      `${set.metadata.namespace}/${wanted.metadata.name}`,
    );
    if (!existing) continue;
    const o = onCreateConflict(
      { ...set, status: { ...set.status, collisionCount } },
      existing as RevisionObject,
      wanted,
    );
    if (o.type === 'use') return { revision: o.revision, collisionCount };
    collisionCount = o.collisionCount;
  }
  return { collisionCount, error: 'too many revision name collisions' };
}

/** Current and update revision with their templates. */
export function resolveRevisions(
  set: KObject,
  owned: readonly RevisionObject[],
  update: RevisionObject,
): Revisions {
  let current = update;
  const wanted = set.status?.currentRevision;
  for (const r of owned)
    if (r.metadata.name === wanted) {
      current = r;
      break;
    }
  return {
    current: { name: current.metadata.name, template: templateOf(current) },
    update: { name: update.metadata.name, template: templateOf(update) },
  };
}

/** `truncateHistory`: non-live revisions beyond the limit, oldest first. */
export function historyToPrune(
  set: KObject,
  owned: readonly RevisionObject[],
  pods: readonly KObject[],
  revisions: Revisions,
): RevisionObject[] {
  const limit = set.spec?.revisionHistoryLimit ?? 10;
  // Only non-live revisions are pruned, so with no more revisions than the limit there is nothing to do.
  if (owned.length <= Math.max(0, limit)) return [];
  const live = new Set<string>([revisions.current.name, revisions.update.name, ...pods.map(revisionOf)]);
  return revisionsToPrune(owned, limit, live);
}
