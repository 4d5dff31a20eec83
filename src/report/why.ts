/**
 * "Why this broke", by causal slicing over the structured trace: for a violation, the last writes
 * to the API that touched the objects it names (each write event carries the object it wrote in
 * its parameters), and for each write by a controller the decision that made it: the last machine
 * transition with a decision that controller recorded before the write landed (a controller
 * decides, then its API call lands one round trip later). Names are this run's; the text of each
 * event is rendered in the report's language from its code (eventText.ts).
 */
import type { RunResult, Violation } from '../run/types.ts';
import type { TraceEvent } from '../trace/types.ts';
import { touchedObjects } from './events.ts';

/** One write in the slice, with the controller decision behind it when a controller wrote it. */
export interface CausalWrite {
  write: TraceEvent;
  decision?: TraceEvent;
}

const WRITES = new Set(['api.pod', 'api.node', 'api.workload', 'api.pvc', 'api.object', 'api.removed']);

/** Index of the violation's own event (the slice ends before it), or just past its step. */
function endOf(events: readonly TraceEvent[], v: Violation): number {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.step > v.step) return i;
    if (e.step === v.step && e.code === 'invariant.violated' && e.params.message === v.message) return i;
  }
  return events.length;
}

/** Is this a write worth telling (not a status report of the kubelet or the node lifecycle)? */
function tells(e: TraceEvent): boolean {
  if (!WRITES.has(e.code)) return false;
  const verb = (e.params as { verb?: string }).verb;
  return verb !== 'status' || e.actor.endsWith('-controller');
}

/** The decision behind a controller's write at index `at`: its last decision before it. */
function decisionBefore(events: readonly TraceEvent[], at: number, actor: string): TraceEvent | undefined {
  for (let i = at - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.actor === actor && e.code === 'controller.decision') return e;
  }
  return undefined;
}

/** The last `limit` writes (oldest first) that touched the violation's objects before it. */
export function causalSlice(events: readonly TraceEvent[], v: Violation, limit = 4): CausalWrite[] {
  const wanted = new Set(v.objects);
  const out: CausalWrite[] = [];
  for (let i = endOf(events, v) - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i]!;
    if (!tells(e) || ![...touchedObjects(e)].some((o) => wanted.has(o))) continue;
    const decision = e.actor.endsWith('-controller') ? decisionBefore(events, i, e.actor) : undefined;
    out.push(decision ? { write: e, decision } : { write: e });
  }
  return out.reverse();
}

/** The mutant controllers a run uses (`controller` → variant), in registry order of the scenario. */
export function mutantsOf(result: RunResult): Array<{ controller: string; variant: string }> {
  return Object.entries(result.scenario.controllers ?? {})
    .filter(([, variant]) => variant !== undefined && variant !== 'correct')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([controller, variant]) => ({ controller, variant: variant as string }));
}
