/**
 * The course's labs (issue #15 item 5): a student's controller for a workload runs under chaos,
 * seed after seed, against the built-in invariants of that workload. The first run that violates
 * one is shrunk to the fewest scripted events that still violate it, and its report is written.
 */

import { getFault } from '../chaos/registry.ts';
import { getInvariant } from '../invariants/registry.ts';
import type { RunResult } from '../run/types.ts';
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import { writeControllerReports } from './reports.ts';
import { runWithControllers } from './run.ts';
import type { Controller } from './types.ts';

/** What each lab checks: the workload's own claims, those a controller of it must keep. */
export const LAB_CHECKS: Readonly<Record<string, readonly string[]>> = {
  replicaset: ['replicaset.no-overshoot', 'replicaset.exact-replicas', 'ownership.single-controller'],
  daemonset: ['daemonset.one-per-node', 'daemonset.coverage', 'ownership.single-controller'],
};

export interface LabOptions {
  /** How many chaos runs (seeds 1..runs). Default 300. */
  runs?: number;
  /** Where the failing run's reports go. Default `reports/lab`. */
  reportDir?: string;
  /** Write no report (tests). */
  noReport?: boolean;
}

export type LabOutcome =
  | { passed: true; runs: number }
  | {
      passed: false;
      run: number;
      seed: number;
      invariant: string;
      message: string;
      explanation: string;
      /** The shrunk counterexample's events, one line each (`at 30s: scale replicaset/frontend to 5`). */
      events: string[];
      /** The report of the shrunk run, when written. */
      report?: string;
    };

export async function gradeLab(
  scenario: Scenario,
  workload: string,
  controller: Controller,
  options: LabOptions = {},
): Promise<LabOutcome> {
  const check = LAB_CHECKS[workload];
  if (!check) throw new Error(`no lab for "${workload}" (labs: ${Object.keys(LAB_CHECKS).join(', ')})`);
  const runs = options.runs ?? 300;
  const run = (s: Scenario, seed?: number) =>
    runWithControllers(s, {
      controllers: { [workload]: controller },
      check,
      stopOnViolationOf: check,
      ...(seed !== undefined && { seed }),
    });
  for (let i = 1; i <= runs; i++) {
    const r = await run(scenario, i);
    const bad = firstViolation(r);
    if (!bad) continue;
    const shrunk = await shrinkEvents(r, bad.id, (s) => run(s));
    const v = firstViolation(shrunk) ?? bad;
    const report = options.noReport
      ? undefined
      : writeControllerReports(shrunk, {
          controllers: { [workload]: controller },
          dir: options.reportDir ?? 'reports/lab',
          formats: ['html'],
        })[0];
    return {
      passed: false,
      run: i,
      seed: r.seed,
      invariant: v.id,
      message: v.message,
      explanation: getInvariant(v.id)?.explain.en ?? '',
      events: shrunk.scenario.events.map(describeEvent),
      ...(report !== undefined && { report }),
    };
  }
  return { passed: true, runs };
}

function firstViolation(r: RunResult): { id: string; message: string } | undefined {
  if (r.error) return { id: 'run.error', message: r.error };
  const inv = r.invariants.find((i) => i.status === 'violated');
  return inv ? { id: inv.id, message: inv.violations[0]?.message ?? '' } : undefined;
}

/**
 * Greedy shrinking of the drawn events (the run's scenario holds them, expanded): drop halves, then
 * single events, while the same invariant is still violated. Runs are deterministic, so each try
 * is a plain re-run with the same seed.
 */
async function shrinkEvents(
  failing: RunResult,
  id: string,
  run: (s: Scenario) => Promise<RunResult>,
): Promise<RunResult> {
  let best = failing;
  const still = (r: RunResult) => firstViolation(r)?.id === id;
  const { chaos: _drawn, ...base } = failing.scenario;
  let events = [...failing.scenario.events];
  for (let size = Math.ceil(events.length / 2); size >= 1; size = size === 1 ? 0 : Math.ceil(size / 2)) {
    for (let start = 0; start < events.length; ) {
      const fewer = [...events.slice(0, start), ...events.slice(start + size)];
      const r = await run({ ...base, events: fewer });
      if (still(r)) {
        events = fewer;
        best = r;
      } else start += size;
    }
  }
  return best;
}

function describeEvent(ev: ScenarioEvent): string {
  const label = getFault(ev.do)?.describe(ev) ?? ev.do;
  return `at ${formatMs(ev.at)}: ${label}`;
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
