/**
 * A controller's informer: a cache of the kinds it watches, fed from the store's watch stream with
 * a delivery lag. Controllers read only this cache, so they may act on stale state exactly as real
 * controllers do. A stalled watch (`delay-watch`) delivers nothing until it resumes, then catches up
 * in order. Events are delivered in batches by one timer, so lag costs one step, not one per event.
 */
import type { Kind, KObject } from '../model/types.ts';
import { keyOf, type WatchEvent } from './api/types.ts';
import type { SimClock, Timer } from './clock.ts';
import type { Rng } from './prng.ts';

export type InformerHandler = (ev: WatchEvent) => void;

export class Informer {
  private readonly cache = new Map<Kind, Map<string, KObject>>();
  /** Pods by the uid of their controllerRef ('' for orphans): Kubernetes' controller-owner index. */
  private readonly podsByOwner = new Map<string, OwnedPods>();
  /**
   * Queued events and their due times, side by side: one object less per watched write (the
   * 150,000-pod run queues every pod write; young-generation GC was a fifth of its CPU).
   */
  private queue: (WatchEvent | undefined)[] = [];
  private dues: number[] = [];
  private head = 0;
  private timer: Timer | undefined;
  private stalledUntil = 0;
  private lastDue = 0;
  private handler: InformerHandler | undefined;
  /** The delivery timer's label, built once rather than on every arming. */
  private readonly deliveryLabel: string;

  constructor(
    readonly name: string,
    private readonly kinds: ReadonlySet<Kind>,
    private readonly clock: SimClock,
    private readonly rng: Rng,
    private readonly lagMs: readonly [number, number],
  ) {
    this.deliveryLabel = `${name}: watch delivery`;
  }

  /** The one consumer (the controller host) of delivered events. */
  setHandler(handler: InformerHandler | undefined): void {
    this.handler = handler;
  }

  /** Called by the store for every write. */
  observe(ev: WatchEvent): void {
    if (!this.kinds.has(ev.kind)) return;
    const lag = this.rng.between(this.lagMs[0], this.lagMs[1]);
    // Watch delivery is ordered: an event never overtakes an earlier one.
    const due = Math.max(this.lastDue, this.clock.now + lag, this.stalledUntil);
    this.lastDue = due;
    this.queue.push(ev);
    this.dues.push(due);
    this.arm();
  }

  /** The watch stalls for `forMs`; everything queued or arriving meanwhile waits, in order. */
  stall(forMs: number): void {
    this.stalledUntil = Math.max(this.stalledUntil, this.clock.now + forMs);
    for (let i = this.head; i < this.dues.length; i++) {
      if (this.dues[i]! < this.stalledUntil) this.dues[i] = this.stalledUntil;
    }
    this.lastDue = Math.max(this.lastDue, this.stalledUntil);
    this.clock.cancel(this.timer);
    this.timer = undefined;
    this.arm();
  }

  /**
   * A fresh consistent LIST (what a restarted controller does): the cache becomes the store's
   * current content and queued events, all older than the list, are dropped. Handlers are not
   * called; the controller enqueues everything itself after a restart.
   */
  relist(current: (kind: Kind) => KObject[]): void {
    this.cache.clear();
    this.podsByOwner.clear();
    for (const kind of this.kinds) {
      const m = new Map<string, KObject>();
      for (const obj of current(kind)) {
        const key = keyOf(kind, obj.metadata);
        m.set(key, obj);
        if (kind === 'Pod') this.indexPod(obj, key);
      }
      this.cache.set(kind, m);
    }
    this.queue = [];
    this.dues = [];
    this.head = 0;
    this.clock.cancel(this.timer);
    this.timer = undefined;
  }

  /** When the current watch stall ends (0: never stalled). */
  get stalledUntilMs(): number {
    return this.stalledUntil;
  }

  /** Objects in the cache, all kinds together. */
  get size(): number {
    let n = 0;
    for (const m of this.cache.values()) n += m.size;
    return n;
  }

  get<T extends KObject = KObject>(kind: Kind, key: string): T | undefined {
    return this.cache.get(kind)?.get(key) as T | undefined;
  }

  /** Cached objects of a kind, sorted by key. */
  list<T extends KObject = KObject>(kind: Kind): T[] {
    const m = this.cache.get(kind);
    if (!m) return [];
    return [...m.keys()].sort().map((k) => m.get(k) as T);
  }

  /** Raw map of a kind (unsorted; for lookups and counting only). */
  map(kind: Kind): ReadonlyMap<string, KObject> {
    return this.cache.get(kind) ?? EMPTY;
  }

  private arm(): void {
    if (this.timer || this.head >= this.queue.length) return;
    this.timer = this.clock.at(this.dues[this.head]!, this.deliveryLabel, () => this.deliver());
  }

