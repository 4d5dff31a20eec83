/**
 * Random chaos campaigns from code: what `kubeprop chaos` runs. Passing runs are only counted (a
 * campaign of thousands would otherwise hold every trace in memory); failing runs are kept, each
 * shrunk to a minimal event list.
 */
import {
  CAMPAIGN_CONTROLLERS,
  type CampaignController,
  type CampaignRun,
  type CampaignSummary,
  runCampaign as runParsedCampaign,
} from '../run/campaign.ts';
import { runScenario } from '../run/runScenario.ts';
import { OptionError } from './errors.ts';

export type { CampaignController, CampaignRun, CampaignSummary };

export interface CampaignOptions {
  /** Which controllers the generated scenarios exercise, round-robin (default: every one of CAMPAIGN_CONTROLLERS). */
  controllers?: readonly CampaignController[];
  /** How many scenarios (default 50, as `kubeprop chaos`). */
  runs?: number;
  /** The campaign seed (default 1): the same seed gives the same campaign. */
  seed?: number;
  /** Re-runs each failing run's shrink may spend (default 200; 0: do not shrink). */
  shrinkRuns?: number;
  /** Called after every run, passing or not (progress, reports). */
  onRun?: (run: CampaignRun) => void;
}

export interface CampaignOutcome {
  summary: CampaignSummary;
  /** The runs that did not pass, in run order, shrunk when shrinking is on. */
  failures: CampaignRun[];
}

/** Runs a random chaos campaign. @throws OptionError for an unknown controller or a bad count. */
export function runCampaign(options: CampaignOptions = {}): CampaignOutcome {
  const controllers = options.controllers ?? CAMPAIGN_CONTROLLERS;
  for (const c of controllers) {
    if (!CAMPAIGN_CONTROLLERS.includes(c))
      throw new OptionError(
        'controllers',
        `unknown controller "${c}" (known: ${CAMPAIGN_CONTROLLERS.join(', ')})`,
      );
  }
  const runs = options.runs ?? 50;
  if (!Number.isSafeInteger(runs) || runs < 0)
    throw new OptionError('runs', `runs must be a count, got ${runs}`);
  const failures: CampaignRun[] = [];
  const summary = runParsedCampaign(
    {
      controllers,
      runs,
      seed: options.seed ?? 1,
      ...(options.shrinkRuns !== undefined && { shrinkRuns: options.shrinkRuns }),
    },
    runScenario,
    (run) => {
      if (run.result.outcome !== 'pass') failures.push(run);
      options.onRun?.(run);
    },
  );
  return { summary, failures };
}
