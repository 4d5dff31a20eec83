/**
 * The EndpointSlice controller (pkg/controller/endpointslice) on top of the controller host. It reads
 * only its informer cache of Services, Pods, EndpointSlices and Nodes (for endpoint zones), and keeps
 * each selector Service's slices equal to the pods it selects (plan.ts). Its own writes are tracked as the
 * endpointSliceTracker does: a sync whose cache does not yet show them stops (the cache is stale)
 * rather than create the same slice twice, and retries the Service with the work queue's back-off.
 */
import type { KObject } from '../../model/types.ts';
import type { WatchEvent } from '../../sim/api/types.ts';
import type { World } from '../../sim/world.ts';
import type { Decision } from '../../trace/messages.ts';
import { ControllerBase } from '../shared/base.ts';
import { type EndpointSliceEvent, endpointSliceMachine } from './machine.ts';
import {
  desiredEndpoints,
  hasSelector,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  managedSlices,
  reconcile,
  type SliceWrite,
  selects,
  serviceControllerKey,
} from './plan.ts';
import type { EndpointSliceVariant } from './variants.ts';

const MOVE: Record<SliceWrite['op'], EndpointSliceEvent> = {
  create: { type: 'CREATE_SLICE' },
  update: { type: 'UPDATE_SLICE' },
  delete: { type: 'DELETE_SLICE' },
};

interface SyncState {
  key: string;
  writes: SliceWrite[];
  next: number;
}

/** What the tracker expects of a slice: at least this resourceVersion, or that it is gone. */
type Expected = number | 'deleted';

export class EndpointSliceController extends ControllerBase<EndpointSliceEvent> {
  private cur: SyncState = { key: '', writes: [], next: 0 };
  /** endpointSliceTracker: per Service key, the slices this process wrote and what it expects of them. */
  private tracker = new Map<string, Map<string, Expected>>();

  constructor(
    world: World,
    private readonly v: EndpointSliceVariant,
  ) {
    super(world, 'endpointslice', ['Service', 'Pod', 'EndpointSlice', 'Node'], endpointSliceMachine);
  }

  protected resetState(): void {
    this.tracker = new Map();
  }

  protected allKeys(): string[] {
    return [...this.informer.map('Service').keys()].sort();
  }

  // ---- informer event handlers ----

  protected onEvent(ev: WatchEvent): void {
    if (ev.kind === 'Service') return this.queue.add(ev.key);
    if (ev.kind === 'EndpointSlice') {
      const key = serviceControllerKey(ev.object);
      if (!key || ev.object.metadata.labels?.[MANAGED_BY_LABEL] !== MANAGED_BY) return;
      if (this.shouldSync(key, ev)) this.queue.add(key);
      return;
    }
    if (ev.kind !== 'Pod') return;
    // podEndpointsChanged: a pod write that changes nothing an endpoint shows queues nothing.
    if (ev.type === 'MODIFIED' && ev.old && !endpointChanged(ev.old, ev.object)) return;
    // getPodServiceMemberships: the Services selecting the pod now or before the change.
    for (const svc of this.informer.map('Service').values()) {
      if (svc.metadata.namespace !== ev.object.metadata.namespace) continue;
      if (selects(svc, ev.object.metadata.labels) || (ev.old && selects(svc, ev.old.metadata.labels)))
        this.queue.add(`${svc.metadata.namespace}/${svc.metadata.name}`);
    }
  }

  // ---- one sync ----

  protected sync(key: string): void {
    const svc = this.informer.get('Service', key);
    this.syncing = `service/${key.slice(key.indexOf('/') + 1)}`;
    this.cur = { key, writes: [], next: 0 };
    if (!svc || svc.metadata.deletionTimestamp)
      return this.send({ type: 'SERVICE_GONE' }, { code: 'sync.gone', params: { key } });
    if (!hasSelector(svc))
      return this.send({ type: 'SYNC_DONE' }, { code: 'sync.empty-selector', params: { key } });
    const slices = this.slicesOf(svc);
    if (this.stale(key, slices))
      return this.send({ type: 'CACHE_STALE' }, { code: 'endpointslice.stale', params: { key } });
    const desired = desiredEndpoints(svc, [...this.informer.map('Pod').values()], this.v, (n) =>
      this.informer.get('Node', n),
    );
    this.cur.writes = reconcile(svc, slices, desired, this.v);
    this.send(
      this.nextMove(),
      this.describe(desired.size, [...desired.values()].filter((e) => e.conditions.ready).length),
    );
  }

