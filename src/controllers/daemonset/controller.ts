/**
 * The DaemonSet controller (pkg/controller/daemon) on top of the controller host. It reads only its
 * informer cache, plans each sync purely (syncPlan.ts) and walks the machine in machine.ts through
 * the phases that have work, one API round trip per phase. Every pod write carries what the
 * controller saw when it decided (the node and DaemonSet objects from its cache), for the
 * placement invariant.
 *
 * Planning reads an incremental node table (nodeTable.ts) kept up to date by the watch handlers, so
 * a sync looks at the nodes that changed or are not quiet rather than at every node; it decides
 * exactly what the full walk decides (tests cross-check every sync). Claims and pods that must be
 * released fall back to the full walk.
 */

import { compileSelector, selectorIsEmpty, selectorMatches } from '../../model/labels.ts';
import { newControllerRef } from '../../model/pod.ts';
import type { KObject } from '../../model/types.ts';
import type { DaemonSetCause, RollView, WatchEvent } from '../../sim/api/types.ts';
import type { World } from '../../sim/world.ts';
import type { Decision } from '../../trace/messages.ts';
import { ControllerBase } from '../shared/base.ts';
import {
  adoptionCause,
  type ClaimPlan,
  controllerRefOf,
  planClaims,
  withAdoption,
  withRelease,
} from '../shared/claim.ts';
import { Expectations } from '../shared/expectations.ts';
import { adoptRevisions, type RevisionObject } from '../shared/history.ts';
import { FailedPodBackoff } from './backoff.ts';
import { assertSameDecisions } from './crossCheck.ts';
import { dsKey, onWatchEvent } from './events.ts';
import { type DaemonSetEvent, daemonSetMachine, ENTERS, type Phase } from './machine.ts';
import { DaemonSetViews, fullTable, type NodeTable } from './nodeTable.ts';
import type { PodDeletion } from './plan.ts';
import { newDaemonPod, podNode } from './pods.ts';
import { type DaemonSetStatusCounts, statusChanged, statusFromTable } from './status.ts';
import { planSync, type SyncPlan } from './syncPlan.ts';
import type { DaemonSetVariant } from './variants.ts';
import { recordRevision } from './writeRevision.ts';

interface SyncState {
  key: string;
  ds?: KObject;
  plan?: SyncPlan;
  phases: Phase[];
  claims?: ClaimPlan<KObject>;
  /**
   * The expectations as they were when the sync began: pods are claimed from a list no older than
   * that, so an ADD that lands while the claim patches are in flight must not let this sync place
   * pods from its older list (syncDaemonSet checks expectations before it lists pods).
   */
  satisfied?: boolean;
  /** Revisions of the DaemonSet's selector that nobody controls, to adopt with the pods. */
  orphanRevisions?: RevisionObject[];
  created: number;
  batchSize: number;
  error?: string;
  /**
   * The cached nodes the plan read, taken when it was made: a write lands after the revision round
   * trip, and the node may have changed in the cache meanwhile (placement judges the decision).
   */
  nodeViews?: Map<string, KObject | undefined>;
  /** For rolling-update writes: the pods and nodes the rolling update was planned from. */
  rollView?: RollView;
  /** When the plan was made (the failed-pod back-off is advanced then, not when the delete lands). */
  plannedAtMs?: number;
}

export class DaemonSetController extends ControllerBase<DaemonSetEvent> {
  private expectations!: Expectations;
  private backoff!: FailedPodBackoff;
  /** Incremental node tables, rebuilt after a restart (the handlers missed the downtime's events). */
  private views!: DaemonSetViews;
  private cur: SyncState = { key: '', phases: [], created: 0, batchSize: 1 };
  /** Counts process starts: the failed-pod back-off is in memory and a restart forgets it. */
  private process = 0;

  constructor(
    world: World,
    private readonly v: DaemonSetVariant,
  ) {
    super(world, 'daemonset', ['DaemonSet', 'Pod', 'Node', 'ControllerRevision'], daemonSetMachine);
  }

  protected resetState(): void {
    this.expectations = new Expectations(() => this.world.now);
    this.backoff = new FailedPodBackoff();
    this.process++;
    this.views = new DaemonSetViews(this.informer, this.v.rules);
  }

  protected allKeys(): string[] {
    return [...this.informer.map('DaemonSet').keys()].sort();
  }

  /** Mutant `stale-restart`: no consistent relist; the new process trusts whatever the cache holds. */
  protected override relistOnRestart(): void {
    if (this.v.relistOnRestart) super.relistOnRestart();
  }

