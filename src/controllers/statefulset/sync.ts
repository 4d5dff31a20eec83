/**
 * The state of one StatefulSet sync and the execution of its plan: the intents of one slow-start
 * batch run together, one kind at a time (Parallel: batches of 1, 2, 4... slots or condemned pods,
 * capped at 500; OrderedReady: one at a time). An error ends the sync once its batch has run
 * (status is still written, the key is requeued with back-off). Every write carries a cause: what
 * the controller saw (its cached view of the set and of the lower ordinals).
 */

import { extend } from '../../model/objects.ts';
import type { KObject } from '../../model/types.ts';
import type { StatefulSetCause, StatefulSetDecision, StatefulSetPlanView } from '../../sim/api/types.ts';
import type { Informer } from '../../sim/informer.ts';
import type { World } from '../../sim/world.ts';
import type { Decision } from '../../trace/messages.ts';
import type { ClaimPlan } from '../shared/claim.ts';
import type { CurrentRevisionPlan, RevisionObject } from '../shared/history.ts';
import { claimNamesFor, isTerminating, ordinalOf, startOrdinal } from './identity.ts';
import type { Next } from './machine.ts';
import {
  type ClaimLookup,
  type Intent,
  type Revisions,
  type Step,
  type SyncPlan,
  sameBatch,
  sameItem,
} from './plan.ts';
import { createClaims, createPod, deletePod, type PodControl, repairPod } from './podControl.ts';
import { retentionPolicy } from './retention.ts';
import { computeStatus, type StatefulSetStatus, statusChanged } from './status.ts';
import type { StatefulSetVariant } from './variants.ts';

export { MAX_BATCH_SIZE } from './plan.ts';

export type SyncState = StatefulSetSync;

/** The controller's last successful status write of a set (kept in memory; lost on restart). */
export interface LastStatusWrite {
  uid: string;
  rv: number;
  status: StatefulSetStatus;
}

/** The informer's PVC cache seen by claim name within one namespace (no per-sync closures). */
class CachedClaims implements ClaimLookup {
  constructor(
    private readonly cache: ReadonlyMap<string, KObject>,
    private readonly ns: string,
  ) {}

  get(name: string): KObject | undefined {
    return this.cache.get(claimKey(this.ns, name));
  }

  has(name: string): boolean {
    return this.cache.has(claimKey(this.ns, name));
  }
}

/** `<namespace>/<name>` cache keys of claims, interned (the same few claims are looked up every sync). */
const claimKeys = new Map<string, Map<string, string>>();

function claimKey(ns: string, name: string): string {
  let byName = claimKeys.get(ns);
  if (!byName) {
    byName = new Map();
    claimKeys.set(ns, byName);
  }
  let k = byName.get(name);
  if (k === undefined) {
    if (byName.size >= 8192) byName.clear();
    k = `${ns}/${name}`;
    byName.set(name, k);
  }
  return k;
}

function sameStatus(a: StatefulSetStatus, b: StatefulSetStatus): boolean {
  for (const k of Object.keys(b) as Array<keyof StatefulSetStatus>) if (a[k] !== b[k]) return false;
  return true;
}

export class StatefulSetSync {
  readonly key: string;
  readonly pods: KObject[];
  owned: RevisionObject[] = [];
  /** Listed revisions nobody controls, to adopt before the pods are claimed. */
  orphanRevisions: RevisionObject[] = [];
  revisionPlan?: CurrentRevisionPlan;
  revisions?: Revisions;
  plan?: SyncPlan;
  collisionCount: number;
  error?: string;
  status?: StatefulSetStatus;
  toPrune: RevisionObject[] = [];
  /** When the plan was made (its availability checks read this clock). */
  plannedAtMs = 0;
  private pos = 0;
  /** The intents whose call failed: their batch is finished, nothing after it runs. */
  private readonly failed: Step[] = [];
  /** Pods as this sync's own writes left them (created, deleted), by name. */
  private readonly written = new Map<string, KObject | null>();
  private allMemo: KObject[] | undefined;

  constructor(
    private readonly world: World,
    private readonly actor: string,
    private readonly informer: Informer,
    readonly set: KObject,
    private readonly v: StatefulSetVariant,
    readonly claims: ClaimPlan<KObject>,
    private readonly lastWrite?: LastStatusWrite,
  ) {
    this.key = `${set.metadata.namespace}/${set.metadata.name}`;
    this.pods = [...claims.owned];
    this.collisionCount = set.status?.collisionCount ?? 0;
  }

  /** The namespace's PVCs from the cache, by name (looked up, never listed). */
  claimCache(): ClaimLookup {
    return new CachedClaims(
      this.informer.map('PersistentVolumeClaim'),
      this.set.metadata.namespace ?? 'default',
    );
  }

