/**
 * A rate-limited work queue, as client-go's: a key is queued at most once, failures back off
 * exponentially per key (5 ms doubling, capped at 1000 s) until forgotten, and delayed adds go on
 * the simulated clock. Order is FIFO by the time a key was added.
 */
import type { SimClock, Timer } from '../../sim/clock.ts';

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1_000_000;

export class WorkQueue {
  private items: string[] = [];
  private readonly queued = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, Timer>();
  private onAdd: (() => void) | undefined;

  constructor(
    private readonly clock: SimClock,
    private readonly label: string,
  ) {}

  /** Called whenever a key becomes available (the host starts a sync when idle). */
  setOnAdd(fn: () => void): void {
    this.onAdd = fn;
  }

  add(key: string): void {
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.items.push(key);
    this.onAdd?.();
  }

  /** Adds the key after `delayMs` (an earlier pending add wins). */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    const due = this.clock.now + delayMs;
    const cur = this.delayed.get(key);
    if (cur && !cur.cancelled && cur.due <= due) return;
    this.clock.cancel(cur);
    this.delayed.set(
      key,
      this.clock.at(due, `${this.label}: requeue ${key}`, () => {
        this.delayed.delete(key);
        this.add(key);
      }),
    );
  }

  /** Requeues after the key's exponential back-off and counts one more failure. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** n));
  }

  /** client-go's NumRequeues: rate-limited adds of `key` since it was last forgotten. */
  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  pop(): string | undefined {
    const key = this.items.shift();
    if (key !== undefined) this.queued.delete(key);
    return key;
  }

  get length(): number {
    return this.items.length;
  }

  /** Drops everything (a controller restart loses its in-memory queue). */
  shutDown(): void {
    for (const t of this.delayed.values()) this.clock.cancel(t);
    this.delayed.clear();
    this.items = [];
    this.queued.clear();
    this.failures.clear();
    this.onAdd = undefined;
  }
}
