/**
 * Progress for long campaigns: a redrawn bar on a terminal, a plain line every tenth of the way
 * (and for every failure) when stderr is a pipe or a file, so CI logs stay short and readable.
 * Both say how fast runs go and, with a run count, when the campaign should end; with only a time
 * budget, how much of it is left. Wall clock is read here only to tell the user, never to decide
 * anything about a run.
 */
import { performance } from 'node:perf_hooks';
import { err, errRaw, stderrIsTTY } from './io.ts';

const WIDTH = 30;

/** What the campaign is bounded by: a run count, a time budget, or both. */
export interface ProgressBounds {
  total?: number;
  durationMs?: number;
}

export class Progress {
  private readonly tty = stderrIsTTY();
  private lastPlain = 0;
  private lastPlainTenth = 0;
  private readonly started: number;

  private readonly bounds: ProgressBounds;

  /** `bounds`: a run count, or the run count and time budget; `now`: a clock in ms (tests inject one). */
  constructor(
    bounds: number | ProgressBounds,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.bounds = typeof bounds === 'number' ? { total: bounds } : bounds;
    this.started = now();
  }

  /** Records that `done` runs have finished; `failures` so far. */
  update(done: number, failures: number): void {
    const rate = this.rate(done);
    if (this.tty) {
      errRaw(`\r${this.bar(done)}  failures: ${failures}${rate}`);
      return;
    }
    if (this.plainDue(done)) {
      this.lastPlain = done;
      const of = this.bounds.total === undefined ? `${done} runs` : `${done}/${this.bounds.total} runs`;
      err(`progress: ${of}, ${failures} failing${rate}`);
    }
  }

  private bar(done: number): string {
    const { total, durationMs } = this.bounds;
    const fraction =
      total !== undefined ? done / total : durationMs ? (this.now() - this.started) / durationMs : 0;
    const filled = Math.max(0, Math.min(WIDTH, Math.round(fraction * WIDTH)));
    const count = total === undefined ? `${done}` : `${done}/${total}`;
    return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${count}`;
  }

  /** A plain line every tenth of the runs (or of the time budget), and at the end. */
  private plainDue(done: number): boolean {
    const { total, durationMs } = this.bounds;
    if (total !== undefined) {
      const step = Math.max(1, Math.ceil(total / 10));
      return done === total || done - this.lastPlain >= step;
    }
    const tenth = (durationMs ?? 60_000) / 10;
    const due = Math.floor((this.now() - this.started) / tenth);
    if (due <= this.lastPlainTenth) return false;
    this.lastPlainTenth = due;
    return true;
  }

  /** `, 4.2 runs/s, ETA 1m 05s` (or `, 9m 12s left` with a time budget only). */
  private rate(done: number): string {
    const elapsedMs = this.now() - this.started;
    // A rate over the first second is mostly start-up (loading the simulator, starting workers).
    if (done === 0 || elapsedMs < 1000) return '';
    const perSecond = (done * 1000) / elapsedMs;
    const { total, durationMs } = this.bounds;
    const runsLeftMs = total === undefined ? Number.POSITIVE_INFINITY : ((total - done) * 1000) / perSecond;
    const timeLeftMs = durationMs === undefined ? Number.POSITIVE_INFINITY : durationMs - elapsedMs;
    const speed = `, ${perSecond.toFixed(perSecond < 10 ? 1 : 0)} runs/s`;
    if (runsLeftMs <= timeLeftMs && Number.isFinite(runsLeftMs)) return `${speed}, ETA ${clock(runsLeftMs)}`;
    if (Number.isFinite(timeLeftMs)) return `${speed}, ${clock(Math.max(0, timeLeftMs))} left`;
    return speed;
  }

  /** A line that must not be overwritten by the bar (a failing run). */
  note(line: string): void {
    if (this.tty) errRaw('\r\x1b[K');
    err(line);
  }

  /** Ends the bar's line. */
  done(): void {
    if (this.tty) errRaw('\n');
  }
}

/** `42s`, `3m 05s`, `2h 10m`. */
export function clock(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