  /** The next phase: the next intent's kind, a wait, or status. */
  next(): Next {
    const p = this.plan;
    const failedAt = this.failed[0];
    if (!p || (this.error && !failedAt)) return 'status';
    if (this.pos < p.intents.length) {
      const i = p.intents[this.pos]!;
      // After a failure only the rest of its batch runs (slowStartBatch waits for the whole batch).
      return !failedAt || sameBatch(i, failedAt) ? i.type : 'status';
    }
    if (this.error) return 'status';
    if (p.block?.kind === 'ready') return 'waitReady';
    if (p.block) return 'waitTermination';
    return 'status';
  }

  /** What the sync decided, for the trace. */
  describe(next: Next): Decision {
    const key = this.key;
    const i = this.plan?.intents[this.pos];
    const pod = (i && 'pod' in i && 'metadata' in i.pod ? i.pod.metadata.name : undefined) ?? '';
    if (next === 'waitReady')
      return { code: 'statefulset.wait-ready', params: { key, pod: this.plan!.block!.pod } };
    if (next === 'waitTermination')
      return { code: 'statefulset.wait-gone', params: { key, pod: this.plan!.block!.pod } };
    if (next === 'status' || next === 'gone' || next === 'claim' || next === 'revision' || next === 'none')
      return this.error
        ? { code: 'sync.failed', params: { key, error: this.error } }
        : { code: 'sync.key', params: { key } };
    return { code: 'statefulset.intent', params: { key, intent: next, pod } };
  }

  private control(): PodControl {
    return { world: this.world, actor: this.actor, informer: this.informer, set: this.set, v: this.v };
  }

  /** What the controller saw when it decided (judged by the decision invariants). */
  private cause(extra: StatefulSetDecision): StatefulSetCause {
    const s = this.set;
    return {
      controller: 'statefulset',
      ownerUid: s.metadata.uid,
      observedResourceVersion: s.metadata.resourceVersion,
      observedReplicas: s.spec?.replicas ?? 1,
      podManagementPolicy: s.spec?.podManagementPolicy ?? 'OrderedReady',
      start: startOrdinal(s),
      strategy: s.spec?.updateStrategy?.type ?? 'RollingUpdate',
      partition: s.spec?.updateStrategy?.rollingUpdate?.partition ?? 0,
      retention: retentionPolicy(s),
      currentRevision: this.revisions?.current.name,
      updateRevision: this.revisions?.update.name,
      ...extra,
    };
  }

  /**
   * The pods as the cache held them when the plan was made, the names this sync has written since
   * (their cached state is out of date) and the plan's clock: the decision judges read these their
   * own way, never the controller's verdict on them.
   */
  private seen(): StatefulSetPlanView {
    return {
      observed: this.pods,
      touched: [...this.written.keys()],
      plannedAtMs: this.plannedAtMs,
      minReadySeconds: this.set.spec?.minReadySeconds ?? 0,
    };
  }

  /**
   * Runs the intents of one kind in the current slow-start batch (the next kind in the same batch,
   * if any, is the next phase) and returns what comes after.
   */
  runBatch(): Next {
    const p = this.plan!;
    const first = p.intents[this.pos]!;
    while (this.pos < p.intents.length) {
      const i = p.intents[this.pos]!;
      if (i.type !== first.type || !sameBatch(i, first)) break;
      this.pos++;
      const err = this.execute(i);
      if (err) {
        this.error = err;
        this.failed.push(i);
      }
    }
    // processReplica returns at an item's first error: that slot's later intents are not made.
    while (this.pos < p.intents.length && this.failed.some((f) => sameItem(f, p.intents[this.pos]!)))
      this.pos++;
    return this.next();
  }

  private execute(i: Intent): string | undefined {
    const c = this.control();
    switch (i.type) {
      case 'deleteTerminal':
        return this.remove(i.pod, this.cause({ reason: 'failed', ordinal: ordinalOf(this.set, i.pod) }));
      case 'create': {
        if (i.replaces) this.remove(i.replaces, this.cause({ reason: 'replace' }), 0);
        const cached = this.claimCache();
        const cause = this.cause({
          reason: 'create',
          ordinal: i.ordinal,
          slot: i.slot,
          revision: i.revision,
          ...this.seen(),
          // The pod's claims as the cache held them when it was created (null: none yet).
          claimsSeen: claimNamesFor(this.set, i.ordinal).map((n) => cached.get(n) ?? null),
        });
        const r = createPod(c, i.pod, cause);
        if (r.obj) this.wrote(r.obj.metadata.name, r.obj);
        return r.error;
      }
      case 'createClaims':
        return createClaims(c, ordinalOf(this.set, i.pod)!, this.cause({ reason: 'claim' })).error;
      case 'repair':
        return repairPod(
          c,
          i.pod,
          i.condemned,
          this.cause({ reason: 'repair', ordinal: ordinalOf(this.set, i.pod) }),
        );
      case 'deleteCondemned': {
        const ord = ordinalOf(this.set, i.pod)!;
        return this.remove(i.pod, this.cause({ reason: 'scale-down', ordinal: ord, ...this.seen() }));
      }
      case 'updateDelete':
        return this.remove(
          i.pod,
          this.cause({
            reason: 'update',
            ordinal: ordinalOf(this.set, i.pod),
            slot: i.slot,
            revision: i.pod.metadata.labels?.['controller-revision-hash'],
            ...this.seen(),
          }),
        );
    }
  }

