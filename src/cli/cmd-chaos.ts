/** `kubeprop chaos`: a random campaign from one seed, with progress and a summary table. */
import type { CampaignController, CampaignOptions, CampaignRun, CampaignSummary } from '../run/campaign.ts';
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
import { HELP } from './help.ts';
import { out } from './io.ts';
import { writeFailureReplay, writeRunReports } from './outputs.ts';
import { Progress } from './progress.ts';
import { checkReportDir } from './reportDir.ts';
import { loadRunner } from './runner.ts';
import { writeShrunkReplay } from './shrunk.ts';
import { EXIT_CODE, formatWall, judge, verdictLine } from './verdict.ts';

const CONTROLLER_CHOICES = ['replicaset', 'daemonset', 'statefulset', 'all'] as const;
export const DEFAULT_RUNS = 50;

/**
 * The controllers a campaign may use: those this build implements (`all` skips the rest, naming
 * one that is missing is bad input).
 */
export function campaignControllers(
  command: string,
  choice: (typeof CONTROLLER_CHOICES)[number],
): CampaignController[] {
  const wanted: CampaignController[] =
    choice === 'all' ? ['replicaset', 'daemonset', 'statefulset'] : [choice];
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
  return ['replicaset', 'daemonset', 'statefulset'].filter((c) => getControllerVariants(c) === undefined);
}

export async function chaosCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('chaos', argv, {
    controller: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    report: { type: 'string' },
    'shrink-runs': { type: 'string' },
  });
  if (values.help) {
    out(HELP.chaos);
    return 0;
  }
  noPositionals('chaos', positionals);
  const choice = choiceOption('chaos', 'controller', values.controller, CONTROLLER_CHOICES, 'all');
  const opts: CampaignOptions = {
    controllers: campaignControllers('chaos', choice),
    runs: intOption('chaos', 'runs', values.runs, 1, 100_000) ?? DEFAULT_RUNS,
    seed: intOption('chaos', 'seed', values.seed, 0, MAX_SEED) ?? 1,
    // Absent: runCampaign's default budget (src/run/shrink.ts DEFAULT_SHRINK_RUNS).
    shrinkRuns: intOption('chaos', 'shrink-runs', values['shrink-runs'], 0, 10_000),
  };
  const reportDir = stringOption('chaos', 'report', values.report, 'reports');
  checkReportDir('chaos', reportDir);
  return runChaos(opts, reportDir, choice === 'all' ? pendingControllers() : []);
}

/**
 * Runs a campaign with progress output; failing runs get a report and a replay file. Returns the
 * exit code. The summary table is printed, or handed to `onSummary` when given.
 */
export async function runChaos(
  opts: CampaignOptions,
  reportDir: string,
  pending: readonly string[] = [],
  onSummary?: (s: CampaignSummary) => void,
): Promise<number> {
  const { runCampaign } = await import('../run/campaign.ts');
  const run = await loadRunner();
  const note = pending.length > 0 ? ` (not available yet: ${pending.join(', ')})` : '';
  out(`chaos campaign: seed=${opts.seed} runs=${opts.runs} controllers=${opts.controllers.join(',')}${note}`);
  const progress = new Progress(opts.runs);
  let failures = 0;
  let code = 0;
  const onRun = (r: CampaignRun) => {
    const verdict = judge(r.result);
    code = Math.max(code, EXIT_CODE[verdict]);
    if (verdict !== 'pass') {
      failures++;
      writeRunReports(r.result, reportDir, ['json'], 'en');
      progress.note(verdictLine(r.result, r.wallMs));
      progress.note(`      replay: ${writeFailureReplay(r.result, reportDir)}`);
      if (r.shrunk !== undefined)
        for (const line of writeShrunkReplay(r.shrunk, r.result, reportDir, run)) progress.note(line);
    }
    progress.update(r.index + 1, failures);
  };
  const summary = runCampaign(opts, run, onRun);
  progress.done();
  // `campaign` prints one summary of its scenarios and chaos runs together instead.
  if (onSummary !== undefined) onSummary(summary);
  else for (const line of summaryTable(summary)) out(line);
  return code;
}

/** The end-of-campaign table: runs, outcomes, violations by invariant, slowest run. */
export function summaryTable(s: CampaignSummary): string[] {
  const lines = [
    '',
    `runs        ${s.runs}`,
    `passed      ${s.passes}`,
    `violations  ${s.violations}`,
    `errors      ${s.errors}`,
  ];
  const ids = Object.keys(s.violationsById).sort();
  if (ids.length > 0) {
    const width = Math.max(...ids.map((id) => id.length));
    lines.push('', 'violations by invariant:');
    for (const id of ids) lines.push(`  ${id.padEnd(width)}  ${s.violationsById[id]}`);
  }
  const shrunk = s.shrunk ?? [];
  if (shrunk.length > 0) {
    const from = median(shrunk.map((x) => x.fromEvents));
    const to = median(shrunk.map((x) => x.toEvents));
    lines.push(
      '',
      `shrunk      ${shrunk.length} failing run${shrunk.length === 1 ? '' : 's'}: median ${from} events to ${to}`,
    );
  }
  if (s.slowest !== undefined) {
    lines.push(
      '',
      `slowest run: ${s.slowest.name}  seed=${s.slowest.seed}  (${formatWall(s.slowest.wallMs)})`,
    );
  }
  return lines;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
