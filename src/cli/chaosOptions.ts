/**
 * The scale options of `kubeprop chaos` (issue #17): worker threads, a shard of a campaign spread
 * over machines, a time budget, and resuming an interrupted campaign from its summary file.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseDuration } from '../model/time.ts';
import { parseShard, type Shard, WHOLE } from '../run/shard.ts';
import { type CampaignPlan, describePlan, type SummaryFile } from '../run/shardSummary.ts';
import { readSummaryFile } from '../run/shardSummaryFile.ts';
import { DEFAULT_SHRINK_RUNS } from '../run/shrink.ts';
import { intOption, UsageError } from './args.ts';

/** How a chaos campaign is spread and bounded. */
export interface ChaosScale {
  /** Worker threads (1: all runs in the main thread). */
  workers: number;
  shard: Shard;
  /** Stop scheduling runs once this much wall time is spent. */
  durationMs?: number;
  /** The summary file of an earlier session of the same campaign, to continue. */
  resume?: { path: string; file: SummaryFile };
  /** Where the summary file goes (none: `kubeprop campaign`, which prints one combined summary). */
  summaryPath?: string;
  /** `--summary` was given: write the file even for a whole campaign that finished. */
  summaryExplicit?: boolean;
}

export const MAX_WORKERS = 256;

/** `--workers N`, default one per core. */
export function workersOption(v: string | boolean | undefined, cores: number): number {
  return intOption('chaos', 'workers', v, 1, MAX_WORKERS) ?? cores;
}

/** `--shard i/n`: runs whose index ≡ i (mod n), i from 0 (as JOB_COMPLETION_INDEX counts). */
export function shardOption(v: string | boolean | undefined): Shard {
  if (v === undefined) return WHOLE;
  const shard = parseShard(String(v));
  if (shard === undefined)
    throw new UsageError(
      `kubeprop chaos: --shard must be i/n with 0 ≤ i < n ≤ 10000 (e.g. 0/4 for the first of 4 shards), got ${JSON.stringify(String(v))}`,
    );
  return shard;
}

/** `--duration 10m`: a wall-clock budget, more than 0. */
export function durationOption(v: string | boolean | undefined): number | undefined {
  if (v === undefined) return undefined;
  const ms = parseDuration(String(v));
  if (typeof ms === 'string') throw new UsageError(`kubeprop chaos: --duration: ${ms}`);
  if (ms <= 0)
    throw new UsageError(
      `kubeprop chaos: --duration must be longer than 0, got ${JSON.stringify(String(v))}`,
    );
  return ms;
}

/** The default summary file: one per shard, so shards can share one folder (a shared volume). */
export function defaultSummaryPath(reportDir: string, shard: Shard): string {
  const name =
    shard.count === 1 ? 'chaos-summary.json' : `chaos-summary.shard-${shard.index}-of-${shard.count}.json`;
  return join(reportDir, name);
}

/** `--summary FILE` must not name a folder. */
export function summaryOption(command: string, v: string | boolean | undefined, def: string): string {
  const path = v === undefined ? def : String(v);
  if (path === '') throw new UsageError(`kubeprop ${command}: --summary must not be empty`);
  if (existsSync(path) && statSync(path).isDirectory())
    throw new UsageError(`kubeprop ${command}: --summary ${path}: is a folder; name the summary file`);
  return path;
}

/** What the command line said about the campaign itself (absent: not given). */
export interface PlanFlags {
  seed?: number;
  controllers?: CampaignPlan['controllers'];
  runs?: number;
  shrinkRuns?: number;
  shard?: Shard;
}

/**
 * `--resume FILE`: the campaign to continue is the file's. A flag that names a different
 * campaign is refused rather than silently ignored: the result would not be the campaign asked for.
 */
export function resumeOption(path: string, flags: PlanFlags): { path: string; file: SummaryFile } {
  const file = readSummaryFile(path);
  const plan = file.campaign;
  const clash = (flag: string, given: string) =>
    new UsageError(
      `kubeprop chaos: --${flag} ${given} differs from the campaign in ${path} (${describePlan(plan)}, shard ${file.shard.index}/${file.shard.count}); leave it out to resume`,
    );
  if (flags.seed !== undefined && flags.seed !== plan.seed) throw clash('seed', String(flags.seed));
  if (flags.runs !== undefined && flags.runs !== plan.runs) throw clash('runs', String(flags.runs));
  if (flags.shrinkRuns !== undefined && flags.shrinkRuns !== plan.shrinkRuns)
    throw clash('shrink-runs', String(flags.shrinkRuns));
  if (flags.controllers !== undefined && flags.controllers.join(',') !== plan.controllers.join(','))
    throw clash('controller', flags.controllers.join(','));
  const s = flags.shard;
  if (s !== undefined && (s.index !== file.shard.index || s.count !== file.shard.count))
    throw clash('shard', `${s.index}/${s.count}`);
  return { path, file };
}

/** The plan of a new campaign from its flags. */
export function newPlan(flags: PlanFlags, durationMs: number | undefined, defaultRuns: number): CampaignPlan {
  return {
    seed: flags.seed ?? 1,
    controllers: flags.controllers ?? [],
    // A time budget alone runs until the time is spent; otherwise a run count bounds it.
    runs: flags.runs ?? (durationMs === undefined ? defaultRuns : null),
    shrinkRuns: flags.shrinkRuns ?? DEFAULT_SHRINK_RUNS,
  };
}

/** Summary files named on the merge command line; a folder stands for its shard summaries. */
export function summaryFilesIn(paths: readonly string[]): string[] {
  return paths.flatMap((p) => {
    if (!existsSync(p) || !statSync(p).isDirectory()) return [p];
    const found = readdirSync(p)
      .filter((n) => /^chaos-summary\.shard-\d+-of-\d+\.json$/.test(n))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((n) => join(p, n));
    if (found.length === 0)
      throw new UsageError(`kubeprop merge: ${p}: no chaos-summary.shard-*-of-*.json files in this folder`);
    return found;
  });
}
