/**
 * The Deployment controller (pkg/controller/deployment) on top of the controller host. It reads
 * only its informer cache of Deployments, ReplicaSets and Pods, writes ReplicaSets (create, scale,
 * annotate, delete) and the Deployment's status through the simulated API, and leaves pods to the
 * ReplicaSet controller. Each sync is planned at once (plan.ts) and carried out one API call at a
 * time; every ReplicaSet write carries what the sync saw (DeploymentCause), for the judge.
 * Like Kubernetes it claims the ReplicaSets its selector matches first: a Deployment deleted with
 * --cascade=orphan and created again adopts its old ReplicaSets and reuses the one of its template.
 */

import { compileSelector } from '../../model/labels.ts';
import { newControllerRef } from '../../model/pod.ts';
import type { KObject } from '../../model/types.ts';
import type { DeploymentCause, WatchEvent } from '../../sim/api/types.ts';
import type { World } from '../../sim/world.ts';
import type { Decision } from '../../trace/messages.ts';
import { ControllerBase } from '../shared/base.ts';
import { type ClaimPlan, controllerRefOf, planClaims, withAdoption, withRelease } from '../shared/claim.ts';
import { type DeploymentEvent, deploymentMachine } from './machine.ts';
import { planSync, type RsWrite, type SyncPlan } from './plan.ts';
import { computeStatus, type DeploymentStatus, recheckAfterMs, statusChanged } from './status.ts';
import { equalIgnoreHash, REVISION } from './util.ts';
import type { DeploymentVariant } from './variants.ts';

interface SyncState {
  key: string;
  d?: KObject;
  plan?: SyncPlan;
  next: number;
  /** The ReplicaSets this sync wrote, as the API returned them (made on the first write). */
  written?: Map<string, KObject>;
  collision: boolean;
  plannedAtMs: number;
  /** The Deployment's ReplicaSets as cached when the sync began. */
  sets: readonly KObject[];
  /** Recreate: the pods of those sets as cached when the sync was planned (the cause records them). */
  pods?: readonly KObject[];
  claims: ClaimPlan<KObject>;
}

const NO_CLAIMS: ClaimPlan<KObject> = { owned: [], adopt: [], release: [] };

/**
 * handleErr's maxRetries: a key whose sync failed this many times in a row (NumRequeues) is
 * dropped and forgotten, not requeued, and waits for the next event or a delayed add still pending.
 */
const MAX_RETRIES = 15;

const MOVE: Record<RsWrite['op'], DeploymentEvent> = {
  create: { type: 'CREATE_REPLICASET' },
  update: { type: 'SCALE_REPLICASET' },
  delete: { type: 'DELETE_OLD_REPLICASET' },
};

export class DeploymentController extends ControllerBase<DeploymentEvent> {
  private cur: SyncState = {
    key: '',
    next: 0,
    collision: false,
    plannedAtMs: 0,
    sets: [],
    claims: NO_CLAIMS,
  };

  constructor(
    world: World,
    private readonly v: DeploymentVariant,
  ) {
    super(world, 'deployment', ['Deployment', 'ReplicaSet', 'Pod'], deploymentMachine);
  }

  protected resetState(): void {}

  /**
   * handleErr for a failed sync: requeue with back-off while NumRequeues < maxRetries, else drop
   * the key and Forget it. The count is the key's (namespace/name), so a Deployment deleted and
   * created again under the same name inherits the failures of the old one's syncs.
   */
  private handleErr(key: string): void {
    if (this.queue.numRequeues(key) < MAX_RETRIES) this.queue.addRateLimited(key);
    else this.queue.forget(key);
  }

  protected allKeys(): string[] {
    return [...this.informer.map('Deployment').keys()].sort();
  }

  // ---- informer event handlers ----

  protected onEvent(ev: WatchEvent): void {
    if (ev.kind === 'Deployment') return this.queue.add(ev.key);
    if (ev.kind === 'ReplicaSet') {
      const owner = this.ownerKey(ev.object);
      if (owner) this.queue.add(owner);
      const old = ev.old && this.ownerKey(ev.old);
      if (old && old !== owner) this.queue.add(old);
      return;
    }
    // deletePod: a Recreate rollout waits for the last old pod to go.
    if (ev.kind === 'Pod' && ev.type === 'DELETED') {
      const rsRef = controllerRefOf(ev.object);
      if (rsRef?.kind !== 'ReplicaSet') return;
      const rs = this.informer.get('ReplicaSet', `${ev.object.metadata.namespace}/${rsRef.name}`);
      const key = rs && this.ownerKey(rs);
      const d = key ? this.informer.get('Deployment', key) : undefined;
      if (key && d?.spec?.strategy?.type === 'Recreate') this.queue.add(key);
    }
  }

