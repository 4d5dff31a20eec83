/**
 * The StatefulSet controller (pkg/controller/statefulset) on the controller host. It reads only its
 * informer cache (plus an uncached GET of the set before adopting, and of a revision on a name
 * clash), uses no expectations, and drives the machine in machine.ts: claim pods, sync revisions,
 * then execute the plan (plan.ts) one kind of write per state, then status and history.
 */

import { compileSelector, selectorMatches } from '../../model/labels.ts';
import { nextAvailabilityCheckMs } from '../../model/pod.ts';
import type { KObject } from '../../model/types.ts';
import type { WatchEvent } from '../../sim/api/types.ts';
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
import { adoptRevisions, type CurrentRevisionPlan, type RevisionObject } from '../shared/history.ts';
import { claimTemplates, isMember, isRunningAndReady } from './identity.ts';
import { ENTERS, type Next, PHASE_OF, type StatefulSetEvent, statefulSetMachine } from './machine.ts';
import { planSync, type Revisions, type SyncPlan } from './plan.ts';
import {
  historyToPrune,
  orphanRevisions,
  ownedRevisions,
  planUpdateRevision,
  resolveRevisions,
  writeUpdateRevision,
} from './revisions.ts';
import { type LastStatusWrite, StatefulSetSync, type SyncState } from './sync.ts';
import type { StatefulSetVariant } from './variants.ts';

export class StatefulSetController extends ControllerBase<StatefulSetEvent> {
  private cur: SyncState | undefined;
  /** The last status this process wrote, per set (what a lagging cache does not show yet). */
  private lastStatus = new Map<string, LastStatusWrite>();
  /** A status phase was entered with nothing to write: it ends as soon as the send returns. */
  private statusInline = false;
  private readonly filters = new Map<string, (p: KObject) => boolean>();

  constructor(
    world: World,
    private readonly v: StatefulSetVariant,
  ) {
    super(
      world,
      'statefulset',
      ['StatefulSet', 'Pod', 'ControllerRevision', 'PersistentVolumeClaim'],
      statefulSetMachine,
    );
  }

  protected resetState(): void {
    this.cur = undefined;
    this.lastStatus = new Map();
    this.statusInline = false;
  }

  protected allKeys(): string[] {
    return [...this.informer.map('StatefulSet').keys()].sort();
  }

  // ---- informer event handlers ----

  protected onEvent(ev: WatchEvent): void {
    if (ev.kind === 'StatefulSet') return this.queue.add(ev.key);
    if (ev.kind === 'Pod') return this.onPod(ev);
    // Not in Kubernetes (the scheduler's volume binding makes a pod event there): a claim that goes
    // away wakes its set, so a pending pod gets its claim back.
    if (
      ev.kind === 'PersistentVolumeClaim' &&
      (ev.type === 'DELETED' || ev.object.metadata.deletionTimestamp)
    ) {
      for (const set of this.informer.list('StatefulSet')) {
        const prefixes = claimTemplates(set).map((t) => `${t.metadata.name}-${set.metadata.name}-`);
        if (prefixes.some((p) => ev.object.metadata.name.startsWith(p))) this.queue.add(setKey(set));
      }
    }
  }

  private onPod(ev: WatchEvent): void {
    const pods = ev.old && ev.type === 'MODIFIED' ? [ev.old, ev.object] : [ev.object];
    for (const pod of pods) {
      const ref = controllerRefOf(pod);
      if (ref) {
        if (ref.kind !== 'StatefulSet') continue;
        const set = this.informer.get('StatefulSet', `${pod.metadata.namespace}/${ref.name}`);
        if (!set || set.metadata.uid !== ref.uid) continue;
        this.queue.add(setKey(set));
        const minReady = set.spec?.minReadySeconds ?? 0;
        if (
          minReady > 0 &&
          !this.v.noAvailabilityRequeue &&
          ev.old &&
          !isRunningAndReady(ev.old) &&
          isRunningAndReady(ev.object)
        )
          this.queue.addAfter(setKey(set), minReady * 1000 + 1000);
        continue;
      }
      if (pod.metadata.deletionTimestamp) continue;
      for (const set of this.informer.list('StatefulSet')) {
        if (set.metadata.namespace !== pod.metadata.namespace) continue;
        if (selectorMatches(compileSelector(set.spec?.selector), pod.metadata.labels))
          this.queue.add(setKey(set));
      }
    }
  }

  // ---- one sync ----

