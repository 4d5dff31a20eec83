/**
 * Runs campaign indices in the calling thread or on worker threads, and hands the finished runs
 * to `onRun` in index order whatever order the workers finish in, so the output, the reports and
 * the summary do not depend on how many workers ran them. Wall time decides only when to stop
 * scheduling (a time budget, a signal), never what a run does.
 */
import { availableParallelism } from 'node:os';
import { type CampaignOptions, type CampaignRun, runOne, scenarioFor } from '../campaign.ts';
import type { WorkerTask } from './campaignWorker.ts';
import { startPool } from './pool.ts';
import type { PortableRunFn } from './runnerRef.ts';

export interface DriveOptions {
  opts: CampaignOptions;
  run: PortableRunFn;
  /** Worker threads (1: run in this thread). A runner a worker cannot load runs in this thread. */
  workers: number;
  /** The campaign run indices still to run, ascending; pulled one at a time. */
  indices: Iterator<number>;
  /** Asked before each run is scheduled; false stops scheduling (time spent, a signal). */
  keepGoing: () => boolean;
  /** When aborted, runs still running on workers are abandoned: their workers are stopped. */
  abandon?: AbortSignal;
  /** Each finished run, in index order. */
  onRun: (r: CampaignRun) => void;
}

/** What happened to the runs that were scheduled. */
export interface DriveOutcome {
  /** Indices scheduled but abandoned unfinished (only after `abandon`). */
  abandoned: number[];
  /** Worker threads used (0: ran in this thread). */
  workers: number;
}

/** The default worker count: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/** Runs the indices until they run out or `keepGoing` says stop. */
export async function driveCampaign(d: DriveOptions): Promise<DriveOutcome> {
  const ref = d.run.workerRef;
  if (d.workers <= 1 || ref === undefined) return driveHere(d);
  return drivePool(d, ref);
}

async function driveHere(d: DriveOptions): Promise<DriveOutcome> {
  for (;;) {
    if (!d.keepGoing() || d.abandon?.aborted) break;
    const next = d.indices.next();
    if (next.done) break;
    d.onRun(runOne(d.opts, next.value, d.run));
    // Let signal handlers and timers run between runs: a run itself is synchronous.
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return { abandoned: [], workers: 0 };
}

async function drivePool(
  d: DriveOptions,
  ref: NonNullable<PortableRunFn['workerRef']>,
): Promise<DriveOutcome> {
  const pool = await startPool(d.workers, { opts: d.opts, runner: ref });
  /** Scheduled indices in order, each with its run once finished. */
  const inFlight: Array<{ index: number; run?: CampaignRun }> = [];
  const flush = () => {
    while (inFlight[0]?.run !== undefined) d.onRun(inFlight.shift()!.run!);
  };
  const ahead = generatedAhead(d, pool.size);
  const schedule = (): WorkerTask | undefined => {
    if (!d.keepGoing() || d.abandon?.aborted) return undefined;
    const task = ahead.take();
    if (task !== undefined) inFlight.push({ index: task.index });
    return task;
  };
  try {
    const finished = pool.runAll(
      schedule,
      (r) => {
        const slot = inFlight.find((s) => s.index === r.index);
        if (slot !== undefined) slot.run = r;
        flush();
        ahead.fill();
      },
      d.abandon,
    );
    ahead.fill();
    await finished;
  } finally {
    await pool.close();
  }
  // Abandoned: finished runs behind an unfinished one are still reported, in order.
  const abandoned = inFlight.filter((s) => s.run === undefined).map((s) => s.index);
  for (const s of inFlight) if (s.run !== undefined) d.onRun(s.run);
  return { abandoned, workers: pool.size };
}

/**
 * The next runs' scenarios, generated while the workers run: a worker that finishes gets its next
 * run at once instead of waiting for this thread to generate it (about a tenth of a run's time).
 * Generating ahead schedules nothing (keepGoing is asked only when a run is handed out): an index
 * taken but never handed out is simply not done, and --resume runs it.
 */
function generatedAhead(d: DriveOptions, size: number): { take(): WorkerTask | undefined; fill(): void } {
  const ready: WorkerTask[] = [];
  let exhausted = false;
  const generate = (): WorkerTask | undefined => {
    if (exhausted) return undefined;
    const next = d.indices.next();
    if (next.done) {
      exhausted = true;
      return undefined;
    }
    return { index: next.value, scenario: scenarioFor(d.opts, next.value) };
  };
  return {
    take: () => ready.shift() ?? generate(),
    fill: () => {
      while (ready.length < size && !d.abandon?.aborted) {
        const task = generate();
        if (task === undefined) return;
        ready.push(task);
      }
    },
  };
}