  private remove(pod: KObject, cause: StatefulSetCause, grace?: number): string | undefined {
    const r = deletePod(this.control(), pod, cause, grace);
    if (r.ok) this.wrote(pod.metadata.name, r.removed ? null : r.obj);
    else if (r.code !== 'NotFound') return r.message;
    return undefined;
  }

  /** A pod as this sync's own write left it (null: gone). */
  private wrote(name: string, pod: KObject | null): void {
    this.written.set(name, pod);
    this.allMemo = undefined;
  }

  /** An orphan this sync adopted. */
  adopted(pod: KObject): void {
    this.pods.push(pod);
    this.allMemo = undefined;
  }

  /** Every pod of the set as this sync knows it (cache + its own writes). */
  allPods(): KObject[] {
    if (this.allMemo) return this.allMemo;
    const byName = new Map<string, KObject | null>();
    for (const p of this.pods) byName.set(p.metadata.name, p);
    for (const [name, p] of this.written) byName.set(name, p);
    const all: KObject[] = [];
    for (const p of byName.values()) if (p !== null && ordinalOf(this.set, p) !== undefined) all.push(p);
    this.allMemo = all;
    return this.allMemo;
  }

  /** The status this sync would write now (over every pod it knows, its own writes included). */
  computeStatus(): StatefulSetStatus | undefined {
    if (!this.revisions) return undefined;
    this.status = computeStatus(
      this.set,
      this.allPods(),
      {
        current: this.revisions.current.name,
        update: this.revisions.update.name,
        collisionCount: this.collisionCount,
      },
      this.world.now,
      !this.v.neverCompletesRollout,
    );
    return this.status;
  }

  /**
   * Whether `status` must be written: it differs from the cached set's, unless the cache merely
   * lags this controller's own last write of exactly this status (the write would only conflict:
   * the store already holds it).
   */
  statusNeedsWrite(status: StatefulSetStatus): boolean {
    if (!statusChanged(this.set, status)) return false;
    const last = this.lastWrite;
    return !(
      last &&
      last.uid === this.set.metadata.uid &&
      Number(this.set.metadata.resourceVersion) < last.rv &&
      sameStatus(last.status, status)
    );
  }

  /**
   * `updateStatefulSetStatus`: write when changed; on a conflict re-read and retry once. Returns
   * what was written, if anything.
   */
  writeStatus(): LastStatusWrite | undefined {
    const status = this.computeStatus();
    if (!status || !this.statusNeedsWrite(status)) return undefined;
    let target: KObject | undefined = this.set;
    for (
      let attempt = 0;
      attempt < 2 && target && (attempt === 0 || statusChanged(target, status));
      attempt++
    ) {
      const r = this.world.store.updateStatus(
        this.actor,
        { ...target, status: extend(target.status, status) },
        {
          cause: this.cause({ reason: 'status' }),
        },
      );
      if (r.ok) return { uid: r.obj.metadata.uid, rv: Number(r.obj.metadata.resourceVersion), status };
      target = this.world.store.get('StatefulSet', this.key);
      if (!target) return undefined;
    }
    // Both attempts failed: the sync returns the error, so the key is retried with back-off.
    if (target && statusChanged(target, status)) this.error ??= 'status update failed';
    return undefined;
  }

  prune(): void {
    if (this.toPrune.length === 0) return;
    // What the history was pruned against: the set as cached (its current revision, its template)
    // and the pods this sync knew.
    const cause = this.cause({ reason: 'prune', observedSet: this.set, ...this.seen() });
    for (const rev of this.toPrune) {
      this.world.store.delete(
        this.actor,
        'ControllerRevision',
        `${rev.metadata.namespace}/${rev.metadata.name}`,
        { uid: rev.metadata.uid, cause },
      );
    }
  }

  /** Pods of the set whose deletion is under way (for the learner's description). */
  terminating(): string[] {
    return this.allPods()
      .filter(isTerminating)
      .map((p) => p.metadata.name);
  }
}