  protected sync(key: string): void {
    const set = this.informer.get('StatefulSet', key);
    if (!set) {
      this.cur = undefined;
      return this.send(move('gone'), { code: 'sync.gone', params: { key } });
    }
    const claims = planClaims(this.candidatePods(set), {
      ownerUid: set.metadata.uid,
      ownerDeleting: !!set.metadata.deletionTimestamp,
      selector: compileSelector(set.spec?.selector),
      filter: this.memberFilter(set),
    });
    this.cur = new StatefulSetSync(
      this.world,
      this.actorName,
      this.informer,
      set,
      this.v,
      claims,
      this.lastStatus.get(key),
    );
    const listed = ownedRevisions(set, this.informer.map('ControllerRevision').values());
    // A set being deleted adopts nothing (canAdopt fails), revisions no more than pods.
    this.cur.orphanRevisions = set.metadata.deletionTimestamp ? [] : orphanRevisions(listed);
    const orphans = this.cur.orphanRevisions.length;
    if (claims.adopt.length + claims.release.length + orphans > 0)
      return this.send(move('claim'), {
        code: 'sync.claims',
        params: { key, adopt: claims.adopt.length, release: claims.release.length, revisions: orphans },
      });
    const next = this.afterClaims(listed);
    // Nothing to create, delete or wait for, and the status is current: Kubernetes makes no API
    // call at all, so the sync is one transition back to idle.
    if (next === 'status' && this.quiet(this.cur)) {
      this.afterStatus(this.cur);
      return this.send(move('none'), { code: 'sync.nothing', params: { key } });
    }
    this.advance(move(next), this.cur.describe(next));
  }

  /** No error, no status to write and no history to prune. */
  private quiet(s: SyncState): boolean {
    if (s.error) return false;
    const status = s.computeStatus();
    if (status && s.statusNeedsWrite(status)) return false;
    return this.toPrune(s).length === 0;
  }

  /**
   * Sends an event that may enter a status phase (writing status, or one of the waits). When that
   * phase has nothing to write, it needs no API round trip: it ends at once, in the same step.
   */
  private advance(ev: StatefulSetEvent, detail: Decision): void {
    this.send(ev, detail);
    if (!this.statusInline) return;
    this.statusInline = false;
    this.finishStatus();
  }

  /** A sync walks the set's pods, the namespace's orphans and the set's revisions, not the whole cache. */
  protected override syncCost(key: string): number {
    const set = this.informer.get('StatefulSet', key);
    if (!set) return 1;
    const pods = this.informer.podsOwnedBy(set.metadata.uid).size + this.informer.podsOwnedBy('').size;
    return 1 + pods + this.informer.map('ControllerRevision').size;
  }

  /** The claim filter (name is `<set>-<ordinal>`), one function per set name, not one per sync. */
  private memberFilter(set: KObject): (p: KObject) => boolean {
    let f = this.filters.get(set.metadata.name);
    if (!f) {
      f = (p) => isMember(set, p.metadata.name);
      this.filters.set(set.metadata.name, f);
    }
    return f;
  }

  /**
   * Pods a sync looks at: those the set controls and the orphans of its namespace (the informer's
   * owner index; pods of other controllers are never claimed), in name order as a LIST gives them.
   */
  private candidatePods(set: KObject): KObject[] {
    const ns = set.metadata.namespace;
    const pods = [...this.informer.podsOwnedBy(set.metadata.uid).values()];
    for (const p of this.informer.podsOwnedBy('').values()) if (p.metadata.namespace === ns) pods.push(p);
    return pods.sort(byName);
  }

  /**
   * Revisions: use the update revision if it exists, else write it first. `listed` is the sync's
   * own listing when no API call came in between; after the claim round trip the cache is read again.
   */
  private afterClaims(
    listed = ownedRevisions(this.cur!.set, this.informer.map('ControllerRevision').values()),
  ): Next {
    const s = this.cur!;
    s.owned = listed;
    const plan = planUpdateRevision(s.set, s.owned);
    if (plan.type !== 'use') {
      s.revisionPlan = plan;
      return 'revision';
    }
    return this.plan(plan.revision);
  }

  private plan(update: RevisionObject): Next {
    const s = this.cur!;
    s.revisions = resolveRevisions(s.set, s.owned, update);
    s.plannedAtMs = this.world.now;
    s.plan = planSync({
      set: s.set,
      pods: s.pods,
      claims: s.claimCache(),
      revisions: s.revisions,
      nowMs: this.world.now,
      v: this.v,
    });
    return s.next();
  }

  protected actions(): Record<string, () => void> {
    const run = (label: string, fn: () => void) => () => this.afterApi(`${label} ${this.cur?.key ?? ''}`, fn);
    const step = () => {
      const next = this.cur!.runBatch();
      this.advance(move(next), this.cur!.describe(next));
    };
    const writeStatusLater = run('update status of', () => this.writeStatus());
    return {
      adoptAndReleasePods: run('claim pods of', () => this.claim()),
      writeRevision: run('write revision of', () => this.writeRevision()),
      deleteFailedPod: run('delete failed pod of', step),
      createClaimsAndPods: run('create pods of', step),
      createMissingClaims: run('create claims of', step),
      repairIdentityAndClaims: run('repair pods of', step),
      deleteCondemnedPod: run('scale down', step),
      deleteOutdatedPod: run('update pods of', step),
      writeStatus: () => {
        const s = this.cur;
        const status = s?.computeStatus();
        if (s && (!status || !s.statusNeedsWrite(status))) this.statusInline = true;
        else writeStatusLater();
      },
      pruneHistory: run('prune history of', () => {
        this.cur!.prune();
        this.send(move('none'));
      }),
    };
  }