  /** The key of the cached Deployment controlling `rs` (resolveControllerRef), if any. */
  private ownerKey(rs: KObject): string | undefined {
    const ref = controllerRefOf(rs);
    if (ref?.kind !== 'Deployment') return undefined;
    const key = `${rs.metadata.namespace}/${ref.name}`;
    return this.informer.get('Deployment', key)?.metadata.uid === ref.uid ? key : undefined;
  }

  /** A sync walks the namespace's ReplicaSets and, for Recreate, their pods. */
  protected override syncCost(_key: string): number {
    return 1 + this.informer.map('ReplicaSet').size;
  }

  // ---- one sync ----

  protected sync(key: string): void {
    const d = this.informer.get('Deployment', key);
    // Named only in trace lines (none are recorded in a lean run).
    if (this.tracing) this.syncing = `deployment/${key.slice(key.indexOf('/') + 1)}`;
    this.cur = {
      key,
      next: 0,
      collision: false,
      plannedAtMs: this.now,
      sets: [],
      claims: NO_CLAIMS,
    };
    if (!d) return this.send({ type: 'OWNER_GONE' }, { code: 'sync.gone', params: { key } });
    this.cur.d = d;
    // getReplicaSetsForDeployment: ReplicaSets the selector matches are claimed (ClaimReplicaSets).
    const claims = planClaims(
      this.informer.list('ReplicaSet').filter((rs) => rs.metadata.namespace === d.metadata.namespace),
      {
        ownerUid: d.metadata.uid,
        ownerDeleting: !!d.metadata.deletionTimestamp,
        selector: compileSelector(d.spec?.selector),
      },
    );
    this.cur.claims = claims;
    if (claims.adopt.length + claims.release.length > 0) {
      const params = { key, adopt: claims.adopt.length, release: claims.release.length, revisions: 0 };
      return this.send({ type: 'CLAIM_REPLICASETS' }, { code: 'sync.claims', params });
    }
    this.plan(claims.owned);
  }

  /** Plans the sync from the Deployment's ReplicaSets and sends its first move. */
  private plan(sets: readonly KObject[]): void {
    const d = this.cur.d!;
    this.cur.sets = sets;
    this.cur.pods = d.spec?.strategy?.type === 'Recreate' ? this.cachedPods(sets) : undefined;
    this.cur.plan = planSync({
      d,
      sets,
      oldPodsRunning: this.oldPodsRunningOf(sets),
      nowMs: this.now,
      v: this.v,
    });
    this.send(this.nextMove(), this.tracing ? this.describe(this.cur.plan) : undefined);
  }

  /**
   * Adopts orphans (after an uncached GET that the Deployment is still there and not being
   * deleted: RecheckDeletionTimestamp) and releases sets that stopped matching, then plans.
   */
  private claim(): void {
    const d = this.cur.d!;
    const { owned, adopt, release } = this.cur.claims;
    const fresh = this.world.store.get('Deployment', this.cur.key);
    const canAdopt = !!fresh && fresh.metadata.uid === d.metadata.uid && !fresh.metadata.deletionTimestamp;
    const ref = newControllerRef({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: d.metadata });
    const sets = [...owned];
    let failed = adopt.length > 0 && !canAdopt;
    for (const rs of canAdopt ? adopt : []) {
      const r = this.world.store.patch(
        this.actorName,
        'ReplicaSet',
        keyOf(rs),
        (o) => withAdoption(o, ref, false),
        // No adoption cause: the judge reads a ReplicaSet's adoption from the store's copy.
        { uid: rs.metadata.uid },
      );
      if (r.ok) sets.push(r.obj);
      else if (r.code !== 'NotFound') failed = true;
    }
    for (const rs of release) {
      const r = this.world.store.patch(
        this.actorName,
        'ReplicaSet',
        keyOf(rs),
        (o) => withRelease(o, d.metadata.uid),
        {
          uid: rs.metadata.uid,
        },
      );
      if (!r.ok && r.code !== 'NotFound' && r.code !== 'Invalid') failed = true;
    }
    if (failed) return this.send({ type: 'CLAIM_FAILED' });
    this.plan(sets);
  }

  /** The cached pods of the sets, set by set. */
  private cachedPods(sets: readonly KObject[]): KObject[] {
    return sets.flatMap((rs) => [...this.informer.podsOwnedBy(rs.metadata.uid).values()]);
  }