  private deliver(): void {
    this.timer = undefined;
    const now = this.clock.now;
    while (this.head < this.queue.length && this.dues[this.head]! <= now) {
      const ev = this.queue[this.head]!;
      // Delivered events leave the queue at once, so a long backlog does not keep them alive.
      this.queue[this.head++] = undefined;
      this.apply(ev);
      this.handler?.(ev);
    }
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.dues = this.dues.slice(this.head);
      this.head = 0;
    }
    this.arm();
  }

  private apply(ev: WatchEvent): void {
    let m = this.cache.get(ev.kind);
    if (!m) {
      m = new Map();
      this.cache.set(ev.kind, m);
    }
    if (ev.kind === 'Pod')
      this.reindexPod(m.get(ev.key), ev.type === 'DELETED' ? undefined : ev.object, ev.key);
    if (ev.type === 'DELETED') m.delete(ev.key);
    else m.set(ev.key, ev.object);
  }

  /**
   * Moves a pod in the owner index. Most pod events (a kubelet's status, a binding) keep the
   * controller: then its map is looked up once. The entry still moves to the end (delete, then
   * set): controllers iterate these maps, and some of what they pick depends on that order.
   */
  private reindexPod(before: KObject | undefined, after: KObject | undefined, key: string): void {
    const was = before === undefined ? undefined : controllerOf(before);
    // A status write keeps the ownerReferences array itself: same references, same controller.
    const sameRefs =
      before !== undefined &&
      after !== undefined &&
      before.metadata.ownerReferences === after.metadata.ownerReferences;
    const now = after === undefined ? undefined : sameRefs ? was : controllerOf(after);
    if (was !== undefined && was === now) return this.podsByOwner.get(was)!.moveToEnd(key, after!);
    if (was !== undefined) {
      const owned = this.podsByOwner.get(was)!;
      owned.delete(key);
      if (owned.pods.size === 0) this.podsByOwner.delete(was);
    }
    if (now === undefined) return;
    let owned = this.podsByOwner.get(now);
    if (!owned) {
      owned = new OwnedPods();
      this.podsByOwner.set(now, owned);
    }
    owned.add(key, after!);
  }

  /**
   * Cached pods controlled by `ownerUid` (or orphans, with ''), unsorted: callers that need an order
   * sort; counting and ranking (a total order) do not.
   */
  podsOwnedBy(ownerUid: string): ReadonlyMap<string, KObject> {
    return this.podsByOwner.get(ownerUid)?.pods ?? EMPTY;
  }

  private indexPod(pod: KObject, key: string): void {
    this.reindexPod(undefined, pod, key);
  }
}

/** The uid of a pod's controllerRef, '' for an orphan (the owner index's key). */
function controllerOf(pod: KObject): string {
  const refs = pod.metadata.ownerReferences;
  if (refs !== undefined) for (const r of refs) if (r.controller === true) return r.uid;
  return '';
}

const EMPTY: ReadonlyMap<string, KObject> = new Map();

/** V8's first capacity of a Map's hash table (OrderedHashTable::kInitialCapacity). */
const INITIAL_CAPACITY = 4;

/**
 * One owner's pods in the order of their last event (delete, then set: controllers iterate this
 * order). A Map keeps a deleted entry's slot until its table is rebuilt, and V8 doubles a full
 * table unless half its slots are deleted: a steady 100 pods moved to the end on every status
 * event lived in a table of 256 entries, not 128. This mirrors V8's bookkeeping (capacity, used
 * slots) and, when a move would grow the table, copies the pods in order into a new Map instead,
 * which is no larger than the one before. A wrong mirror costs memory or time, never order.
 */
class OwnedPods {
  pods = new Map<string, KObject>();
  /** The table's capacity (entries) and the slots used in it, live or deleted. */
  private capacity = INITIAL_CAPACITY;
  private used = 0;

  /** A pod new to this owner: its entry goes at the end. */
  add(key: string, pod: KObject): void {
    if (this.rebuildBeatsGrowth(this.pods.size + 1)) return this.rebuild(key, pod);
    this.reserveSlot();
    this.pods.set(key, pod);
  }

  delete(key: string): void {
    this.pods.delete(key);
    // Map.prototype.delete halves a table less than a quarter full (OrderedHashTable::Shrink).
    if (this.pods.size < this.capacity >> 2) this.rehashed(this.capacity >> 1);
  }

  /** The pod's entry moves to the end with its new version. */
  moveToEnd(key: string, pod: KObject): void {
    if (this.rebuildBeatsGrowth(this.pods.size)) return this.rebuild(key, pod);
    this.delete(key);
    this.reserveSlot();
    this.pods.set(key, pod);
  }

  /**
   * Whether the next insertion would double a full table (fewer than half its slots deleted)
   * while a fresh copy of the `live` entries it will then hold would fit in no more than the
   * current one and leave an eighth of them free (so copies stay rare: one per live/8 moves).
   */
  private rebuildBeatsGrowth(live: number): boolean {
    if (this.used < this.capacity || this.capacity - this.pods.size >= this.capacity >> 1) return false;
    const fresh = tableCapacityFor(live);
    return fresh <= this.capacity && fresh - live >= live >> 3;
  }

  /** Accounts for V8 rehashing a full table before an insertion. */
  private reserveSlot(): void {
    if (this.used >= this.capacity) {
      const deleted = this.used - this.pods.size;
      this.rehashed(deleted >= this.capacity >> 1 ? this.capacity : this.capacity << 1);
    }
    this.used++;
  }

  private rehashed(capacity: number): void {
    this.capacity = Math.max(capacity, INITIAL_CAPACITY);
    this.used = this.pods.size;
  }

  /** The same entries in the same order, `key` set (or moved) at the end with `pod`, in a new Map. */
  private rebuild(key: string, pod: KObject): void {
    const next = new Map<string, KObject>();
    for (const [k, v] of this.pods) if (k !== key) next.set(k, v);
    next.set(key, pod);
    this.pods = next;
    this.capacity = tableCapacityFor(next.size);
    this.used = next.size;
  }
}

/** The capacity of a Map filled from empty with `n` insertions (doubling from 4 when full). */
function tableCapacityFor(n: number): number {
  let c = INITIAL_CAPACITY;
  while (c < n) c <<= 1;
  return c;
}