  protected onEvent(ev: WatchEvent): void {
    this.views.onEvent(ev);
    onWatchEvent(
      { informer: this.informer, queue: this.queue, expectations: this.expectations, rules: this.v.rules },
      ev,
    );
  }

  // ---- one sync ----

  protected sync(key: string): void {
    const ds = this.informer.get('DaemonSet', key);
    this.syncing = `daemonset/${key.slice(key.indexOf('/') + 1)}`;
    this.cur = { key, phases: [], created: 0, batchSize: 1, satisfied: this.expectations.satisfied(key) };
    if (!ds) {
      this.expectations.delete(key);
      return this.send(enter('idle'), { code: 'sync.gone', params: { key } });
    }
    // A DaemonSet being deleted is left to the garbage collector: no pods, no status.
    if (ds.metadata.deletionTimestamp)
      return this.send(enter('idle'), { code: 'sync.deleting', params: { key } });
    if (selectorIsEmpty(ds.spec?.selector))
      return this.send(enter('idle'), { code: 'sync.empty-selector', params: { key } });
    // Common case: no orphan to adopt and no pod to release, so the owned pods are exactly the
    // pods we control, and the incremental node table can stand in for the full walk.
    const revisions = this.ownedRevisions(ds);
    const orphanRevisions = revisions.filter((r) => !controllerRefOf(r));
    if (!this.views.hasUnmatchedPods(ds) && !this.hasAdoptableOrphans(ds) && orphanRevisions.length === 0)
      return this.planAndSend(key, ds, undefined, revisions);
    const claims = planClaims(this.candidatePods(ds), {
      ownerUid: ds.metadata.uid,
      ownerDeleting: false,
      selector: compileSelector(ds.spec?.selector),
    });
    const revs = orphanRevisions.length;
    if (claims.adopt.length + claims.release.length + revs > 0) {
      this.cur = { ...this.cur, ds, claims, orphanRevisions };
      return this.send(enter('claimingPods'), {
        code: 'sync.claims',
        params: { key, adopt: claims.adopt.length, release: claims.release.length, revisions: revs },
      });
    }
    this.planAndSend(key, ds, claims.owned, revisions);
  }

  /** Whether an orphan of the DaemonSet's namespace matches its selector (adoption is due). */
  private hasAdoptableOrphans(ds: KObject): boolean {
    const orphans = this.informer.podsOwnedBy('');
    if (orphans.size === 0) return false;
    const sel = compileSelector(ds.spec?.selector);
    for (const p of orphans.values()) {
      if (p.metadata.namespace !== ds.metadata.namespace || p.metadata.deletionTimestamp) continue;
      if (selectorMatches(sel, p.metadata.labels)) return true;
    }
    return false;
  }

  /** Pods this DaemonSet controls plus orphans of its namespace (sorted: adoption order is defined). */
  private candidatePods(ds: KObject): KObject[] {
    const orphans = [...this.informer.podsOwnedBy('').values()]
      .filter((p) => p.metadata.namespace === ds.metadata.namespace)
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    return [...this.informer.podsOwnedBy(ds.metadata.uid).values(), ...orphans];
  }

  /** Adopt matching orphans (after an uncached check of the owner, #42639) and release strays. */
  private claimPods(): void {
    const { ds, key, claims } = this.cur;
    if (!ds || !claims) return;
    const fresh = this.world.store.get('DaemonSet', key);
    const canAdopt = !!fresh && fresh.metadata.uid === ds.metadata.uid && !fresh.metadata.deletionTimestamp;
    const ref = newControllerRef({ apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: ds.metadata });
    const owned = [...claims.owned];
    // controlledHistories (ClaimControllerRevisions) runs before the pods are claimed.
    if (canAdopt) adoptRevisions(this.world, this.actorName, this.cur.orphanRevisions ?? [], ref);
    let failed: string | undefined =
      canAdopt || claims.adopt.length === 0 ? undefined : `can't adopt pods: ${key} is being deleted or gone`;
    for (const pod of canAdopt ? claims.adopt : []) {
      const r = this.world.store.patch(
        this.actorName,
        'Pod',
        podKeyOf(pod),
        (p) => withAdoption(p, ref, false),
        {
          uid: pod.metadata.uid,
          cause: adoptionCause('daemonset', ds.metadata.uid, pod),
        },
      );
      if (r.ok) owned.push(r.obj);
      else if (r.code !== 'NotFound') failed = r.message;
    }
    for (const pod of claims.release) {
      const r = this.world.store.patch(
        this.actorName,
        'Pod',
        podKeyOf(pod),
        (p) => withRelease(p, ds.metadata.uid),
        {
          uid: pod.metadata.uid,
        },
      );
      if (!r.ok && r.code !== 'NotFound' && r.code !== 'Invalid') failed = r.message;
    }
    // ClaimPods returns the error and the sync stops before managing: planning without a pod
    // whose release failed would put a second daemon pod on its node.
    if (failed) {
      this.queue.addRateLimited(key);
      return this.send(enter('idle'), { code: 'sync.failed', params: { key, error: failed } });
    }
    this.planAndSend(key, ds, owned);
  }