  /**
   * The planner's oldPodsRunning over `sets`. Built here rather than as an arrow in the plan's
   * object literal: tsx (esbuild keepNames) names every such property function, at a cost per sync.
   */
  private oldPodsRunningOf(sets: readonly KObject[]): (newName: string | undefined) => boolean {
    return (newName) => this.oldPodsRunning(sets, newName);
  }

  /** Recreate's oldPodsRunning: a pod of an old ReplicaSet that is not Succeeded or Failed. */
  private oldPodsRunning(sets: readonly KObject[], newName: string | undefined): boolean {
    for (const rs of sets) {
      if (rs.metadata.name === newName) continue;
      for (const pod of this.informer.podsOwnedBy(rs.metadata.uid).values()) {
        const phase = pod.status?.phase;
        if (phase !== 'Succeeded' && phase !== 'Failed') return true;
      }
    }
    return false;
  }

  private nextMove(): DeploymentEvent {
    const plan = this.cur.plan!;
    const w = plan.writes[this.cur.next];
    if (w) return MOVE[w.op];
    return { type: plan.waitingForOldPods ? 'WAIT_FOR_OLD_PODS' : 'WRITE_STATUS' };
  }

  /** What the sync decided, for the trace: the step, the new ReplicaSet and the writes. */
  private describe(plan: SyncPlan): Decision {
    const d = this.cur.d!;
    const shown = plan.writes
      .slice(0, 5)
      .map((w) =>
        w.op === 'delete' ? `delete ${w.rs.metadata.name}` : `${w.rs.metadata.name} ${w.from}→${w.to}`,
      );
    return {
      code: 'deployment.plan',
      params: {
        key: this.cur.key,
        strategy: d.spec?.strategy?.type ?? 'RollingUpdate',
        paused: !!d.spec?.paused,
        step: plan.waitingForOldPods ? 'waitForOldPods' : plan.step,
        newReplicaSet: plan.newReplicaSet ?? '-',
        writes: shown.join(', '),
        count: plan.writes.length,
        more: Math.max(0, plan.writes.length - 5),
      },
    };
  }

  protected actions(): Record<string, () => void> {
    return {
      // syncDeployment returns nil for a Deployment gone from the cache: handleErr forgets the key.
      forgetDeployment: () => this.queue.forget(this.cur.key),
      adoptAndReleaseReplicaSets: () =>
        this.afterApi(`claim replica sets of ${this.cur.key}`, () => this.claim()),
      countCollision: () => {
        this.cur.collision = true;
      },
      requeueWithBackoff: () => this.handleErr(this.cur.key),
      createReplicaSet: () => this.afterApi(`create replica set for ${this.cur.key}`, () => this.create()),
      writeReplicaSet: () => this.afterApi(`update replica set of ${this.cur.key}`, () => this.update()),
      deleteReplicaSet: () => this.afterApi(`delete replica set of ${this.cur.key}`, () => this.remove()),
      writeStatus: () => this.statusStep(),
    };
  }

  private cause(w: RsWrite): DeploymentCause {
    const d = this.cur.d!;
    const cause: DeploymentCause = {
      controller: 'deployment',
      reason: w.reason,
      ownerUid: d.metadata.uid,
      observedResourceVersion: d.metadata.resourceVersion,
      observedDeployment: d,
      observedReplicaSets: w.view,
      newReplicaSet: this.cur.plan!.newReplicaSet,
      plannedAtMs: this.cur.plannedAtMs,
    };
    if (this.cur.pods) cause.observedPods = this.cur.pods;
    return cause;
  }

  private advance(): void {
    this.cur.next++;
    this.send(this.nextMove());
  }

  /** Creates the new ReplicaSet; a name taken by another template is a collision (kubernetes#29735). */
  private create(): void {
    const w = this.cur.plan!.writes[this.cur.next]!;
    const { metadata, ...rest } = w.rs;
    const { uid: _u, resourceVersion: _r, generation: _g, creationTimestamp: _c, ...meta } = metadata;
    const r = this.world.store.create(this.actorName, { ...rest, metadata: meta } as KObject, {
      cause: this.cause(w),
    });
    if (r.ok) {
      this.remember(r.obj);
      return this.advance();
    }
    if (r.code !== 'AlreadyExists') return this.send({ type: 'WRITE_FAILED' });
    const key = `${w.rs.metadata.namespace}/${w.rs.metadata.name}`;
    const existing = this.informer.get('ReplicaSet', key);
    const d = this.cur.d!;
    const ours =
      !!existing &&
      controllerRefOf(existing)?.uid === d.metadata.uid &&
      equalIgnoreHash(existing.spec?.template, d.spec?.template);
    // Ours with the same template (a stale cache): the next sync finds it as the new ReplicaSet.
    // Not in the cache yet: retry later. Anything else takes the name: count the collision.
    if (ours && this.v.reuseOnRollback) return this.send({ type: 'WRITE_FAILED' });
    if (!existing || !this.v.collisionCount) return this.send({ type: 'WRITE_FAILED' });
    this.send({ type: 'NAME_COLLISION' });
  }

