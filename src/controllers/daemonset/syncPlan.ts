/**
 * One sync of a DaemonSet, planned from the controller's cache (syncDaemonSet): which revision is
 * current, what manage() or the rolling update will create and delete, which revisions to prune,
 * and so the phases the machine will walk through. Pure except for the failed-pod back-off record,
 * which Kubernetes also advances while planning.
 */
import type { KObject } from '../../model/types.ts';
import {
  type CurrentRevisionPlan,
  planCurrentRevision,
  REVISION_HASH_LABEL,
  type RevisionObject,
  revisionsToPrune,
  templateHash,
} from '../shared/history.ts';
import type { FailedPodBackoff } from './backoff.ts';
import type { Phase } from './machine.ts';
import type { NodeTable } from './nodeTable.ts';
import { BURST_REPLICAS, type ManageKnobs, type PodDeletion, planManage } from './plan.ts';
import { podHash } from './pods.ts';
import { planRollingUpdate, type RollingKnobs } from './rolling.ts';

export interface SyncInput {
  ds: KObject;
  /** The node table for the current hash (the full walk, or the controller's incremental one). */
  table: (hash: string) => NodeTable;
  /** Every cached pod whose controllerRef is this DaemonSet (read only to prune history). */
  pods: () => Iterable<KObject>;
  revisions: readonly RevisionObject[];
  expectationsSatisfied: boolean;
  nowMs: number;
  backoff: FailedPodBackoff;
  knobs: ManageKnobs & Partial<RollingKnobs>;
}

export interface SyncPlan {
  hash: string;
  revision: CurrentRevisionPlan;
  /** Phases after `idle`, in order; always ends with a status write. */
  phases: Phase[];
  creates: string[];
  deletes: PodDeletion[];
  /** Set expectations to these counts before the first write (null: manage did nothing). */
  expect: { add: number; del: number } | null;
  prune: RevisionObject[];
  requeueAfterMs?: number;
  /** Why the rolling update did what it did (for the trace). */
  rolling?: { maxSurge: number; maxUnavailable: number };
}

export function planSync(input: SyncInput): SyncPlan {
  const { ds } = input;
  const revision = currentRevision(ds, input.revisions);
  const hash =
    revision.type === 'create'
      ? templateHash(ds)
      : (revision.revision.metadata.labels?.[REVISION_HASH_LABEL] ?? templateHash(ds));
  const recording = revision.type !== 'use' || revision.duplicates.length > 0;
  const plan: SyncPlan = { hash, revision, phases: [], creates: [], deletes: [], expect: null, prune: [] };
  if (recording) plan.phases.push('recordingRevision');
  if (!input.expectationsSatisfied) {
    plan.phases.push('waitingForExpectations');
    return plan;
  }
  const table = input.table(hash);
  const manage = planManage({
    ds,
    table,
    hash,
    nowMs: input.nowMs,
    backoff: input.backoff,
    knobs: input.knobs,
  });
  plan.requeueAfterMs = manage.requeueAfterMs;
  if (manage.creates.length > 0 || manage.deletes.length > 0) {
    setWrites(plan, manage.creates, manage.deletes);
  } else if (ds.spec?.updateStrategy?.type !== 'OnDelete') {
    let desired = table.quiet.desired;
    for (const entry of table.entries) if (entry.node && entry.e.shouldRun) desired++;
    const { honourMaxUnavailable = true, honourMaxSurge = true } = input.knobs;
    const knobs = { honourMaxUnavailable, honourMaxSurge };
    const rolling = planRollingUpdate({ ds, table, desired, hash, nowMs: input.nowMs, knobs });
    plan.rolling = { maxSurge: rolling.maxSurge, maxUnavailable: rolling.maxUnavailable };
    if (rolling.creates.length > 0 || rolling.deletes.length > 0)
      setWrites(plan, rolling.creates, rolling.deletes);
  }
  const rollingWrites = !!plan.rolling && plan.expect !== null;
  if (rollingWrites) plan.phases.push('rollingNodes');
  else {
    if (plan.creates.length > 0) plan.phases.push('placingPods');
    if (plan.deletes.length > 0) plan.phases.push('removingMisscheduledPods');
  }
  if (plan.requeueAfterMs !== undefined) plan.phases.push('backingOff');
  plan.prune = pruneList(input, revision, hash);
  if (plan.prune.length > 0) plan.phases.push('pruningHistory');
  return plan;
}

interface RevisionMemo {
  /** The owner's identity as a new revision names it: `<namespace>/<name>/<uid>`. */
  owner: string;
  collisionCount: number;
  revisions: readonly RevisionObject[];
  plan: CurrentRevisionPlan;
}

/** The last revision plan per DaemonSet spec object (comparing templates serialises them). */
const revisionMemo = new WeakMap<object, RevisionMemo>();

/**
 * `planCurrentRevision`, reused while the spec object, the owner, collisionCount and the revision
 * objects are the same (a status write keeps the spec object, so most syncs hit).
 */
function currentRevision(ds: KObject, revisions: readonly RevisionObject[]): CurrentRevisionPlan {
  const key: object = ds.spec ?? ds;
  const collisionCount = ds.status?.collisionCount ?? 0;
  const owner = `${ds.metadata.namespace}/${ds.metadata.name}/${ds.metadata.uid}`;
  const m = revisionMemo.get(key);
  if (
    m &&
    m.owner === owner &&
    m.collisionCount === collisionCount &&
    m.revisions.length === revisions.length &&
    m.revisions.every((r, i) => r === revisions[i])
  )
    return m.plan;
  const plan = planCurrentRevision(ds, revisions);
  revisionMemo.set(key, { owner, collisionCount, revisions: [...revisions], plan });
  return plan;
}

/** syncNodes caps both lists at the burst size; expectations count what will really be attempted. */
function setWrites(plan: SyncPlan, creates: string[], deletes: PodDeletion[]): void {
  plan.creates = creates.slice(0, BURST_REPLICAS);
  plan.deletes = deletes.slice(0, BURST_REPLICAS);
  plan.expect = { add: plan.creates.length, del: plan.deletes.length };
}

/** cleanupHistory: every hash still on a pod (finished and deleting ones included) is live. */
function pruneList(input: SyncInput, revision: CurrentRevisionPlan, hash: string): RevisionObject[] {
  const limit = input.ds.spec?.revisionHistoryLimit ?? 10;
  const current =
    revision.type === 'create' ? (revision.object.metadata.name ?? '') : revision.revision.metadata.name;
  const duplicates = revision.type === 'create' ? [] : revision.duplicates;
  const owned = input.revisions.filter((r) => !duplicates.includes(r));
  if (owned.filter((r) => r.metadata.name !== current).length <= limit) return [];
  const live = new Set<string>([hash]);
  for (const p of input.pods()) {
    const h = podHash(p);
    if (h) live.add(h);
  }
  return revisionsToPrune(owned, limit, live, current);
}
