/**
 * Virtual time. Timers are ordered by (due, seq): equal due times fire in the order they were
 * scheduled, so a run never depends on anything but the seed and the scenario.
 */

/**
 * A timer's label, or a function that builds it when someone asks (only tests and debugging do):
 * at 150,000 pods a label built for every timer was a few concatenated strings per pod step, kept
 * as long as the timer waited.
 */
export type TimerLabel = string | (() => string);

/** A scheduled piece of work: one simulation step. */
export class Timer {
  cancelled = false;

  constructor(
    readonly due: number,
    readonly seq: number,
    private readonly labelOrBuilder: TimerLabel,
    readonly run: () => void,
  ) {}

  /** Short label for the trace, e.g. `kubelet/node-a: start web-0`. */
  get label(): string {
    const l = this.labelOrBuilder;
    return typeof l === 'string' ? l : l();
  }
}

export class SimClock {
  private heap: Timer[] = [];
  private seq = 0;
  private nowMs = 0;

  get now(): number {
    return this.nowMs;
  }

  /** Schedules `run` at absolute time `due` (clamped to now). */
  at(due: number, label: TimerLabel, run: () => void): Timer {
    const timer = new Timer(Math.max(due, this.nowMs), this.seq++, label, run);
    this.push(timer);
    return timer;
  }

  /** Schedules `run` after `delayMs`. */
  after(delayMs: number, label: TimerLabel, run: () => void): Timer {
    return this.at(this.nowMs + delayMs, label, run);
  }

  cancel(timer: Timer | undefined): void {
    if (timer) timer.cancelled = true;
  }

  /** Due time of the next live timer, or undefined. */
  peekDue(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.due;
  }

  /** Pops the next live timer and advances time to it. */
  pop(): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (top === undefined) return undefined;
    this.removeTop();
    this.nowMs = top.due;
    return top;
  }

  /** Moves time forward with nothing firing (the end of a run). */
  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) this.removeTop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq);
  }

  /** Sifts up with a hole (no swaps): the heap holds one timer per pending step, 10^5 at scale. */
  private push(t: Timer): void {
    const h = this.heap;
    let i = h.length;
    h.push(t);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (!this.less(t, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = t;
  }

  private removeTop(): void {
    const h = this.heap;
    const last = h.pop()!;
    const n = h.length;
    if (n === 0) return;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(h[r]!, h[l]!) ? r : l;
      if (!this.less(h[c]!, last)) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
  }
}
