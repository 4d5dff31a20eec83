/**
 * The pure part of the Deployment controller: one sync (syncDeployment in sync.go, rolloutRolling
 * in rolling.go, rolloutRecreate in recreate.go) as the ordered list of ReplicaSet writes it makes.
 * Kubernetes carries each written ReplicaSet into the next call of the same sync; the planner does
 * the same on its own copies, so every write is decided from what the sync holds at that moment.
 */
import { computeHash } from '../../model/hash.ts';
import { newControllerRef } from '../../model/pod.ts';
import { formatTimestamp } from '../../model/time.ts';
import type { KObject } from '../../model/types.ts';
import type { DeploymentCause } from '../../sim/api/types.ts';
import {
  byCreation,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  DESIRED_REPLICAS,
  equalIgnoreHash,
  findNewReplicaSet,
  HASH_LABEL,
  inCreationOrder,
  isRollingUpdate,
  maxRevision,
  maxSurgeOf,
  maxUnavailableOf,
  needsAnnotations,
  proportion,
  REVISION,
  replicasAnnotations,
  replicasOf,
  revisionOf,
} from './util.ts';
import type { DeploymentVariant } from './variants.ts';

export type WriteReason = DeploymentCause['reason'];

/** One ReplicaSet write of the sync: the object to write and the sets as the sync held them before it. */
export interface RsWrite {
  op: 'create' | 'update' | 'delete';
  rs: KObject;
  reason: WriteReason;
  from: number;
  to: number;
  view: KObject[];
}

export type SyncStep = 'deleting' | 'scale' | 'rolling' | 'recreate';

export interface SyncPlan {
  step: SyncStep;
  writes: RsWrite[];
  /** Name of the new ReplicaSet (planned or existing), if any. */
  newReplicaSet: string | undefined;
  /** The revision the Deployment's annotation should carry (the new ReplicaSet's). */
  revision: string | undefined;
  /** Whether the sync created the new ReplicaSet (Progressing: NewReplicaSetCreated). */
  created: boolean;
  /** Recreate: old pods still run, so the new ReplicaSet waits. */
  waitingForOldPods: boolean;
  /** The Deployment's ReplicaSets after the writes, as the sync holds them (for status). */
  sets: KObject[];
}

export interface SyncInput {
  d: KObject;
  /** The Deployment's ReplicaSets (controlled by it) as cached. */
  sets: readonly KObject[];
  /** Recreate: whether a pod of an old ReplicaSet is not yet terminal (pods of `newName` excluded). */
  oldPodsRunning: (newName: string | undefined) => boolean;
  nowMs: number;
  v: DeploymentVariant;
}

/** Plans one sync of a Deployment. */
export function planSync(input: SyncInput): SyncPlan {
  const p = new Planner(input);
  const d = input.d;
  if (d.metadata.deletionTimestamp) p.statusOnly();
  else if (d.spec?.paused || p.isScalingEvent()) p.scaleSync();
  else if (isRollingUpdate(d)) p.rolling();
  else p.recreate();
  return p.result();
}

class Planner {
  private sets: KObject[];
  private readonly writes: RsWrite[] = [];
  private newName: string | undefined;
  private revision: string | undefined;
  private created = false;
  private waiting = false;
  private step: SyncStep = 'rolling';
  /** MaxSurge, MaxUnavailable and SetReplicasAnnotations' values: one Deployment a sync, worked out once. */
  private surge: number | undefined;
  private unavailable: number | undefined;
  private annotations: Record<string, string> | undefined;

  constructor(private readonly input: SyncInput) {
    this.sets = [...input.sets].sort(byCreation);
  }

  private get d(): KObject {
    return this.input.d;
  }

  private get v(): DeploymentVariant {
    return this.input.v;
  }

  private get maxSurge(): number {
    this.surge ??= maxSurgeOf(this.d, this.v);
    return this.surge;
  }

  private get maxUnavailable(): number {
    this.unavailable ??= maxUnavailableOf(this.d, this.v);
    return this.unavailable;
  }

  private get wantAnnotations(): Record<string, string> {
    this.annotations ??= replicasAnnotations(this.d, this.v, this.maxSurge);
    return this.annotations;
  }

