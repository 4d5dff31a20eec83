/**
 * Reports of runs with users' controllers and invariants: a user's invariant shows its own claim and
 * explanation, a user's controller its own xstate machine when it declares one (and no machine when
 * it does not: the built-in controller's it replaced would misdescribe it).
 */
import type { AnyStateMachine } from 'xstate';
import { defaultSources } from '../report/defaultSources.ts';
import { type Lang, type ReportFormat, writeReports } from '../report/index.ts';
import type { MachineGraph, ReportSources } from '../report/sources.ts';
import type { RunResult } from '../run/types.ts';
import type { Invariant } from './invariant.ts';
import type { Controller } from './types.ts';

export interface ControllerReportOptions {
  controllers?: Readonly<Record<string, Controller>>;
  invariants?: readonly Invariant[];
  /** Default `reports`. */
  dir?: string;
  /** Default all three. */
  formats?: readonly ReportFormat[];
  lang?: Lang;
}

/** Writes the run's reports with the users' machines and invariant texts; returns the paths. */
export function writeControllerReports(result: RunResult, options: ControllerReportOptions = {}): string[] {
  return writeReports(
    result,
    options.dir ?? 'reports',
    options.formats ?? ['json', 'md', 'html'],
    options.lang ?? 'en',
    reportSources(options.controllers ?? {}, options.invariants ?? []),
  );
}

export function reportSources(
  controllers: Readonly<Record<string, Controller>>,
  invariants: readonly Invariant[],
): ReportSources {
  return {
    ...defaultSources,
    machineGraph: (name) => {
      const c = controllers[name];
      if (!c) return defaultSources.machineGraph?.(name);
      return c.machine ? graphOf(c.machine) : undefined;
    },
    invariant: (id) => {
      const inv = invariants.find((i) => i.id === id);
      if (!inv) return defaultSources.invariant?.(id);
      const claim = { en: inv.claim.en, ko: inv.claim.ko ?? inv.claim.en };
      const explain = inv.explain ? { en: inv.explain.en, ko: inv.explain.ko ?? inv.explain.en } : claim;
      return { concept: 'workload', claim, explain };
    },
  };
}

/** The states and transitions of an xstate machine, read as the registry reads the built-in ones. */
function graphOf(machine: AnyStateMachine): MachineGraph {
  const root = machine.root;
  const states = Object.keys(root.states);
  const transitions: MachineGraph['transitions'] = [];
  for (const from of states) {
    const node = root.states[from]!;
    for (const [event, list] of node.transitions)
      for (const t of list)
        for (const target of t.target ?? [node]) transitions.push({ from, event, to: target.key });
  }
  return { states, initial: String(root.config.initial ?? states[0]), transitions };
}
