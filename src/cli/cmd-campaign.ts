/**
 * `kubeprop campaign` (what `npm start` runs): every scenario under scenarios/, then a short random
 * chaos campaign over every available controller, reports into reports/.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadScenarioFile } from '../scenario/parse.ts';
import { getControllerVariants } from '../scenario/registries.ts';
import type { Scenario } from '../scenario/types.ts';
import { intOption, MAX_SEED, noPositionals, parseCommandArgs, stringOption } from './args.ts';
import { campaignControllers, pendingControllers, runChaos } from './cmd-chaos.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';
import { FORMATS, writeFailureReplay, writeRunReports } from './outputs.ts';
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
    runs: { type: 'string' },
    seed: { type: 'string' },
  });
  if (values.help) {
    out(HELP.campaign);
    return 0;
  }
  noPositionals('campaign', positionals);
  const reportDir = stringOption('campaign', 'report', values.report, 'reports');
  const runs = intOption('campaign', 'runs', values.runs, 0, 100_000) ?? 30;
  const seed = intOption('campaign', 'seed', values.seed, 0, MAX_SEED) ?? 1;
  // Parse everything first: one bad file stops the campaign before anything is written.
  const scenarios = findScenarioFiles(SCENARIO_DIR).map((f) => loadScenarioFile(f));
  let code = await runScenarios(scenarios, reportDir);
  if (runs > 0) {
    const opts = { controllers: campaignControllers('campaign', 'all'), runs, seed };
    code = Math.max(code, await runChaos(opts, reportDir, pendingControllers()));
  }
  return code;
}

async function runScenarios(scenarios: Scenario[], reportDir: string): Promise<number> {
  out(`scenarios: ${scenarios.length} under ${SCENARIO_DIR}/`);
  const run = await loadRunner();
  let code = 0;
  for (const scenario of scenarios) {
    const missing = missingController(scenario);
    if (missing !== undefined) {
      out(`SKIP  ${scenario.name}  pending: the ${missing} controller is not available yet`);
      continue;
    }
    const started = performance.now();
    const result = run(scenario);
    out(verdictLine(result, performance.now() - started));
    writeRunReports(result, reportDir, FORMATS, 'en');
    const verdict = judge(result);
    if (verdict !== 'pass') out(`      replay: ${writeFailureReplay(result, reportDir)}`);
    code = Math.max(code, EXIT_CODE[verdict]);
  }
  return code;
}
