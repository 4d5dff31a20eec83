/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go) on top of the controller host.
 * It reads only its informer cache (and one uncached GET of the owner before adopting, as
 * Kubernetes does since #42639), writes through the simulated API, and drives the machine in
 * machine.ts. Every create and delete carries the view it was decided on, for the invariants.
 */

import { compileSelector, sameLabels } from '../../model/labels.ts';
import { nextAvailabilityCheckMs } from '../../model/pod.ts';
import { formatTimestamp } from '../../model/time.ts';
import type { KObject, OwnerReference } from '../../model/types.ts';
import type { ReplicaSetCreateCause, ReplicaSetScaleDownCause, WatchEvent } from '../../sim/api/types.ts';
import type { World } from '../../sim/world.ts';
import type { Decision as TraceDecision } from '../../trace/messages.ts';
import { ControllerBase } from '../shared/base.ts';
import {
  adoptionCause,
  type ClaimPlan,
  controllerRefOf,
  planClaims,
  sameControllerRef,
  withAdoption,
  withRelease,
} from '../shared/claim.ts';
import { Expectations } from '../shared/expectations.ts';
import { type ReplicaSetEvent, replicaSetMachine } from './machine.ts';
import {
  computeStatus,
  decideManage,
  indirectlyRelatedPods,
  isActive,
  matchingReplicaSets,
  needsRanking,
  podFromTemplate,
  type ReplicaSetStatus,
  statusChanged,
} from './plan.ts';
import type { ReplicaSetVariant } from './variants.ts';

interface SyncState {
  key: string;
  rs?: KObject;
  owned: KObject[];
  terminating: number;
  claims: ClaimPlan<KObject>;
  toCreate: number;
  created: number;
  batchSize: number;
  victims: KObject[];
  /** The pods the victims were ranked against (getIndirectlyRelatedPods); empty unless ranked. */
  related: readonly KObject[];
  /**
   * `rsNeedsSync`: the expectations as they were when the sync began, before it listed pods. An
   * expectation met later in the sync (an ADD delivered while the claim patches were in flight)
   * must not let this sync manage replicas from its older pod list: that would create again.
   */
  needsSync: boolean;
  /** When the manage step decided (the ranking's "now"; the deletes land after a round trip). */
  decidedAtMs: number;
  error?: string;
}

const EMPTY_CLAIMS: ClaimPlan<KObject> = { owned: [], adopt: [], release: [] };

/** What the manage step decided, and the move that carries it out. */
type Decision = 'gone' | 'failed' | 'wait' | 'create' | 'delete' | 'none';

const MOVE_OF: Record<Decision, ReplicaSetEvent> = {
  gone: { type: 'OWNER_GONE' },
  failed: { type: 'CLAIM_FAILED' },
  wait: { type: 'WAIT_FOR_EXPECTATIONS' },
  create: { type: 'CREATE_PODS' },
  delete: { type: 'DELETE_PODS' },
  none: { type: 'WRITE_STATUS' },
};

export class ReplicaSetController extends ControllerBase<ReplicaSetEvent> {
  private expectations!: Expectations;
  private cur: SyncState = {
    key: '',
    owned: [],
    terminating: 0,
    claims: EMPTY_CLAIMS,
    toCreate: 0,
    created: 0,
    batchSize: 1,
    victims: [],
    related: [],
    needsSync: true,
    decidedAtMs: 0,
  };

  constructor(
    world: World,
    private readonly v: ReplicaSetVariant,
  ) {
    super(world, 'replicaset', ['ReplicaSet', 'Pod'], replicaSetMachine);
  }

  protected resetState(): void {
    this.expectations = new Expectations(() => this.world.now);
  }

  protected allKeys(): string[] {
    return [...this.informer.map('ReplicaSet').keys()].sort();
  }

  // ---- informer event handlers (addPod / updatePod / deletePod / RS events) ----

  protected onEvent(ev: WatchEvent): void {
    if (ev.kind === 'ReplicaSet') {
      if (ev.type === 'DELETED') this.expectations.delete(ev.key);
      this.queue.add(ev.key);
      return;
    }
    if (ev.type === 'ADDED') return this.addPod(ev.object);
    if (ev.type === 'DELETED') return this.deletePod(ev.object);
    if (ev.old) this.updatePod(ev.old, ev.object);
  }

  private addPod(pod: KObject): void {
    if (pod.metadata.deletionTimestamp) return this.deletePod(pod);
    const ref = controllerRefOf(pod);
    if (ref) {
      const key = this.resolve(pod, ref);
      if (key === undefined) return;
      if (this.v.expectations) this.expectations.creationObserved(key);
      return this.queue.add(key);
    }
    for (const rs of matchingReplicaSets(this.informer.list('ReplicaSet'), pod)) this.queue.add(rsKey(rs));
  }

  private updatePod(old: KObject, cur: KObject): void {
    const labelChanged = !sameLabels(old.metadata.labels, cur.metadata.labels);
    if (cur.metadata.deletionTimestamp) {
      this.deletePod(cur);
      if (labelChanged) this.deletePod(old);
      return;
    }
    const curRef = controllerRefOf(cur);
    const oldRef = controllerRefOf(old);
    const refChanged = !sameControllerRef(curRef, oldRef);
    if (refChanged && oldRef) {
      const key = this.resolve(old, oldRef);
      if (key !== undefined) this.queue.add(key);
    }
    if (curRef) {
      const key = this.resolve(cur, curRef);
      if (key === undefined) return;
      this.queue.add(key);
      const minReady = this.informer.get('ReplicaSet', key)!.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && !isReady(old) && isReady(cur)) this.queue.addAfter(key, minReady * 1000 + 1000);
      return;
    }
    if (labelChanged || refChanged) {
      for (const rs of matchingReplicaSets(this.informer.list('ReplicaSet'), cur)) this.queue.add(rsKey(rs));
    }
  }

  private deletePod(pod: KObject): void {
    const ref = controllerRefOf(pod);
    if (!ref) return;
    const key = this.resolve(pod, ref);
    if (key === undefined) return;
    if (this.v.expectations) this.expectations.deletionObserved(key, podKey(pod));
    this.queue.add(key);
  }

  /**
   * resolveControllerRef: the key of the cached ReplicaSet that `ref` names, if its uid matches (the
   * key it is cached under is its own `<namespace>/<name>`, built once for the lookup and the queue).
   */
  private resolve(pod: KObject, ref: OwnerReference): string | undefined {
    if (ref.kind !== 'ReplicaSet') return undefined;
    const key = `${pod.metadata.namespace}/${ref.name}`;
    const rs = this.informer.get('ReplicaSet', key);
    return rs && rs.metadata.uid === ref.uid ? key : undefined;
  }

  // ---- one sync ----

  protected sync(key: string): void {
    const rs = this.informer.get('ReplicaSet', key);
    // Named only in trace lines (none are recorded in a lean run).
    if (this.tracing) this.syncing = `replicaset/${key.slice(key.indexOf('/') + 1)}`;
    this.cur = {
      key,
      owned: [],
      terminating: 0,
      claims: EMPTY_CLAIMS,
      toCreate: 0,
      created: 0,
      batchSize: 1,
      victims: [],
      related: [],
      needsSync: !this.v.expectations || this.expectations.satisfied(key),
      decidedAtMs: this.world.now,
    };
    if (!rs) return this.send(MOVE_OF.gone, { code: 'sync.gone', params: { key } });
    const active: KObject[] = [];
    let terminating = 0;
    for (const p of this.candidatePods(rs)) {
      if (isActive(p, this.v)) active.push(p);
      if (p.metadata.deletionTimestamp && controllerRefOf(p)?.uid === rs.metadata.uid) terminating++;
    }
    this.cur.rs = rs;
    this.cur.terminating = terminating;
    this.cur.claims = planClaims(active, {
      ownerUid: rs.metadata.uid,
      ownerDeleting: !!rs.metadata.deletionTimestamp,
      selector: compileSelector(rs.spec?.selector),
      adoptForeign: this.v.adoptForeign,
      releaseUnmatched: this.v.releaseUnmatched,
    });
    this.cur.owned = [...this.cur.claims.owned];
    const claims = this.cur.claims.adopt.length + this.cur.claims.release.length > 0;
    if (claims)
      return this.send(
        { type: 'CLAIM_PODS' },
        {
          code: 'sync.claims',
          params: {
            key,
            adopt: this.cur.claims.adopt.length,
            release: this.cur.claims.release.length,
            revisions: 0,
          },
        },
      );
    const decision = this.decide();
    this.send(MOVE_OF[decision], this.tracing ? this.describe(decision) : undefined);
  }

  /** A sync walks the set's pods and its namespace's orphans (the owner index), not the whole cache. */
  protected override syncCost(key: string): number {
    const rs = this.informer.get('ReplicaSet', key);
    if (!rs || this.v.adoptForeign) return this.informer.size;
    return 1 + this.informer.podsOwnedBy(rs.metadata.uid).size + this.informer.podsOwnedBy('').size;
  }

  /**
   * Pods the sync looks at: those it controls plus orphans in its namespace (the owner index, as
   * newer Kubernetes versions list them), orphans sorted so adoption order is defined. A mutant
   * that adopts foreign pods needs every pod of the namespace.
   */
  private candidatePods(rs: KObject): KObject[] {
    const ns = rs.metadata.namespace;
    if (this.v.adoptForeign) return this.informer.list('Pod').filter((p) => p.metadata.namespace === ns);
    const pods = [...this.informer.podsOwnedBy(rs.metadata.uid).values()];
    const orphans = this.informer.podsOwnedBy('');
    if (orphans.size === 0) return pods;
    const inNamespace = [...orphans.values()]
      .filter((p) => p.metadata.namespace === ns)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    for (const p of inNamespace) pods.push(p);
    return pods;
  }

  /**
   * getIndirectlyRelatedPods from the cache: the pods that the ReplicaSets with this one's
   * controller select (none for a bare ReplicaSet: no pod list is walked then).
   */
  private relatedPods(rs: KObject): KObject[] {
    if (!rs.metadata.ownerReferences?.some((r) => r.controller)) return [];
    const sets = this.informer.map('ReplicaSet').values();
    return indirectlyRelatedPods(rs, sets, this.informer.map('Pod').values());
  }

  /** The manage step's decision; sets expectations before any API call, as Kubernetes does. */
  private decide(): Decision {
    const { rs, key, owned } = this.cur;
    if (!rs) return 'gone';
    if (!this.cur.needsSync) return 'wait';
    if (rs.metadata.deletionTimestamp) return 'none';
    this.cur.decidedAtMs = this.world.now;
    // Only a scale-down that keeps some pods ranks them; only then are the related pods gathered.
    if (needsRanking(rs, owned)) this.cur.related = this.relatedPods(rs);
    const d = decideManage(rs, owned, this.cur.related, this.world.now, this.v);
    if (d.type === 'create') {
      this.cur.toCreate = d.count;
      if (this.v.expectations) this.expectations.expectCreations(key, d.count);
      return 'create';
    }
    if (d.type === 'delete') {
      this.cur.victims = d.victims;
      if (this.v.expectations) this.expectations.expectDeletions(key, d.victims.map(podKey));
      return 'delete';
    }
    return 'none';
  }

  /** What the sync decided, for the trace. */
  private describe(d: Decision): TraceDecision {
    const { key, owned, rs } = this.cur;
    const active = owned.length;
    const desired = rs?.spec?.replicas ?? 0;
    if (d === 'create')
      return { code: 'replicaset.create', params: { key, active, desired, create: this.cur.toCreate } };
    if (d === 'delete') {
      const pods = this.cur.victims.map((p) => p.metadata.name).join(', ');
      return { code: 'replicaset.delete', params: { key, active, desired, pods } };
    }
    if (d === 'wait') {
      const { add, del } = this.expectations.pending(key) ?? { add: 0, del: 0 };
      return { code: 'replicaset.expectations', params: { key, add, del } };
    }
    return { code: 'replicaset.pods', params: { key, active, desired } };
  }

  protected actions(): Record<string, () => void> {
    return {
      forgetOwner: () => this.expectations.delete(this.cur.key),
      requeueWithBackoff: () => this.queue.addRateLimited(this.cur.key),
      adoptAndReleasePods: () => this.afterApi(`claim pods of ${this.cur.key}`, () => this.claim()),
      createPodBatch: () => this.afterApi(`create pods for ${this.cur.key}`, () => this.createBatch()),
      skipRemainingBatches: () => this.skipRemaining(),
      deleteSurplusPods: () => this.afterApi(`delete pods of ${this.cur.key}`, () => this.deleteVictims()),
      writeStatus: () => this.afterApi(`update status of ${this.cur.key}`, () => this.writeStatus()),
    };
  }

  /** Adopt orphans (after an uncached check that the owner still exists) and release strays. */
  private claim(): void {
    const rs = this.cur.rs!;
    const fresh = this.world.store.get('ReplicaSet', this.cur.key);
    const canAdopt =
      !this.v.recheckBeforeAdopt ||
      (!!fresh && fresh.metadata.uid === rs.metadata.uid && !fresh.metadata.deletionTimestamp);
    const ref = controllerRefOf(podFromTemplate(rs))!;
    let failed: string | undefined;
    for (const pod of this.cur.claims.adopt) {
      if (!canAdopt) {
        failed = `can't adopt pods: ${this.cur.key} is being deleted or gone`;
        break;
      }
      const r = this.world.store.patch(
        this.actorName,
        'Pod',
        podKey(pod),
        (p) => withAdoption(p, ref, this.v.adoptForeign),
        {
          uid: pod.metadata.uid,
          cause: adoptionCause('replicaset', rs.metadata.uid, pod),
        },
      );
      if (r.ok) this.cur.owned.push(r.obj);
      else if (r.code !== 'NotFound') failed = r.message;
    }
    for (const pod of this.cur.claims.release) {
      const r = this.world.store.patch(
        this.actorName,
        'Pod',
        podKey(pod),
        (p) => withRelease(p, rs.metadata.uid),
        { uid: pod.metadata.uid },
      );
      if (!r.ok && r.code !== 'NotFound' && r.code !== 'Invalid') failed = r.message;
    }
    const decision: Decision = failed ? 'failed' : this.decide();
    this.send(
      MOVE_OF[decision],
      failed
        ? { code: 'sync.failed', params: { key: this.cur.key, error: failed } }
        : this.describe(decision),
    );
  }

  /** What the controller saw when it decided to create (replicaset.no-overshoot judges it). */
  private cause(): ReplicaSetCreateCause {
    const rs = this.cur.rs!;
    return {
      controller: 'replicaset',
      reason: 'create',
      ownerUid: rs.metadata.uid,
      observedReplicas: rs.spec?.replicas ?? 1,
      observedResourceVersion: rs.metadata.resourceVersion,
    };
  }

  /** One slow-start batch (1, 2, 4, ...); the batch's calls run concurrently, so all are attempted. */
  private createBatch(): void {
    const rs = this.cur.rs!;
    const n = Math.min(this.cur.batchSize, this.cur.toCreate - this.cur.created);
    let failed = false;
    // One pod object and one cause for the batch: the store copies neither, and nobody changes them.
    const pod = podFromTemplate(rs);
    const opts = { cause: this.cause() };
    for (let i = 0; i < n; i++) {
      const r = this.world.store.create(this.actorName, pod, opts);
      if (r.ok) this.cur.created++;
      else {
        failed = true;
        this.cur.error = r.message;
      }
    }
    this.cur.batchSize *= 2;
    const more = this.cur.created < this.cur.toCreate;
    if (!more && !failed) this.lowerSkipped();
    this.send({ type: failed ? 'BATCH_FAILED' : more ? 'CREATE_PODS' : 'WRITE_STATUS' });
  }

  /** After a failed batch the rest is skipped; their expectations are lowered. */
  private skipRemaining(): void {
    this.lowerSkipped();
  }

  private lowerSkipped(): void {
    if (!this.v.expectations || !this.v.lowerSkipped) return;
    for (let i = this.cur.created; i < this.cur.toCreate; i++)
      this.expectations.creationObserved(this.cur.key);
  }

  private deleteVictims(): void {
    // The pods exactly as the cache held them when the ranking ran (frozen objects, not a summary
    // of them: the judge reads them its own way).
    const observed = this.cur.owned;
    const relatedObserved = this.cur.related;
    const victims = this.cur.victims.map((p) => p.metadata.name);
    const decidedAtMs = this.cur.decidedAtMs;
    const cause: ReplicaSetScaleDownCause = {
      ...this.cause(),
      reason: 'scale-down',
      victims,
      observed,
      relatedObserved,
      decidedAtMs,
    };
    for (const pod of this.cur.victims) {
      const r = this.world.store.delete(this.actorName, 'Pod', podKey(pod), { cause });
      if (r.ok) continue;
      if (this.v.expectations) this.expectations.deletionObserved(this.cur.key, podKey(pod));
      if (r.code !== 'NotFound') this.cur.error = r.message;
    }
    this.send({ type: 'WRITE_STATUS' });
  }

  /**
   * Pods that are Ready but not yet available become available by the clock alone, with no event:
   * look again when the first of them does (FindMinNextPodAvailabilityCheck), so availableReplicas
   * is never left stale (kubernetes#132121). The mutant keeps the older rule.
   */
  private requeueForAvailability(key: string, rs: KObject, owned: KObject[], status: ReplicaSetStatus): void {
    const minReady = rs.spec?.minReadySeconds ?? 0;
    if (minReady <= 0) return;
    if (this.v.availabilityCheck === 'when-all-ready') {
      if (status.readyReplicas === status.replicas && status.availableReplicas !== status.replicas)
        this.queue.addAfter(key, minReady * 1000);
      return;
    }
    if (status.readyReplicas === status.availableReplicas) return;
    this.queue.addAfter(key, nextAvailabilityCheckMs(owned, minReady, this.world.now) ?? minReady * 1000);
  }

  /** updateReplicaSetStatus: skip when unchanged; on conflict, GET and retry once. */
  private writeStatus(): void {
    const { rs, key, owned, terminating, error } = this.cur;
    let statusError = false;
    if (rs) {
      // The time is stamped only on a new ReplicaFailure condition, which needs an error.
      const stamp = error ? formatTimestamp(this.world.now) : '';
      const status = computeStatus(rs, owned, terminating, this.world.now, error, stamp);
      let target: KObject | undefined = rs;
      // Two attempts, with an uncached GET between them; if both fail the sync fails and is retried.
      for (
        let attempt = 0;
        target && (this.v.writesUnchangedStatus || statusChanged(target, status));
        attempt++
      ) {
        const r = this.world.store.updateStatus(this.actorName, { ...target, status });
        statusError = !r.ok;
        if (r.ok || attempt >= 1) break;
        target = this.world.store.get('ReplicaSet', key);
      }
      if (!error) this.requeueForAvailability(key, rs, owned, status);
    }
    if (error || statusError) this.queue.addRateLimited(key);
    else this.queue.forget(key);
    this.send({ type: 'SYNC_DONE' });
  }
}

function rsKey(rs: KObject): string {
  return `${rs.metadata.namespace}/${rs.metadata.name}`;
}

function podKey(pod: KObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}

function isReady(p: KObject): boolean {
  return (p.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
}