  /**
   * Plans from `owned` (after claiming) by the full walk, or from the incremental table when
   * undefined; `revisions` is the sync's own listing unless an API round trip came in between.
   */
  private planAndSend(
    key: string,
    ds: KObject,
    owned: KObject[] | undefined,
    revisions = this.ownedRevisions(ds),
  ): void {
    const plan = planSync({
      ds,
      table: (hash) => (owned ? this.fullTable(ds, owned) : this.nodeTable(ds, hash)),
      pods: () => owned ?? this.informer.podsOwnedBy(ds.metadata.uid).values(),
      revisions,
      expectationsSatisfied: (this.cur.satisfied ?? true) && this.expectations.satisfied(key),
      nowMs: this.world.now,
      backoff: this.backoff,
      knobs: this.v,
    });
    const nodeViews = new Map<string, KObject | undefined>();
    for (const node of plan.creates) nodeViews.set(node, this.informer.get('Node', node));
    for (const { pod } of plan.deletes) {
      const node = podNode(pod) ?? '';
      nodeViews.set(node, this.informer.get('Node', node));
    }
    // Rolling steps, and manage's surge replacements, are judged against what they were planned from.
    const surgeReplaces = plan.deletes.some((d) => d.reason === 'surge-replaced');
    const rollView =
      (plan.rolling && plan.expect) || surgeReplaces
        ? {
            pods: owned ?? this.ownedPods(ds),
            nodes: [...this.informer.map('Node').values()],
            atMs: this.world.now,
          }
        : undefined;
    this.cur = {
      key,
      ds,
      plan,
      phases: [...plan.phases, 'writingStatus', 'idle'],
      created: 0,
      batchSize: 1,
      nodeViews,
      rollView,
      plannedAtMs: this.world.now,
    };
    // Expectations are set before the first pod write, once the revision is in place.
    if (plan.phases[0] !== 'recordingRevision') this.setExpectations();
    this.send(enter(this.nextPhase()), describe(key, plan));
  }

  /** Every cached node, with `pods` grouped by node (the Kubernetes walk). */
  private fullTable(ds: KObject, pods: readonly KObject[]): NodeTable {
    return fullTable(ds, this.informer.map('Node').values(), pods, this.v.rules);
  }

  /** The incremental table (the full walk when some pods await release), cross-checked in tests. */
  private nodeTable(ds: KObject, hash: string): NodeTable {
    const table = this.views.table(ds, hash, this.world.now);
    if (!table) return this.fullTable(ds, this.ownedPods(ds));
    if (this.world.options.crossCheckNodeTable)
      assertSameDecisions(ds, table, this.fullTable(ds, this.ownedPods(ds)), hash, this.world.now, this.v);
    return table;
  }

  private setExpectations(): void {
    const e = this.cur.plan?.expect;
    if (e) this.expectations.setExpectations(this.cur.key, e.add, e.del);
  }

  /** Pods whose controllerRef is this DaemonSet and whose labels still match its selector. */
  private ownedPods(ds: KObject): KObject[] {
    const sel = compileSelector(ds.spec?.selector);
    const uid = ds.metadata.uid;
    const out: KObject[] = [];
    for (const p of this.informer.podsOwnedBy(uid).values()) {
      if (selectorMatches(sel, p.metadata.labels)) out.push(p);
    }
    return out;
  }

  /**
   * Revisions this DaemonSet controls, and orphans of its namespace that match its selector (the
   * claim adopts them: a DaemonSet deleted with --cascade=orphan and created again finds its
   * history instead of colliding with it), in key order.
   */
  private ownedRevisions(ds: KObject): RevisionObject[] {
    const owned: Array<[string, RevisionObject]> = [];
    const sel = compileSelector(ds.spec?.selector);
    for (const [k, r] of this.informer.map('ControllerRevision')) {
      const ref = controllerRefOf(r);
      if (ref ? ref.uid !== ds.metadata.uid : r.metadata.namespace !== ds.metadata.namespace) continue;
      if (ref || selectorMatches(sel, r.metadata.labels)) owned.push([k, r as RevisionObject]);
    }
    owned.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return owned.map(([, r]) => r);
  }