  result(): SyncPlan {
    return {
      step: this.step,
      writes: this.writes,
      newReplicaSet: this.newName,
      revision: this.revision,
      created: this.created,
      waitingForOldPods: this.waiting,
      sets: this.sets,
    };
  }

  /** The new and the old sets of `sets` as last split (a sync asks many times between two writes). */
  private split: { sets: KObject[]; name: string | undefined; newRS?: KObject; old: KObject[] } | undefined;

  private get newRS(): KObject | undefined {
    return this.splitSets().newRS;
  }

  /** The old sets, oldest first (callers may not change the array). */
  private get oldRSs(): readonly KObject[] {
    return this.splitSets().old;
  }

  private splitSets(): { newRS?: KObject; old: KObject[] } {
    const { sets, newName } = this;
    if (this.split?.sets === sets && this.split.name === newName) return this.split;
    const old: KObject[] = [];
    let newRS: KObject | undefined;
    for (const s of sets) {
      if (s.metadata.name !== newName) old.push(s);
      else newRS ??= s;
    }
    this.split = { sets, name: newName, newRS, old };
    return this.split;
  }

  private record(op: RsWrite['op'], rs: KObject, reason: WriteReason, from: number, to: number): void {
    this.writes.push({ op, rs, reason, from, to, view: this.sets });
    const i = this.sets.findIndex((s) => s.metadata.name === rs.metadata.name);
    if (op === 'delete') this.sets = this.sets.filter((_, j) => j !== i);
    else if (i >= 0) this.sets = this.sets.map((s, j) => (j === i ? rs : s));
    else this.sets = [...this.sets, rs];
  }

  // ---- getAllReplicaSetsAndSyncRevision / getNewReplicaSet ----

  /** The existing new ReplicaSet: the oldest with the Deployment's template (mutant f: the newest revision only). */
  private findNew(): KObject | undefined {
    if (this.v.reuseOnRollback) return findNewReplicaSet(this.d, this.sets);
    const newest = [...this.sets].sort(byRevision).at(-1);
    return newest && equalIgnoreHash(newest.spec?.template, this.d.spec?.template) ? newest : undefined;
  }

  /** Finds (and annotates) the new ReplicaSet, or plans its creation when `create`. */
  private syncRevision(create: boolean): KObject | undefined {
    const existing = this.findNew();
    const others = this.sets.filter((s) => s !== existing);
    const newRevision = String(maxRevision(others) + 1);
    if (existing) {
      this.newName = existing.metadata.name;
      let rs = existing;
      const minReady = this.d.spec?.minReadySeconds ?? 0;
      if (revisionOf(existing) < Number(newRevision) || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
        const annotations = { ...(existing.metadata.annotations ?? {}) };
        if (revisionOf(existing) < Number(newRevision)) annotations[REVISION] = newRevision;
        rs = {
          ...existing,
          metadata: { ...existing.metadata, annotations },
          spec: { ...existing.spec, minReadySeconds: minReady },
        };
        this.record('update', rs, 'annotate-new', replicasOf(existing), replicasOf(existing));
      }
      this.revision = rs.metadata.annotations?.[REVISION];
      return rs;
    }
    if (!create) return undefined;
    const rs = this.newReplicaSetObject(newRevision);
    this.newName = rs.metadata.name;
    this.created = true;
    this.revision = newRevision;
    this.record('create', rs, 'create-new', 0, replicasOf(rs));
    return rs;
  }