  /** The Service's slices in the cache (plan.ts `managedSlices`). */
  private slicesOf(svc: KObject): KObject[] {
    return managedSlices(svc, this.informer.list('EndpointSlice'));
  }

  /** StaleSlices: the cache lacks a slice this process wrote, holds an older version, or one it deleted. */
  private stale(key: string, cached: readonly KObject[]): boolean {
    const expected = this.tracker.get(key);
    if (!expected) return false;
    const byName = new Map(cached.map((s) => [s.metadata.name, Number(s.metadata.resourceVersion)]));
    for (const [name, want] of [...expected.entries()]) {
      const have = byName.get(name);
      const caughtUp = want === 'deleted' ? have === undefined : have !== undefined && have >= want;
      if (!caughtUp) return true;
      expected.delete(name);
    }
    return false;
  }

  /**
   * The tracker's ShouldSync / HandleDeletion: the watch event of this process's own write (a slice at
   * the version it wrote, or the deletion it asked for) does not queue the Service again.
   */
  private shouldSync(key: string, ev: WatchEvent): boolean {
    const want = this.tracker.get(key)?.get(ev.object.metadata.name);
    if (want === undefined) return true;
    if (ev.type === 'DELETED') return want !== 'deleted';
    return want === 'deleted' || ev.resourceVersion > want;
  }

  private track(name: string, want: Expected): void {
    let m = this.tracker.get(this.cur.key);
    if (!m) {
      m = new Map();
      this.tracker.set(this.cur.key, m);
    }
    m.set(name, want);
  }

  private nextMove(): EndpointSliceEvent {
    const w = this.cur.writes[this.cur.next];
    if (w) return MOVE[w.op];
    // The sync succeeded: the key's back-off starts over.
    this.queue.forget(this.cur.key);
    return { type: 'SYNC_DONE' };
  }

  private describe(endpoints: number, ready: number): Decision {
    const count = (op: SliceWrite['op']) => this.cur.writes.filter((w) => w.op === op).length;
    return {
      code: 'endpointslice.plan',
      params: {
        key: this.cur.key,
        endpoints,
        ready,
        creates: count('create'),
        updates: count('update'),
        deletes: count('delete'),
      },
    };
  }

  protected actions(): Record<string, () => void> {
    return {
      forgetService: () => {
        this.tracker.delete(this.cur.key);
      },
      // StaleSlices is an error in syncService: the key is retried with the queue's back-off.
      waitForCache: () => this.queue.addRateLimited(this.cur.key),
      requeueWithBackoff: () => this.queue.addRateLimited(this.cur.key),
      createSlice: () => this.afterApi(`create endpoint slice for ${this.cur.key}`, () => this.write()),
      updateSlice: () => this.afterApi(`update endpoint slice of ${this.cur.key}`, () => this.write()),
      deleteSlice: () => this.afterApi(`delete endpoint slice of ${this.cur.key}`, () => this.write()),
    };
  }

  /** Carries out the current write; the next move follows, or the sync fails and retries with back-off. */
  private write(): void {
    const w = this.cur.writes[this.cur.next]!;
    const r =
      w.op === 'create'
        ? this.world.store.create(this.actorName, w.slice)
        : w.op === 'update'
          ? this.world.store.update(this.actorName, w.slice)
          : this.world.store.delete(
              this.actorName,
              'EndpointSlice',
              `${w.slice.metadata.namespace}/${w.slice.metadata.name}`,
              {
                uid: w.slice.metadata.uid,
              },
            );
    if (!r.ok)
      return this.send(
        { type: 'WRITE_FAILED' },
        { code: 'sync.failed', params: { key: this.cur.key, error: r.message } },
      );
    this.track(r.obj.metadata.name, w.op === 'delete' ? 'deleted' : Number(r.obj.metadata.resourceVersion));
    this.cur.next++;
    this.send(this.nextMove());
  }
}

/** What an endpoint shows of a pod: labels, IP, readiness, deletion, node, hostname and subdomain. */
function endpointChanged(old: KObject, pod: KObject): boolean {
  const ready = (p: KObject) =>
    (p.status?.conditions ?? []).some(
      (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
    );
  return (
    old.status?.podIP !== pod.status?.podIP ||
    old.status?.phase !== pod.status?.phase ||
    ready(old) !== ready(pod) ||
    !!old.metadata.deletionTimestamp !== !!pod.metadata.deletionTimestamp ||
    old.spec?.nodeName !== pod.spec?.nodeName ||
    old.spec?.hostname !== pod.spec?.hostname ||
    old.spec?.subdomain !== pod.spec?.subdomain ||
    JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {})
  );
}