  private nextPhase(): Phase {
    return this.cur.phases.shift() ?? 'idle';
  }

  protected actions(): Record<string, () => void> {
    const key = () => this.cur.key;
    return {
      adoptAndReleasePods: () => this.afterApi(`claim pods of ${key()}`, () => this.claimPods()),
      recordRevision: () => this.afterApi(`record revision of ${key()}`, () => this.writeRevision()),
      writeStatusOnly: () => this.afterApi(`update status of ${key()}`, () => this.writeStatus(false)),
      createPodBatch: () => this.afterApi(`create pods for ${key()}`, () => this.createBatch()),
      deletePods: () => this.afterApi(`delete pods of ${key()}`, () => this.deletePods()),
      requeueAfterBackoff: () => this.afterApi(`back off ${key()}`, () => this.requeueAfterBackoff()),
      rollNodes: () => this.afterApi(`roll nodes of ${key()}`, () => this.rollNodes()),
      pruneHistory: () => this.afterApi(`prune history of ${key()}`, () => this.pruneHistory()),
      writeStatus: () => this.afterApi(`update status of ${key()}`, () => this.writeStatus(true)),
    };
  }

  private writeRevision(): void {
    const { ds, plan, key } = this.cur;
    const err = recordRevision(this.world, this.actorName, ds!, plan!.revision);
    if (err) {
      // A failed write or a hash collision: retry the whole sync later, with back-off.
      this.cur.error = err;
      this.queue.addRateLimited(key);
      this.cur.phases = ['idle'];
    } else this.setExpectations();
    this.send(
      enter(this.nextPhase()),
      err ? { code: 'sync.failed', params: { key, error: err } } : undefined,
    );
  }

  private cause(node: string, reason: DaemonSetCause['reason']): DaemonSetCause {
    const ds = this.cur.ds!;
    return {
      controller: 'daemonset',
      ownerUid: ds.metadata.uid,
      observedResourceVersion: ds.metadata.resourceVersion,
      node,
      reason,
      // Immutable objects from the cache: what the controller saw when it decided.
      nodeView: this.cur.nodeViews?.has(node)
        ? this.cur.nodeViews.get(node)
        : this.informer.get('Node', node),
      dsView: ds,
      process: this.process,
      plannedAtMs: this.cur.plannedAtMs ?? this.world.now,
      ...(this.cur.rollView &&
      (reason === 'surge' || reason === 'rolling-update' || reason === 'surge-replaced')
        ? { rollView: this.cur.rollView }
        : {}),
    };
  }

  /** One slow-start batch (1, 2, 4, ...); a failed batch skips the rest and lowers expectations. */
  private createBatch(): void {
    const { plan, key } = this.cur;
    const creates = plan!.creates;
    const batch = creates.slice(this.cur.created, this.cur.created + this.cur.batchSize);
    const failed = this.createOn(batch, 'place');
    this.cur.created += batch.length;
    this.cur.batchSize *= 2;
    const skipped = creates.length - this.cur.created;
    if (failed && skipped > 0) {
      for (let i = 0; i < skipped; i++) this.expectations.creationObserved(key);
      this.cur.created = creates.length;
    }
    if (this.cur.created < creates.length) this.cur.phases.unshift('placingPods');
    this.send(enter(this.nextPhase()));
  }

  /** Creates pods on the nodes; returns whether any create failed. */
  private createOn(nodes: readonly string[], reason: 'place' | 'surge'): boolean {
    const { ds, plan, key } = this.cur;
    let failed = false;
    for (const node of nodes) {
      const pod = newDaemonPod(ds!, node, plan!.hash, this.v.autoTolerations);
      const r = this.world.store.create(this.actorName, pod, { cause: this.cause(node, reason) });
      if (r.ok) continue;
      failed = true;
      this.cur.error = r.message;
      this.expectations.creationObserved(key);
    }
    return failed;
  }

  private deletePods(): void {
    this.deleteAll(this.cur.plan!.deletes);
    this.send(enter(this.nextPhase()));
  }