  /** The ReplicaSet of the Deployment's template: hash label on selector and template, sized by NewRSNewReplicas. */
  private newReplicaSetObject(revision: string): KObject {
    const d = this.d;
    const tmpl = d.spec?.template ?? {};
    const hash = templateHash(tmpl, d.status?.collisionCount ?? 0);
    const labels = { ...(tmpl.metadata?.labels ?? {}), [HASH_LABEL]: hash };
    const selector = d.spec?.selector ?? {};
    const planned: KObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        uid: '',
        resourceVersion: '',
        generation: 1,
        creationTimestamp: formatTimestamp(this.input.nowMs),
        labels,
        annotations: { [REVISION]: revision, ...this.wantAnnotations },
        ownerReferences: [
          newControllerRef({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: d.metadata }),
        ],
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec?.minReadySeconds ?? 0,
        selector: { ...selector, matchLabels: { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash } },
        template: { ...tmpl, metadata: { ...(tmpl.metadata ?? {}), labels } },
      },
    } as KObject;
    return { ...planned, spec: { ...planned.spec, replicas: this.newRSNewReplicas(planned) } };
  }

  private newRSNewReplicas(newRS: KObject): number {
    const others = this.sets.filter((s) => s.metadata.name !== newRS.metadata.name);
    return newRSNewReplicas(this.d, [...others, newRS], newRS, this.v, this.maxSurge);
  }

  // ---- scaling a ReplicaSet ----

  /** scaleReplicaSet: size and the desired/max annotations; true when the size changed. */
  private scaleTo(rs: KObject, to: number, reason: WriteReason, annotateOnly = true): boolean {
    const sizeChanges = replicasOf(rs) !== to;
    if (!sizeChanges && !annotateOnly) return false;
    const want = this.wantAnnotations;
    if (!sizeChanges && !needsAnnotations(rs, want)) return false;
    // Annotations that already say so are kept as they are (the same values, the same keys).
    const annotations = needsAnnotations(rs, want)
      ? { ...(rs.metadata.annotations ?? {}), ...want }
      : rs.metadata.annotations;
    const next: KObject = {
      ...rs,
      metadata: { ...rs.metadata, annotations },
      spec: { ...rs.spec, replicas: to },
    };
    this.record('update', next, reason, replicasOf(rs), to);
    return sizeChanges;
  }

  /** scaleReplicaSetAndRecordEvent: nothing when the size is already right. */
  private scaleIfNeeded(rs: KObject, to: number, reason: WriteReason): boolean {
    return replicasOf(rs) !== to && this.scaleTo(rs, to, reason);
  }

  // ---- sync(): scaling events and paused Deployments ----

  /** isScalingEvent: an active ReplicaSet was sized for another spec.replicas. */
  isScalingEvent(): boolean {
    for (const rs of this.sets) {
      if (replicasOf(rs) === 0) continue;
      const raw = rs.metadata.annotations?.[DESIRED_REPLICAS];
      if (raw !== undefined && Number(raw) !== replicasOf(this.d)) return true;
    }
    return false;
  }

  statusOnly(): void {
    this.step = 'deleting';
    this.syncRevision(false);
  }

  scaleSync(): void {
    this.step = 'scale';
    this.syncRevision(false);
    this.scale();
    if (this.d.spec?.paused) this.cleanup();
  }

  /** scale(): one active set takes the change; a saturated new set empties the old; else proportionally. */
  private scale(): void {
    const d = this.d;
    const desired = replicasOf(d);
    const only = this.activeOrLatest();
    if (only) {
      // Upstream returns when the size is right, even if the desired-replicas annotation is stale,
      // and that annotation keeps isScalingEvent true for ever (kubernetes#138036): refresh it.
      if (replicasOf(only) !== desired || this.v.refreshScaleAnnotations)
        this.scaleTo(only, desired, 'proportional');
      return;
    }
    const newRS = this.newRS;
    if (newRS && isSaturated(d, newRS)) {
      for (const rs of this.oldRSs) this.scaleIfNeeded(rs, 0, 'proportional');
      return;
    }
    if (!isRollingUpdate(d)) return;
    const active = this.sets.filter((s) => replicasOf(s) > 0);
    const allowed = desired > 0 ? desired + this.maxSurge : 0;
    const toAdd = allowed - active.reduce((n, s) => n + replicasOf(s), 0);
    const sizes =
      this.v.scaling === 'proportional' ? this.proportional(active, toAdd) : this.toNewest(active, toAdd);
    const order = [...active].sort(toAdd > 0 ? bySizeNewer : bySizeOlder);
    for (const rs of order) this.scaleTo(rs, sizes.get(rs.metadata.name) ?? replicasOf(rs), 'proportional');
  }

  /** The new sizes, by GetProportion, leftovers to the largest set. */
  private proportional(active: KObject[], toAdd: number): Map<string, number> {
    const order = [...active].sort(toAdd > 0 ? bySizeNewer : bySizeOlder);
    const sizes = new Map<string, number>();
    let added = 0;
    for (const rs of order) {
      const share = toAdd === 0 ? 0 : proportion(rs, this.d, toAdd, added, this.v);
      sizes.set(rs.metadata.name, replicasOf(rs) + share);
      added += share;
    }
    const first = order[0];
    if (first && toAdd !== 0) {
      const name = first.metadata.name;
      sizes.set(name, Math.max(0, sizes.get(name)! + toAdd - added));
    }
    return sizes;
  }

  /** Mutant (c): the whole change to the newest active set. */
  private toNewest(active: KObject[], toAdd: number): Map<string, number> {
    const sizes = new Map(active.map((s) => [s.metadata.name, replicasOf(s)] as const));
    const newest = [...active].sort(byCreation).at(-1);
    if (newest) sizes.set(newest.metadata.name, Math.max(0, replicasOf(newest) + toAdd));
    return sizes;
  }

  /** FindActiveOrLatest: the one active set, or (none active) the new or the newest old one. */
  private activeOrLatest(): KObject | undefined {
    const active = this.sets.filter((s) => replicasOf(s) > 0);
    if (active.length === 1) return active[0];
    if (active.length > 1) return undefined;
    return this.newRS ?? inCreationOrder(this.oldRSs).at(-1);
  }

  // ---- rolloutRolling ----

  rolling(): void {
    this.step = 'rolling';
    this.syncRevision(true);
    if (this.reconcileNew()) return;
    if (this.reconcileOld()) return;
    if (deploymentComplete(this.d, this.d.status ?? {})) this.cleanup();
  }

  /** reconcileNewReplicaSet: scale the new set up within maxSurge (or down to spec.replicas). */
  private reconcileNew(): boolean {
    const newRS = this.newRS;
    if (!newRS) return false;
    const desired = replicasOf(this.d);
    if (replicasOf(newRS) === desired) return false;
    if (replicasOf(newRS) > desired) return this.scaleIfNeeded(newRS, desired, 'scale-new');
    return this.scaleIfNeeded(newRS, this.newRSNewReplicas(newRS), 'scale-new');
  }

  /** reconcileOldReplicaSets: unhealthy old replicas first, then old ones within maxUnavailable. */
  private reconcileOld(): boolean {
    const old = this.oldRSs.filter((s) => replicasOf(s) > 0);
    if (old.reduce((n, s) => n + replicasOf(s), 0) === 0) return false;
    const all = this.sets.reduce((n, s) => n + replicasOf(s), 0);
    const minAvailable = replicasOf(this.d) - this.maxUnavailable;
    const newRS = this.newRS;
    const newUnavailable = newRS ? replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0) : 0;
    const maxScaledDown = all - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return false;
    const cleaned = this.v.cleanupUnhealthy ? this.cleanupUnhealthy(maxScaledDown) : 0;
    const scaled = this.scaleDownOld();
    return cleaned + scaled > 0;
  }

  /** cleanupUnhealthyReplicas: old sets lose their unavailable replicas, oldest set first. */
  private cleanupUnhealthy(maxCleanup: number): number {
    let total = 0;
    for (const name of this.oldNamesByCreation()) {
      if (total >= maxCleanup) break;
      const rs = this.byName(name);
      const unavailable = replicasOf(rs) - (rs.status?.availableReplicas ?? 0);
      if (replicasOf(rs) === 0 || unavailable <= 0) continue;
      const down = Math.min(maxCleanup - total, unavailable);
      this.scaleTo(rs, replicasOf(rs) - down, 'cleanup-unhealthy');
      total += down;
    }
    return total;
  }

  /** scaleDownOldReplicaSetsForRollingUpdate: down to what keeps minAvailable available. */
  private scaleDownOld(): number {
    const minAvailable = replicasOf(this.d) - this.maxUnavailable;
    const available = this.sets.reduce((n, s) => n + (s.status?.availableReplicas ?? 0), 0);
    if (available <= minAvailable) return 0;
    const budget = available - minAvailable;
    let total = 0;
    for (const name of this.oldNamesByCreation()) {
      if (total >= budget) break;
      const rs = this.byName(name);
      if (replicasOf(rs) === 0) continue;
      const down = Math.min(replicasOf(rs), budget - total);
      this.scaleTo(rs, replicasOf(rs) - down, 'scale-down-old');
      total += down;
    }
    return total;
  }

  private oldNamesByCreation(): string[] {
    return inCreationOrder(this.oldRSs.filter((s) => replicasOf(s) > 0)).map((s) => s.metadata.name);
  }

  private byName(name: string): KObject {
    return this.sets.find((s) => s.metadata.name === name)!;
  }

  // ---- rolloutRecreate ----

  recreate(): void {
    this.step = 'recreate';
    this.syncRevision(false);
    let scaledDown = false;
    for (const rs of this.oldRSs.filter((s) => replicasOf(s) > 0))
      if (this.scaleIfNeeded(rs, 0, 'recreate-scale-down')) scaledDown = true;
    if (scaledDown) return;
    if (this.v.recreateWaits && this.oldRunning()) {
      this.waiting = true;
      return;
    }
    const newRS = this.newRS ?? this.syncRevision(true);
    if (newRS) this.scaleIfNeeded(this.byName(newRS.metadata.name), replicasOf(this.d), 'recreate-scale-up');
    if (deploymentComplete(this.d, this.d.status ?? {})) this.cleanup();
  }

  /** oldPodsRunning: old sets still report replicas, or one of their pods is not terminal. */
  private oldRunning(): boolean {
    if (this.oldRSs.some((s) => (s.status?.replicas ?? 0) > 0)) return true;
    return this.input.oldPodsRunning(this.newName);
  }

  // ---- cleanupDeployment ----

  /** Old sets beyond revisionHistoryLimit, lowest revision first, if fully scaled down and observed. */
  private cleanup(): void {
    if (!this.v.historyCleanup) return;
    const limit = this.d.spec?.revisionHistoryLimit;
    if (limit === undefined || limit === null) return;
    const cleanable = this.oldRSs.filter((s) => !s.metadata.deletionTimestamp).sort(byRevision);
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i]!;
      const busy =
        (rs.status?.replicas ?? 0) !== 0 ||
        replicasOf(rs) !== 0 ||
        rs.metadata.generation > (rs.status?.observedGeneration ?? 0);
      if (!busy) this.record('delete', rs, 'history-cleanup', 0, 0);
    }
  }
}

