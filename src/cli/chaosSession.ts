/**
 * One session of `kubeprop chaos`: schedules the campaign's runs that are still to do (on worker
 * threads when asked), writes each failing run's files as it arrives in index order, stops
 * scheduling on a time budget or a signal, and writes and prints the summary of what was done.
 */
import { performance } from 'node:perf_hooks';
import type { CampaignOptions, CampaignRun, CampaignSummary } from '../run/campaign.ts';
import { missingPositions, rangesSize, runIndex, shardRuns } from '../run/shard.ts';
import {
  addRun,
  newSummaryFile,
  resumeOnto,
  type SummaryFile,
  toCampaignSummary,
} from '../run/shardSummary.ts';
import { writeSummaryFile } from '../run/shardSummaryFile.ts';
import { DEFAULT_SHRINK_RUNS } from '../run/shrink.ts';
import { driveCampaign } from '../run/workers/drive.ts';
import type { PortableRunFn } from '../run/workers/runnerRef.ts';
import type { ChaosScale } from './chaosOptions.ts';
import { exitCodeOf, failingLines, remainingLines, summaryTable } from './chaosSummary.ts';
import { out } from './io.ts';
import { replayPath, writeFailureReplay, writeRunReports } from './outputs.ts';
import { clock, Progress } from './progress.ts';
import { loadRunner } from './runner.ts';
import { writeShrunkReplay } from './shrunk.ts';
import { tuneForWorkers } from './v8Tuning.ts';
import { judge, verdictLine } from './verdict.ts';

/** Exit code of a campaign stopped by SIGINT or SIGTERM (128 + SIGINT, as shells report it). */
export const EXIT_INTERRUPTED = 130;

export async function runSession(
  opts: CampaignOptions,
  reportDir: string,
  pending: readonly string[],
  scale: ChaosScale,
  onSummary?: (s: CampaignSummary) => void,
): Promise<number> {
  const run = await loadRunner();
  const file = newSummaryFile(
    {
      seed: opts.seed,
      controllers: [...opts.controllers],
      runs: Number.isFinite(opts.runs) ? opts.runs : null,
      shrinkRuns: opts.shrinkRuns ?? DEFAULT_SHRINK_RUNS,
    },
    scale.shard,
  );
  out(header(opts, scale, pending));
  const earlier = scale.resume?.file;
  const limit = file.campaign.runs === null ? undefined : shardRuns(scale.shard, file.campaign.runs);
  const toDo = limit === undefined ? undefined : limit - rangesSize(earlier?.done ?? []);
  const stop = stopper(scale.durationMs);
  const progress = new Progress({
    ...(toDo !== undefined && { total: toDo }),
    ...(scale.durationMs !== undefined && { durationMs: scale.durationMs }),
  });
  stop.onSignal = (sig, again) =>
    progress.note(
      again
        ? `${sig}: abandoning the runs in progress`
        : `${sig}: no new runs; the runs handed out finish (${sig} again abandons them)`,
    );
  const workers = Math.max(1, Math.min(scale.workers, toDo ?? scale.workers));
  // Only when the runs go to worker threads: a runner they cannot load runs in this thread.
  if (run.workerRef !== undefined) tuneForWorkers(workers);
  try {
    const outcome = await driveCampaign({
      // Passing runs are only counted here: run them without their trace (src/run/campaign.ts).
      opts: { ...opts, lean: true },
      run,
      workers,
      indices: mapIter(missingPositions(earlier?.done ?? [], limit), (p) => runIndex(scale.shard, p)),
      keepGoing: stop.keepGoing,
      abandon: stop.abandon.signal,
      onRun: onRunOf(file, run, reportDir, progress),
    });
    if (outcome.abandoned.length > 0)
      progress.note(`abandoned ${outcome.abandoned.length} unfinished run(s); they run again on --resume`);
  } finally {
    stop.dispose();
    progress.done();
  }
  const total = earlier === undefined ? file : resumeOnto(earlier, file);
  const written = summaryWanted(total, scale) ? writeSummaryFile(scale.summaryPath!, total) : undefined;
  report(total, { ...scale, summaryPath: written }, stop, onSummary);
  return stop.signalled ? EXIT_INTERRUPTED : exitCodeOf(total);
}

