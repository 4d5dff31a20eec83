/**
 * `--reporter json` / `-o json`: the verdicts as one JSON document, for machines. Per scenario the
 * file, the verdict, each invariant's status with its first violation, and the replay of a failure.
 */
import { TOOLKIT_VERSION } from '../../version.ts';
import type { Reporter, ScenarioOutcome } from './types.ts';

function scenarioJson(o: ScenarioOutcome): Record<string, unknown> {
  const r = o.result;
  return {
    file: o.file,
    scenario: r.scenario.name,
    seed: r.seed,
    verdict: o.verdict,
    outcome: r.outcome,
    wallMs: Math.round(o.wallMs * 10) / 10,
    traceDigest: r.traceDigest,
    invariants: r.invariants.map((i) => ({
      id: i.id,
      kind: i.kind,
      status: i.status,
      violations: i.violations.length,
      ...(i.violations[0] !== undefined && { first: i.violations[0] }),
      ...(i.heldByDesign !== undefined && { heldByDesign: i.heldByDesign.length }),
    })),
    expectMet: r.expectMet,
    expectProblems: r.expectProblems,
    ...(r.nothingChecked !== undefined && { nothingChecked: r.nothingChecked.en }),
    ...(r.error !== undefined && { error: r.error }),
    ...(o.replay !== undefined && { replay: o.replay }),
  };
}

export const jsonReporter: Reporter = (outcomes, exitCode) => {
  const count = (v: string) => outcomes.filter((o) => o.verdict === v).length;
  const doc = {
    kubeprop: TOOLKIT_VERSION,
    exitCode,
    summary: {
      scenarios: outcomes.length,
      passed: count('pass'),
      failed: count('fail'),
      errors: count('error'),
    },
    scenarios: outcomes.map(scenarioJson),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