/** pod-template-hash values by template object and collision count (stored templates never change). */
const hashes = new WeakMap<object, Map<number, string>>();

/** ComputeHash(template, collisionCount), remembered: a rollout's syncs plan the same new ReplicaSet. */
function templateHash(template: object, collisionCount: number): string {
  let byCount = hashes.get(template);
  if (!byCount) {
    byCount = new Map();
    hashes.set(template, byCount);
  }
  let hash = byCount.get(collisionCount);
  if (hash === undefined) {
    hash = computeHash(template, collisionCount);
    byCount.set(collisionCount, hash);
  }
  return hash;
}

/**
 * NewRSNewReplicas: Recreate takes every replica at once; RollingUpdate what maxSurge leaves room
 * for over the replicas all sets (`allRSs`) ask for, never past spec.replicas.
 */
export function newRSNewReplicas(
  d: KObject,
  allRSs: readonly KObject[],
  newRS: KObject,
  v: DeploymentVariant,
  maxSurge = maxSurgeOf(d, v),
): number {
  const desired = replicasOf(d);
  if (!isRollingUpdate(d)) return desired;
  const current =
    v.surgeCounts === 'new-only' ? replicasOf(newRS) : allRSs.reduce((n, s) => n + replicasOf(s), 0);
  const maxTotal = desired + maxSurge;
  if (current >= maxTotal) return replicasOf(newRS);
  return replicasOf(newRS) + Math.min(maxTotal - current, desired - replicasOf(newRS));
}

/** IsSaturated: the new set holds every replica, was sized for them, and all are available. */
export function isSaturated(d: KObject, rs: KObject): boolean {
  const desired = replicasOf(d);
  return (
    replicasOf(rs) === desired &&
    Number(rs.metadata.annotations?.[DESIRED_REPLICAS]) === desired &&
    (rs.status?.availableReplicas ?? 0) === desired
  );
}

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: KObject, status: Record<string, number | undefined>): boolean {
  const desired = replicasOf(d);
  return (
    (status.updatedReplicas ?? 0) === desired &&
    (status.replicas ?? 0) === desired &&
    (status.availableReplicas ?? 0) === desired &&
    (status.observedGeneration ?? 0) >= d.metadata.generation
  );
}
