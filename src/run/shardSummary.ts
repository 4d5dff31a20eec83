/**
 * The summary file of a campaign, a shard of one, or an interrupted one: what was asked (seed,
 * controllers, runs, shrink budget), which runs are done, the totals and every failing run with
 * its seed. Shards' files merge into the file of one unsharded run; an interrupted campaign resumes
 * from its file. Everything but `slowest` (a wall-clock figure) depends only on which runs were
 * done, never on how many workers or machines did them or in what order.
 */
import { TOOLKIT_VERSION } from '../version.ts';
import type { CampaignController, CampaignRun, CampaignSummary } from './campaign.ts';
import {
  fromRanges,
  type Ranges,
  rangesSize,
  runIndex,
  type Shard,
  shardRuns,
  toRanges,
  unionRanges,
  WHOLE,
} from './shard.ts';

export const SUMMARY_FORMAT = 'kubeprop-chaos-summary/v1';

/** What a campaign was asked to do; shards and resumed runs must agree on it. */
export interface CampaignPlan {
  seed: number;
  controllers: CampaignController[];
  /** Runs of the whole campaign; null: as many as the time budget allows. */
  runs: number | null;
  shrinkRuns: number;
}

/** A run whose verdict was not a pass: enough to find it, replay it and count it. */
export interface FailingRun {
  index: number;
  controller: CampaignController;
  scenario: string;
  seed: number;
  verdict: 'fail' | 'error';
  violated: string[];
  shrunk?: { fromEvents: number; toEvents: number };
  /** The replay file, as the campaign that ran it wrote it. */
  replay?: string;
}

export interface Totals {
  runs: number;
  passes: number;
  violations: number;
  errors: number;
  /** Violated invariant id → runs that violated it, ids sorted. */
  violationsById: Record<string, number>;
}

export interface SummaryFile {
  format: typeof SUMMARY_FORMAT;
  toolkitVersion: string;
  campaign: CampaignPlan;
  shard: Shard;
  /** The shard's positions done (its k-th run is campaign run shard.index + k·shard.count). */
  done: Ranges;
  /** Every run of the plan is done (never, for a campaign with no run count). */
  complete: boolean;
  totals: Totals;
  /** Failing runs in index order. */
  failing: FailingRun[];
  /** The slowest run by wall time: the one figure that differs from run to run. */
  slowest?: { index: number; name: string; seed: number; wallMs: number };
}

/** The file of a campaign (or shard) with nothing done yet. */
export function newSummaryFile(campaign: CampaignPlan, shard: Shard = WHOLE): SummaryFile {
  return {
    format: SUMMARY_FORMAT,
    toolkitVersion: TOOLKIT_VERSION,
    campaign,
    shard,
    done: [],
    // A shard beyond the last run (`--runs 3 --shard 5/8`) has nothing to do: it is complete.
    complete: campaign.runs !== null && shardRuns(shard, campaign.runs) === 0,
    totals: { runs: 0, passes: 0, violations: 0, errors: 0, violationsById: {} },
    failing: [],
  };
}

/** Counts one finished run in; `verdict` is the CLI's (src/cli/verdict.ts judge). */
export function addRun(
  file: SummaryFile,
  r: CampaignRun,
  verdict: 'pass' | 'fail' | 'error',
  replay?: string,
): void {
  const position = (r.index - file.shard.index) / file.shard.count;
  file.done = unionRanges(file.done, [[position, position]]);
  const { result } = r;
  const t = file.totals;
  t.runs++;
  if (result.outcome === 'pass') t.passes++;
  else if (result.outcome === 'error') t.errors++;
  else t.violations++;
  const violated = result.invariants.filter((i) => i.status === 'violated').map((i) => i.id);
  for (const id of violated) t.violationsById[id] = (t.violationsById[id] ?? 0) + 1;
  t.violationsById = sortedKeys(t.violationsById);
  if (verdict !== 'pass') {
    const f: FailingRun = {
      index: r.index,
      controller: r.controller,
      scenario: result.scenario.name,
      seed: result.seed,
      verdict,
      violated,
      ...(r.shrunk && { shrunk: { fromEvents: r.shrunk.fromEvents, toEvents: r.shrunk.toEvents } }),
      ...(replay !== undefined && { replay }),
    };
    file.failing = [...file.failing, f].sort((a, b) => a.index - b.index);
  }
  const s = file.slowest;
  if (s === undefined || r.wallMs > s.wallMs || (r.wallMs === s.wallMs && r.index < s.index))
    file.slowest = { index: r.index, name: result.scenario.name, seed: result.seed, wallMs: r.wallMs };
  file.complete = isComplete(file);
}