  private remember(rs: KObject): void {
    this.cur.written ??= new Map();
    this.cur.written.set(rs.metadata.name, rs);
  }

  /** One ReplicaSet update; a set this sync wrote before is written over its new resourceVersion. */
  private update(): void {
    const w = this.cur.plan!.writes[this.cur.next]!;
    const fresh = this.cur.written?.get(w.rs.metadata.name);
    const metadata = fresh
      ? { ...w.rs.metadata, uid: fresh.metadata.uid, resourceVersion: fresh.metadata.resourceVersion }
      : w.rs.metadata;
    const r = this.world.store.update(this.actorName, { ...w.rs, metadata }, { cause: this.cause(w) });
    if (r.ok) this.remember(r.obj);
    else if (r.code !== 'NotFound') return this.send({ type: 'WRITE_FAILED' });
    this.advance();
  }

  private remove(): void {
    const w = this.cur.plan!.writes[this.cur.next]!;
    const key = `${w.rs.metadata.namespace}/${w.rs.metadata.name}`;
    const r = this.world.store.delete(this.actorName, 'ReplicaSet', key, {
      uid: w.rs.metadata.uid,
      cause: this.cause(w),
    });
    if (!r.ok && r.code !== 'NotFound') return this.send({ type: 'WRITE_FAILED' });
    this.advance();
  }

  /** The status this sync ends with (computed from what it holds: Kubernetes' calculateStatus). */
  private nextStatus(): DeploymentStatus {
    const d = this.cur.d!;
    const plan = this.cur.plan!;
    // After a collision nothing was written: the status is the cached sets' with one more collision.
    const collided = this.cur.collision;
    const sets = collided ? this.cur.sets : plan.sets;
    return computeStatus({
      d,
      sets,
      newRS: collided ? undefined : sets.find((s) => s.metadata.name === plan.newReplicaSet),
      created: plan.created && !collided,
      rollout: plan.step === 'rolling' || plan.step === 'recreate',
      nowMs: this.now,
      v: this.v,
      collisionCount: collided ? (d.status?.collisionCount ?? 0) + 1 : undefined,
    });
  }

  /**
   * The writingStatus entry: an unchanged status (and revision) is not written, so the sync ends
   * without an API call, as in Kubernetes; otherwise the writes take a round trip.
   */
  private statusStep(): void {
    const d = this.cur.d!;
    const rev = this.cur.plan!.revision;
    const revisionChanges = rev !== undefined && d.metadata.annotations?.[REVISION] !== rev;
    // Computed before the call, as syncRolloutStatus does; written after the round trip.
    const status = this.nextStatus();
    const changed = statusChanged(d, status);
    if (this.cur.collision || revisionChanges || changed)
      return this.afterApi(`update status of ${this.cur.key}`, () => this.writeStatus(status, changed));
    this.endSync(status, false);
  }

  /** Status, then the revision annotation; requeue so a stalled rollout times out on time. */
  private writeStatus(status: DeploymentStatus, changed: boolean): void {
    const d = this.cur.d!;
    let failed = this.cur.collision;
    if (changed) {
      const r = this.world.store.updateStatus(this.actorName, { ...d, status });
      if (!r.ok) failed = true;
    }
    const rev = this.cur.plan!.revision;
    if (!failed && rev !== undefined && d.metadata.annotations?.[REVISION] !== rev) {
      const r = this.world.store.patch(
        this.actorName,
        'Deployment',
        this.cur.key,
        (o) => ({
          ...o,
          metadata: { ...o.metadata, annotations: { ...(o.metadata.annotations ?? {}), [REVISION]: rev } },
        }),
        { uid: d.metadata.uid },
      );
      if (!r.ok && r.code !== 'NotFound') failed = true;
    }
    this.endSync(status, failed);
  }

  private endSync(status: DeploymentStatus, failed: boolean): void {
    if (failed) this.handleErr(this.cur.key);
    else {
      this.queue.forget(this.cur.key);
      const after = recheckAfterMs(this.cur.d!, status, this.now);
      if (after !== undefined) this.queue.addAfter(this.cur.key, after);
    }
    this.send({ type: 'SYNC_DONE' });
  }
}

function keyOf(o: KObject): string {
  return `${o.metadata.namespace}/${o.metadata.name}`;
}
