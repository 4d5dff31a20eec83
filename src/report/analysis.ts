/**
 * Format-independent analysis shared by the reporters: the first violation, the events that led to
 * it, which timeline lines to show in long runs, and state-machine coverage.
 */
import type { InvariantResult, MachineVisit, RunResult, Violation } from '../run/types.ts';
import type { TraceEvent } from '../trace/types.ts';
import { decisionNames, touchedObjects } from './events.ts';
import type { MachineGraph } from './sources.ts';

/** The earliest violation of the run (by step, then invariant order), if any. */
export function firstViolation(
  result: RunResult,
): { invariant: InvariantResult; violation: Violation } | undefined {
  let best: { invariant: InvariantResult; violation: Violation } | undefined;
  for (const invariant of result.invariants) {
    const v = invariant.violations[0];
    if (v && (!best || v.step < best.violation.step)) best = { invariant, violation: v };
  }
  return best;
}

/** Kinds that explain a violation (the rest is bookkeeping). */
const CAUSAL_KINDS = new Set([
  'fault',
  'controller',
  'create',
  'update',
  'delete',
  'node',
  'kubelet',
  'schedule',
  'gc',
  'api-error',
  'status',
]);

/** Index just past the events that can explain `violation`: up to its own `violation` event, if any. */
function cutIndex(events: readonly TraceEvent[], violation: Violation): number {
  let end = events.length;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.step > violation.step) return i;
    if (
      e.step === violation.step &&
      e.code === 'invariant.violated' &&
      e.params.message === violation.message
    )
      return i;
    end = i + 1;
  }
  return end;
}

/**
 * The events that led to a violation, oldest first: those before it (in its step, those before its
 * `violation` event) that touch one of its objects (by `objects`, the objects its parameters name,
 * or a controller decision naming it). Faults come first (up to half of `limit`), then the most recent
 * other events, status reports last.
 */
export function causalEvents(events: readonly TraceEvent[], violation: Violation, limit = 10): TraceEvent[] {
  const wanted = new Set(violation.objects);
  const names = violation.objects.map((o) => o.slice(o.indexOf('/') + 1)).filter((n) => n.length > 0);
  const hits: number[] = [];
  for (let i = cutIndex(events, violation) - 1; i >= 0; i--) {
    const e = events[i]!;
    if (!CAUSAL_KINDS.has(e.kind)) continue;
    if ([...touchedObjects(e)].some((o) => wanted.has(o)) || decisionNames(e).some((n) => names.includes(n)))
      hits.push(i);
  }
  const kindOf = (i: number) => events[i]!.kind;
  const faults = hits.filter((i) => kindOf(i) === 'fault').slice(0, Math.ceil(limit / 2));
  const others = hits.filter((i) => kindOf(i) !== 'fault' && kindOf(i) !== 'status');
  const statuses = hits.filter((i) => kindOf(i) === 'status');
  const chosen = [...faults, ...others, ...statuses].slice(0, limit);
  return chosen.sort((x, y) => x - y).map((i) => events[i]!);
}

/** A timeline entry: an event (with its index) or a run of elided events. */
export type TimelineItem = { event: TraceEvent; index: number } | { elided: number };

/** Kinds always shown in a long timeline. */
const KEY_KINDS = new Set(['fault', 'controller', 'violation', 'skip', 'api-error']);

/**
 * The lines of a timeline: all events when there are at most `max`, else only faults, controller
 * decisions, violations, skips and API errors, with each run of other events counted.
 */
export function timelineItems(events: readonly TraceEvent[], max = 200): TimelineItem[] {
  if (events.length <= max) return events.map((event, index) => ({ event, index }));
  const out: TimelineItem[] = [];
  let hidden = 0;
  events.forEach((event, index) => {
    if (KEY_KINDS.has(event.kind)) {
      if (hidden > 0) out.push({ elided: hidden });
      hidden = 0;
      out.push({ event, index });
    } else {
      hidden++;
    }
  });
  if (hidden > 0) out.push({ elided: hidden });
  return out;
}

/** Coverage of one controller's machine by a run. */
export interface MachineCoverage {
  controller: string;
  graph: MachineGraph;
  visitedStates: Set<string>;
  /** `from\0event\0to` → times taken. */
  visitedTransitions: Map<string, number>;
  statesVisited: number;
  transitionsVisited: number;
  /** Visits the graph does not contain (a mismatch worth showing). */
  unknownVisits: MachineVisit[];
}

/** The key of a transition in {@link MachineCoverage.visitedTransitions}. */
export function transitionKey(t: { from: string; event: string; to: string }): string {
  return `${t.from}\0${t.event}\0${t.to}`;
}

/** Which states and transitions of `graph` the run's visits cover. */
export function machineCoverage(
  controller: string,
  graph: MachineGraph,
  visits: readonly MachineVisit[],
): MachineCoverage {
  const mine = visits.filter((v) => v.controller === controller);
  const inGraph = new Set(graph.transitions.map(transitionKey));
  const visitedTransitions = new Map<string, number>();
  const unknownVisits: MachineVisit[] = [];
  const visitedStates = new Set<string>([graph.initial]);
  for (const v of mine) {
    const key = transitionKey(v);
    if (!inGraph.has(key)) {
      unknownVisits.push(v);
      continue;
    }
    visitedTransitions.set(key, (visitedTransitions.get(key) ?? 0) + v.count);
    visitedStates.add(v.from);
    visitedStates.add(v.to);
  }
  return {
    controller,
    graph,
    visitedStates,
    visitedTransitions,
    statesVisited: graph.states.filter((s) => visitedStates.has(s)).length,
    transitionsVisited: visitedTransitions.size,
    unknownVisits,
  };
}

/** Controllers a run involves: those with visits, plus those whose workload kind is in the scenario. */
export function controllersOf(result: RunResult): string[] {
  const names = new Set(result.machines.map((m) => m.controller));
  for (const o of result.scenario.objects) {
    if (
      o.kind === 'ReplicaSet' ||
      o.kind === 'DaemonSet' ||
      o.kind === 'StatefulSet' ||
      o.kind === 'Deployment'
    ) {
      names.add(o.kind.toLowerCase());
    }
  }
  return [...names].sort();
}

/**
 * The trace in reading order: within each step, scripted faults first. The simulator records a
 * fault's line after applying it, so its effects (a kubelet stopping Pods) would otherwise be read
 * before their cause. Only the order inside a step changes; steps and the JSON report keep the
 * trace order.
 */
export function readingOrder(events: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let i = 0;
  while (i < events.length) {
    let j = i;
    while (j < events.length && events[j]!.step === events[i]!.step) j++;
    const step = events.slice(i, j);
    out.push(...step.filter((e) => e.kind === 'fault' || e.kind === 'skip'));
    out.push(...step.filter((e) => e.kind !== 'fault' && e.kind !== 'skip'));
    i = j;
  }
  return out;
}

/** `result` with its events in {@link readingOrder} (for the Markdown and HTML reports). */
export function forReading(result: RunResult): RunResult {
  return { ...result, events: readingOrder(result.events) };
}