function isComplete(file: SummaryFile): boolean {
  return file.campaign.runs !== null && rangesSize(file.done) === shardRuns(file.shard, file.campaign.runs);
}

function sortedKeys(o: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The summary the chaos table prints (src/cli/cmd-chaos.ts summaryTable). */
export function toCampaignSummary(file: SummaryFile): CampaignSummary {
  const shrunk = file.failing.flatMap((f) => (f.shrunk === undefined ? [] : [f.shrunk]));
  const { slowest } = file;
  return {
    ...structuredClone(file.totals),
    shrunk,
    ...(slowest && { slowest: { name: slowest.name, seed: slowest.seed, wallMs: slowest.wallMs } }),
  };
}

/** The campaign run indices a file has done, ascending. */
export function doneIndices(file: SummaryFile): number[] {
  return fromRanges(file.done).map((p) => runIndex(file.shard, p));
}

/** Why files do not merge (or resume): the CLI prints it as one line and exits 2. */
export class SummaryMismatch extends Error {
  override readonly name = 'SummaryMismatch';
}

/**
 * The shards' files as the file of one unsharded campaign: every shard 1 of n must be there once,
 * all from the same plan and kubeprop version. Counts add up, failing runs interleave by index.
 */
export function mergeSummaries(files: ReadonlyArray<{ path: string; file: SummaryFile }>): SummaryFile {
  const first = files[0];
  if (first === undefined) throw new SummaryMismatch('no summary files to merge');
  const count = first.file.shard.count;
  const seen = new Map<number, string>();
  for (const { path, file } of files) {
    if (canonical(file.campaign) !== canonical(first.file.campaign))
      throw new SummaryMismatch(
        `${path}: another campaign than ${first.path} (${describePlan(file.campaign)} vs ${describePlan(first.file.campaign)})`,
      );
    if (file.shard.count !== count)
      throw new SummaryMismatch(
        `${path}: shard ${file.shard.index}/${file.shard.count}, but ${first.path} is one of ${count} shards`,
      );
    const twin = seen.get(file.shard.index);
    if (twin !== undefined)
      throw new SummaryMismatch(`${path}: shard ${file.shard.index}/${count} is also ${twin}`);
    seen.set(file.shard.index, path);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0)
    throw new SummaryMismatch(
      `shard ${missing.map((i) => `${i}/${count}`).join(', ')} missing: merge needs every shard's summary file`,
    );
  return combine(
    first.file.campaign,
    files.map((f) => f.file),
  );
}

function combine(campaign: CampaignPlan, files: readonly SummaryFile[]): SummaryFile {
  const merged = newSummaryFile(campaign);
  const indices = files.flatMap(doneIndices).sort((a, b) => a - b);
  merged.done = toRanges(indices);
  const t = merged.totals;
  for (const f of files) {
    t.runs += f.totals.runs;
    t.passes += f.totals.passes;
    t.violations += f.totals.violations;
    t.errors += f.totals.errors;
    for (const [id, n] of Object.entries(f.totals.violationsById))
      t.violationsById[id] = (t.violationsById[id] ?? 0) + n;
    const s = f.slowest;
    const m = merged.slowest;
    if (
      s !== undefined &&
      (m === undefined || s.wallMs > m.wallMs || (s.wallMs === m.wallMs && s.index < m.index))
    )
      merged.slowest = s;
  }
  t.violationsById = sortedKeys(t.violationsById);
  merged.failing = files.flatMap((f) => f.failing).sort((a, b) => a.index - b.index);
  merged.complete = isComplete(merged);
  return merged;
}

/** A resumed campaign's file: what the earlier session did plus what this one did. */
export function resumeOnto(earlier: SummaryFile, now: SummaryFile): SummaryFile {
  const merged = combine(now.campaign, [earlier, now]);
  // Keep the shard's own numbering: combine() counts in campaign indices.
  merged.shard = now.shard;
  merged.done = unionRanges(earlier.done, now.done);
  merged.complete = isComplete(merged);
  return merged;
}

function canonical(plan: CampaignPlan): string {
  return JSON.stringify([plan.seed, plan.controllers, plan.runs, plan.shrinkRuns]);
}

/** `seed=1 runs=50 controllers=replicaset shrink-runs=200` */
export function describePlan(plan: CampaignPlan): string {
  return `seed=${plan.seed} runs=${plan.runs ?? 'unbounded'} controllers=${plan.controllers.join(',')} shrink-runs=${plan.shrinkRuns}`;
}

/** The file without its wall-clock figure: what must be equal however the runs were spread. */
export function withoutWallClock(file: SummaryFile): Omit<SummaryFile, 'slowest'> {
  const { slowest: _slowest, ...rest } = file;
  return rest;
}
