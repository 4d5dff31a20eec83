/**
 * `kubeprop campaign` (what `npm start` runs): every scenario under scenarios/, then a short random
 * chaos campaign over every available controller, reports into reports/.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CampaignSummary } from '../run/campaign.ts';
import { loadScenarioFile } from '../scenario/parse.ts';
import { getControllerVariants } from '../scenario/registries.ts';
import type { Scenario } from '../scenario/types.ts';
import { intOption, MAX_SEED, noPositionals, parseCommandArgs, stringOption } from './args.ts';
import { campaignControllers, pendingControllers, runChaos, summaryTable } from './cmd-chaos.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';
import { FORMATS, writeFailureReplay, writeRunReports } from './outputs.ts';
import { checkReportDir } from './reportDir.ts';
import { loadRunner } from './runner.ts';
import { EXIT_CODE, judge, verdictLine } from './verdict.ts';

export const SCENARIO_DIR = 'scenarios';
const WORKLOAD_CONTROLLERS: Readonly<Record<string, string>> = {
  ReplicaSet: 'replicaset',
  DaemonSet: 'daemonset',
  StatefulSet: 'statefulset',
  Deployment: 'deployment',
};

/** Every `*.yaml` under `dir`, recursively, in sorted order (deterministic runs and output). */
export function findScenarioFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...findScenarioFiles(path));
    else if (name.endsWith('.yaml') || name.endsWith('.yml')) files.push(path);
  }
  return files;
}

/** A controller the scenario needs that this build lacks (the scenario is reported as pending). */
export function missingController(s: Scenario): string | undefined {
  for (const o of s.objects) {
    const c = WORKLOAD_CONTROLLERS[o.kind];
    if (c !== undefined && getControllerVariants(c) === undefined) return c;
  }
  return undefined;
}

export async function campaignCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('campaign', argv, {
    report: { type: 'string' },
    'files-root': { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
  });
  if (values.help) {
    out(HELP.campaign);
    return 0;
  }
  noPositionals('campaign', positionals);
  const reportDir = stringOption('campaign', 'report', values.report, 'reports');
  checkReportDir('campaign', reportDir);
  const filesRoot = values['files-root'] === undefined ? {} : { filesRoot: String(values['files-root']) };
  const runs = intOption('campaign', 'runs', values.runs, 0, 100_000) ?? 30;
  const seed = intOption('campaign', 'seed', values.seed, 0, MAX_SEED) ?? 1;
  // Parse everything first: one bad file stops the campaign before anything is written.
  const scenarios = findScenarioFiles(SCENARIO_DIR).map((f) => loadScenarioFile(f, filesRoot));
  const tally = await runScenarios(scenarios, reportDir);
  let chaos: CampaignSummary | undefined;
  let code = tally.code;
  if (runs > 0) {
    const opts = { controllers: campaignControllers('campaign', 'all'), runs, seed };
    const onSummary = (s: CampaignSummary) => {
      chaos = s;
    };
    code = Math.max(code, await runChaos(opts, reportDir, pendingControllers(), onSummary));
  }
  const summary = campaignSummary(tally, chaos, code);
  for (const line of summary.lines) out(line);
  return summary.code;
}

/** What the scenario half of a campaign did. */
export interface ScenarioTally {
  runs: number;
  passed: number;
  /** Runs whose verdict was fail (a violation, `expect` not met, nothing checked). */
  failed: string[];
  errors: string[];
  pending: number;
  /** The worst exit code of the scenario runs. */
  code: number;
}

async function runScenarios(scenarios: Scenario[], reportDir: string): Promise<ScenarioTally> {
  out(`scenarios: ${scenarios.length} under ${SCENARIO_DIR}/`);
  const run = await loadRunner();
  const tally: ScenarioTally = { runs: 0, passed: 0, failed: [], errors: [], pending: 0, code: 0 };
  for (const scenario of scenarios) {
    const missing = missingController(scenario);
    if (missing !== undefined) {
      out(`SKIP  ${scenario.name}  pending: the ${missing} controller is not available yet`);
      tally.pending++;
      continue;
    }
    const started = performance.now();
    const result = run(scenario);
    out(verdictLine(result, performance.now() - started));
    writeRunReports(result, reportDir, FORMATS, 'en');
    const verdict = judge(result);
    if (verdict !== 'pass') out(`      replay: ${writeFailureReplay(result, reportDir)}`);
    tally.runs++;
    if (verdict === 'pass') tally.passed++;
    else (verdict === 'error' ? tally.errors : tally.failed).push(scenario.name);
    tally.code = Math.max(tally.code, EXIT_CODE[verdict]);
  }
  return tally;
}

/**
 * The one summary a campaign ends with: scenarios and chaos runs counted together, and the exit
 * code those counts give (an error is 3, any failure or violation 1), so the last lines a user
 * reads agree with `$?` (issue #10: it once said "violations 0" and exited 1).
 * @param worst the worst exit code the runs reported; the summary never claims less.
 */
export function campaignSummary(
  tally: ScenarioTally,
  chaos: CampaignSummary | undefined,
  worst: number,
): { lines: string[]; code: number } {
  const failed = tally.failed.length + (chaos?.violations ?? 0);
  const errors = tally.errors.length + (chaos?.errors ?? 0);
  const code = Math.max(worst, errors > 0 ? 3 : failed > 0 ? 1 : 0);
  const pending = tally.pending > 0 ? ` (${tally.pending} pending)` : '';
  const runsOf = (n: number) => `${n} run${n === 1 ? '' : 's'}`;
  const lines = [
    '',
    'campaign summary',
    `  scenarios   ${runsOf(tally.runs)}: ${tally.passed} passed, ${tally.failed.length} failed, ${tally.errors.length} errors${pending}`,
  ];
  if (chaos !== undefined) {
    lines.push(
      `  chaos       ${runsOf(chaos.runs)}: ${chaos.passes} passed, ${chaos.violations} violations, ${chaos.errors} errors`,
    );
  }
  const total = tally.runs + (chaos?.runs ?? 0);
  lines.push(
    `  total       ${runsOf(total)}: ${total - failed - errors} passed, ${failed} failed, ${errors} errors`,
  );
  if (tally.failed.length > 0) lines.push(`  failed scenarios: ${tally.failed.join(', ')}`);
  if (tally.errors.length > 0) lines.push(`  scenarios with errors: ${tally.errors.join(', ')}`);
  const ids = Object.keys(chaos?.violationsById ?? {}).sort();
  if (ids.length > 0)
    lines.push(
      `  chaos violations by invariant: ${ids.map((id) => `${id} ${chaos!.violationsById[id]}`).join(', ')}`,
    );
  // The chaos table's other lines (shrinking, slowest run) still say something; its counts are above.
  const extra = chaos === undefined ? [] : summaryTable(chaos).filter((l) => /^(shrunk|slowest run)/.test(l));
  lines.push(...extra.map((l) => `  chaos ${l}`));
  lines.push(
    `exit ${code}: ${code === 0 ? 'every run passed' : code === 1 ? `${failed} failed` : `${errors} internal errors`}`,
  );
  return { lines, code };
}