/**
 * A summary file is written when something will read it: a shard's (for merge), an unfinished
 * campaign's (for --resume), a resumed one's, or one asked for with --summary. A whole campaign
 * that finished writes nothing but its failing runs' files, as before.
 */
function summaryWanted(total: SummaryFile, scale: ChaosScale): boolean {
  if (scale.summaryPath === undefined) return false;
  return (
    scale.summaryExplicit === true || scale.shard.count > 1 || scale.resume !== undefined || !total.complete
  );
}

function header(opts: CampaignOptions, scale: ChaosScale, pending: readonly string[]): string {
  const runs = Number.isFinite(opts.runs) ? String(opts.runs) : 'unbounded';
  const parts = [`seed=${opts.seed}`, `runs=${runs}`, `controllers=${opts.controllers.join(',')}`];
  if (scale.durationMs !== undefined) parts.push(`duration=${clock(scale.durationMs)}`);
  if (scale.shard.count > 1) parts.push(`shard=${scale.shard.index}/${scale.shard.count}`);
  const note = pending.length > 0 ? ` (not available yet: ${pending.join(', ')})` : '';
  return `chaos campaign: ${parts.join(' ')}${note}`;
}

/** Each finished run, in index order: counted, and a failing one's report, replay and shrunk replay written. */
function onRunOf(file: SummaryFile, run: PortableRunFn, reportDir: string, progress: Progress) {
  let done = 0;
  return (r: CampaignRun) => {
    const verdict = judge(r.result);
    let replay: string | undefined;
    if (verdict !== 'pass') {
      writeRunReports(r.result, reportDir, ['json'], 'en');
      progress.note(verdictLine(r.result, r.wallMs));
      progress.note(`      replay: ${writeFailureReplay(r.result, reportDir)}`);
      replay = replayPath(reportDir, r.result);
      if (r.shrunk !== undefined)
        for (const line of writeShrunkReplay(r.shrunk, r.result, reportDir, run)) progress.note(line);
    }
    addRun(file, r, verdict, replay);
    progress.update(++done, file.failing.length);
  };
}

function report(
  total: SummaryFile,
  scale: ChaosScale,
  stop: Stopper,
  onSummary: ((s: CampaignSummary) => void) | undefined,
): void {
  const summary = toCampaignSummary(total);
  // `campaign` prints one summary of its scenarios and chaos runs together instead.
  if (onSummary !== undefined) return onSummary(summary);
  const why = stop.signalled ? `interrupted by ${stop.signalled}` : 'time budget spent';
  for (const line of [
    ...summaryTable(summary),
    ...failingLines(total),
    ...remainingLines(total, scale.summaryPath, why),
  ])
    out(line);
  if (scale.summaryPath !== undefined) out(`summary file: ${scale.summaryPath}`);
}

/** When to stop scheduling: the time budget spent, or SIGINT/SIGTERM (twice: abandon running runs). */
interface Stopper {
  keepGoing: () => boolean;
  abandon: AbortController;
  signalled?: string;
  onSignal?: (sig: string, again: boolean) => void;
  dispose: () => void;
}

function stopper(durationMs: number | undefined): Stopper {
  const deadline = durationMs === undefined ? Number.POSITIVE_INFINITY : performance.now() + durationMs;
  const s: Stopper = {
    keepGoing: () => s.signalled === undefined && performance.now() < deadline,
    abandon: new AbortController(),
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
  const handler = (sig: NodeJS.Signals) => {
    const again = s.signalled !== undefined;
    s.signalled ??= sig;
    s.onSignal?.(sig, again);
    if (again) s.abandon.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return s;
}

function* mapIter<T, U>(it: Iterable<T>, f: (x: T) => U): Generator<U> {
  for (const x of it) yield f(x);
}
