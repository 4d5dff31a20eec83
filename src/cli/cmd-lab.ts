/**
 * `kubeprop lab <workload> <file>`: grades a student's controller (issue #15 item 5). It runs the
 * lab's scenario under chaos, seed after seed, and prints "passed N runs" or the first violated
 * invariant with its explanation, the shrunk counterexample's events and the report's path.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../api/scenario.ts';
import { gradeLab, LAB_CHECKS, type LabOutcome } from '../userController/lab.ts';
import { ControllerLoadError, loadControllerFile } from '../userController/load.ts';
import { intOption, parseCommandArgs, stringOption, UsageError } from './args.ts';
import { HELP } from './help.ts';
import { out } from './io.ts';

export async function labCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('lab', argv, {
    runs: { type: 'string' },
    'report-dir': { type: 'string' },
  });
  if (values.help) {
    out(HELP.lab!);
    return 0;
  }
  const [workload, file, ...extra] = positionals;
  if (workload === undefined || file === undefined || extra.length > 0)
    throw new UsageError(
      `kubeprop lab: name a workload and your controller's file, e.g. kubeprop lab replicaset ./my-rs.ts`,
    );
  if (!LAB_CHECKS[workload])
    throw new UsageError(
      `kubeprop lab: no lab for "${workload}" (labs: ${Object.keys(LAB_CHECKS).join(', ')})`,
    );
  const runs = intOption('lab', 'runs', values.runs, 1, 100_000) ?? 300;
  const reportDir = stringOption('lab', 'report-dir', values['report-dir'], 'reports/lab');
  let controller: Awaited<ReturnType<typeof loadControllerFile>>;
  try {
    controller = await loadControllerFile(file);
  } catch (e) {
    if (e instanceof ControllerLoadError) throw new UsageError(`kubeprop lab: ${e.message}`);
    throw new UsageError(
      `kubeprop lab: ${file}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`,
    );
  }
  const scenario = loadScenario(labScenario(workload));
  const outcome = await gradeLab(scenario, workload, controller, { runs, reportDir });
  for (const line of describe(outcome)) out(line);
  return outcome.passed ? 0 : 1;
}

function describe(o: LabOutcome): string[] {
  if (o.passed) return [`passed ${o.runs} runs`];
  return [
    `failed run ${o.run} (seed ${o.seed}): ${o.invariant} violated`,
    `  ${o.message}`,
    '',
    `  why it matters: ${o.explanation}`,
    '',
    `  the shortest run found that still breaks it (${o.events.length} event${o.events.length === 1 ? '' : 's'}):`,
    ...o.events.map((e) => `    ${e}`),
    ...(o.report ? ['', `  report: ${o.report}`] : []),
  ];
}

/** labs/<workload>/scenario.yaml of the package (from src/cli or dist, whichever runs). */
function labScenario(workload: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'labs', workload, 'scenario.yaml');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`the ${workload} lab's scenario is missing from this installation`);
}