  private deleteAll(deletes: readonly PodDeletion[]): void {
    for (const { pod, reason } of deletes) {
      const node = podNode(pod) ?? '';
      const r = this.world.store.delete(
        this.actorName,
        'Pod',
        `${pod.metadata.namespace}/${pod.metadata.name}`,
        {
          uid: pod.metadata.uid,
          cause: this.cause(node, reason),
        },
      );
      if (r.ok) continue;
      this.expectations.deletionObserved(this.cur.key);
      if (r.code !== 'NotFound') this.cur.error = r.message;
    }
  }

  private requeueAfterBackoff(): void {
    this.queue.addAfter(this.cur.key, this.cur.plan!.requeueAfterMs ?? 0);
    this.send(enter(this.nextPhase()));
  }

  /** The rolling update's syncNodes: surge creates in slow-start batches, then old pods deleted. */
  private rollNodes(): void {
    const creates = this.cur.plan!.creates;
    for (let pos = 0, size = 1; pos < creates.length; pos += size, size *= 2) {
      const batch = creates.slice(pos, pos + size);
      if (this.createOn(batch, 'surge')) {
        const skipped = creates.length - pos - batch.length;
        for (let i = 0; i < skipped; i++) this.expectations.creationObserved(this.cur.key);
        break;
      }
    }
    this.deleteAll(this.cur.plan!.deletes);
    this.send(enter(this.nextPhase()));
  }

  private pruneHistory(): void {
    for (const rev of this.cur.plan!.prune) {
      const r = this.world.store.delete(
        this.actorName,
        'ControllerRevision',
        `${rev.metadata.namespace}/${rev.metadata.name}`,
      );
      if (!r.ok && r.code !== 'NotFound') this.cur.error = r.message;
    }
    this.send(enter(this.nextPhase()));
  }

  /** updateDaemonSetStatus from the cache as it is now; observedGeneration only when expectations allowed managing. */
  private writeStatus(bumpGeneration: boolean): void {
    const { ds, key, plan } = this.cur;
    const fresh = this.informer.get('DaemonSet', key);
    let failed = false;
    if (ds && plan && fresh?.metadata.uid === ds.metadata.uid) {
      const table = this.nodeTable(ds, plan.hash);
      const counts = statusFromTable(ds, table, plan.hash, this.world.now);
      const generation = bumpGeneration ? ds.metadata.generation : (fresh.status?.observedGeneration ?? 0);
      failed = !this.storeStatus(key, fresh, counts, generation);
      const minReady = ds.spec?.minReadySeconds ?? 0;
      if (minReady > 0 && counts.numberReady !== counts.numberAvailable)
        this.queue.addAfter(key, minReady * 1000);
    }
    if (this.cur.error || failed) this.queue.addRateLimited(key);
    else this.queue.forget(key);
    this.send(enter('idle'));
  }

  /** storeDaemonSetStatus: skip when unchanged; on a conflict, GET the DaemonSet and retry once. */
  private storeStatus(
    key: string,
    cached: KObject,
    counts: DaemonSetStatusCounts,
    generation: number,
  ): boolean {
    let target: KObject | undefined = cached;
    for (let attempt = 0; attempt < 2 && target; attempt++) {
      if (!statusChanged(target, counts, generation)) return true;
      const status = { ...target.status, ...counts, observedGeneration: generation };
      const r = this.world.store.updateStatus(this.actorName, { ...target, status });
      if (r.ok) return true;
      target = this.world.store.get('DaemonSet', key);
    }
    return false;
  }
}

/** What the sync plans, for the trace: lists name their first five items and count the rest. */
function describe(key: string, plan: SyncPlan): Decision {
  const deletes = plan.deletes.map((d) => `${d.pod.metadata.name} (${d.reason})`);
  const rolling = !!plan.rolling && !!plan.expect;
  return {
    code: 'daemonset.plan',
    params: {
      key,
      hash: plan.hash,
      expectationsPending: plan.phases.includes('waitingForExpectations'),
      creates: plan.creates.length,
      createOn: plan.creates.slice(0, 5).join(', '),
      createMore: Math.max(0, plan.creates.length - 5),
      deletes: deletes.length,
      deletePods: deletes.slice(0, 5).join(', '),
      deleteMore: Math.max(0, deletes.length - 5),
      rolling,
      rollingNodes: rolling ? plan.deletes.length + plan.creates.length : 0,
      maxSurge: String(plan.rolling?.maxSurge ?? 0),
      maxUnavailable: String(plan.rolling?.maxUnavailable ?? 0),
    },
  };
}

export { dsKey };

function podKeyOf(pod: KObject): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/** The event that moves the sync into `phase`. */
function enter(phase: Phase): DaemonSetEvent {
  return { type: ENTERS[phase] };
}
