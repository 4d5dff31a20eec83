/** `kubeprop chaos`: a random campaign from one seed, with progress and a summary table. */
import {
  CAMPAIGN_CONTROLLERS,
  type CampaignController,
  type CampaignOptions,
  type CampaignSummary,
} from '../run/campaign.ts';
import { defaultWorkers } from '../run/workers/drive.ts';
import { getControllerVariants } from '../scenario/registries.ts';
import {
  choiceOption,
  intOption,
  MAX_SEED,
  noPositionals,
  parseCommandArgs,
  stringOption,
  UsageError,
} from './args.ts';
import {
  type ChaosScale,
  defaultSummaryPath,
  durationOption,
  newPlan,
  type PlanFlags,
  resumeOption,
  shardOption,
  summaryOption,
  workersOption,
} from './chaosOptions.ts';
import { runSession } from './chaosSession.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';
import { checkReportDir } from './reportDir.ts';

const CONTROLLER_CHOICES = ['replicaset', 'daemonset', 'statefulset', 'deployment', 'all'] as const;
export const DEFAULT_RUNS = 50;

/**
 * The controllers a campaign may use: those this build implements (`all` skips the rest, naming
 * one that is missing is bad input).
 */
export function campaignControllers(
  command: string,
  choice: (typeof CONTROLLER_CHOICES)[number],
): CampaignController[] {
  const wanted: CampaignController[] = choice === 'all' ? [...CAMPAIGN_CONTROLLERS] : [choice];
  const available = wanted.filter((c) => getControllerVariants(c) !== undefined);
  if (available.length === 0) {
    throw new UsageError(
      `kubeprop ${command}: the ${wanted.join('/')} controller is not available in this version of kubeprop`,
    );
  }
  return available;
}

/** Controllers this build does not implement yet (named in the campaign header). */
export function pendingControllers(): string[] {
  return CAMPAIGN_CONTROLLERS.filter((c) => getControllerVariants(c) === undefined);
}

export async function chaosCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('chaos', argv, {
    controller: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    report: { type: 'string' },
    'shrink-runs': { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    duration: { type: 'string' },
    resume: { type: 'string' },
    summary: { type: 'string' },
  });
  if (values.help) {
    out(HELP.chaos);
    return 0;
  }
  noPositionals('chaos', positionals);
  const choice =
    values.controller === undefined
      ? undefined
      : choiceOption('chaos', 'controller', values.controller, CONTROLLER_CHOICES, 'all');
  const flags: PlanFlags = {
    ...(choice !== undefined && { controllers: campaignControllers('chaos', choice) }),
    ...optional('runs', intOption('chaos', 'runs', values.runs, 1, 100_000)),
    ...optional('seed', intOption('chaos', 'seed', values.seed, 0, MAX_SEED)),
    ...optional('shrinkRuns', intOption('chaos', 'shrink-runs', values['shrink-runs'], 0, 10_000)),
    ...(values.shard !== undefined && { shard: shardOption(values.shard) }),
  };
  const workers = workersOption(values.workers, defaultWorkers());
  const durationMs = durationOption(values.duration);
  const reportDir = stringOption('chaos', 'report', values.report, 'reports');
  checkReportDir('chaos', reportDir);
  const resume =
    values.resume === undefined
      ? undefined
      : resumeOption(stringOption('chaos', 'resume', values.resume, ''), flags);
  const plan =
    resume?.file.campaign ??
    newPlan({ controllers: campaignControllers('chaos', 'all'), ...flags }, durationMs, DEFAULT_RUNS);
  const shard = resume?.file.shard ?? flags.shard ?? shardOption(undefined);
  const scale: ChaosScale = {
    workers,
    shard,
    ...(durationMs !== undefined && { durationMs }),
    ...(resume !== undefined && { resume }),
    summaryPath: summaryOption('chaos', values.summary, resume?.path ?? defaultSummaryPath(reportDir, shard)),
    summaryExplicit: values.summary !== undefined,
  };
  const opts: CampaignOptions = {
    controllers: plan.controllers,
    runs: plan.runs ?? Number.POSITIVE_INFINITY,
    seed: plan.seed,
    shrinkRuns: plan.shrinkRuns,
  };
  const all = resume === undefined ? (choice ?? 'all') === 'all' : plan.controllers.length > 1;
  return runChaos(opts, reportDir, all ? pendingControllers() : [], undefined, scale);
}

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

/**
 * Runs a campaign with progress output; failing runs get a report and a replay file. Returns the
 * exit code (130 when a signal stopped it). The summary table is printed, or handed to
 * `onSummary` when given. `opts.runs` may be infinite with a time budget in `scale`.
 */
export async function runChaos(
  opts: CampaignOptions,
  reportDir: string,
  pending: readonly string[] = [],
  onSummary?: (s: CampaignSummary) => void,
  scale: ChaosScale = { workers: 1, shard: shardOption(undefined) },
): Promise<number> {
  return runSession(opts, reportDir, pending, scale, onSummary);
}

export { summaryTable } from './chaosSummary.ts';