  /** Adopt orphans (after an uncached check that the set still exists) and release strays. */
  private claim(): void {
    const s = this.cur!;
    const fresh = this.world.store.get('StatefulSet', s.key);
    const canAdopt =
      !!fresh && fresh.metadata.uid === s.set.metadata.uid && !fresh.metadata.deletionTimestamp;
    const ref = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: s.set.metadata.name,
      uid: s.set.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    };
    // adoptOrphanRevisions comes first: the history a recreated set finds is its own again.
    if (canAdopt) adoptRevisions(this.world, this.actorName, s.orphanRevisions, ref);
    for (const pod of s.claims.adopt) {
      if (!canAdopt) break;
      const r = this.world.store.patch(
        this.actorName,
        'Pod',
        podKey(pod),
        (p) => withAdoption(p, ref, false),
        {
          uid: pod.metadata.uid,
          cause: adoptionCause('statefulset', s.set.metadata.uid, pod),
        },
      );
      if (r.ok) s.adopted(r.obj);
    }
    for (const pod of s.claims.release) {
      this.world.store.patch(this.actorName, 'Pod', podKey(pod), (p) => withRelease(p, s.set.metadata.uid), {
        uid: pod.metadata.uid,
      });
    }
    const next = this.afterClaims();
    this.advance(move(next), s.describe(next));
  }

  private writeRevision(): void {
    const s = this.cur!;
    const r = writeUpdateRevision(
      this.world,
      this.actorName,
      s.set,
      s.owned,
      s.revisionPlan as CurrentRevisionPlan,
    );
    s.collisionCount = r.collisionCount;
    if (!r.revision) {
      s.error = r.error;
      return this.advance(move('status'), {
        code: 'sync.failed',
        params: { key: s.key, error: r.error ?? '' },
      });
    }
    if (!s.owned.some((o) => o.metadata.name === r.revision!.metadata.name)) s.owned.push(r.revision);
    const next = this.plan(r.revision);
    this.advance(move(next), s.describe(next));
  }

  private writeStatus(): void {
    const s = this.cur!;
    const written = s.writeStatus();
    if (written) this.lastStatus.set(s.key, written);
    this.finishStatus();
  }

  /** The end of every status phase: requeue as the outcome says, then back to idle (or prune). */
  private finishStatus(): void {
    const s = this.cur!;
    const prune = this.afterStatus(s);
    this.send(prune.length > 0 ? { type: ENTERS.pruningHistory } : move('none'));
  }

  /** Requeues after a sync (back-off on error, minReadySeconds) and sets the history to prune. */
  private afterStatus(s: SyncState): RevisionObject[] {
    if (s.error) this.queue.addRateLimited(s.key);
    else this.queue.forget(s.key);
    // Pods Ready but not yet available become available by the clock alone: look again when the
    // first of them does (kubernetes#135428, v1.35.1+; before, only while available != replicas,
    // which could leave availableReplicas and an OrderedReady wait stale, #119352).
    const minReady = s.set.spec?.minReadySeconds ?? 0;
    const waiting = s.status && s.status.readyReplicas !== s.status.availableReplicas;
    if (!s.error && minReady > 0 && waiting && !this.v.noAvailabilityRequeue)
      this.queue.addAfter(s.key, nextAvailabilityCheckMs(s.allPods(), minReady, this.now) ?? minReady * 1000);
    // The replace-terminating mutant looks again once a terminating pod's grace period is over.
    if (this.v.forceDeleteStuck && s.terminating().length > 0) this.queue.addAfter(s.key, 35_000);
    s.toPrune = this.toPrune(s);
    return s.toPrune;
  }

  private toPrune(s: SyncState): RevisionObject[] {
    // The pods the sync listed (truncateHistory is given them, a pod this sync deleted included);
    // the prunes-live-revisions mutant forgets that pods keep their revisions alive.
    const pods = this.v.prunesLiveRevisions ? [] : s.pods;
    return s.revisions ? historyToPrune(s.set, s.owned, pods, s.revisions) : [];
  }
}

export type { ClaimPlan, Revisions, SyncPlan };

/** The event that moves the sync to where the plan says it goes next. */
function move(next: Next): StatefulSetEvent {
  return { type: ENTERS[PHASE_OF[next]] };
}

function setKey(set: KObject): string {
  return `${set.metadata.namespace}/${set.metadata.name}`;
}

function byName(a: KObject, b: KObject): number {
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

function podKey(pod: KObject): string {
  return `${pod.metadata.namespace}/${pod.metadata.name}`;
}
