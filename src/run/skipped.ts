/**
 * Events that named something absent at their moment are skipped, not errors (design §2); the
 * verdict line counts them so a run cannot pass while half its timeline did nothing. When another
 * event of the run explains the absence (the node was removed earlier, the workload deleted, or it
 * only joins later), that is recorded as data; the CLI words it, en and ko.
 */
import { createdRef, eventNode, eventTarget } from '../chaos/eventRefs.ts';
import { canonicalTarget } from '../chaos/refs.ts';
import type { ScenarioEvent } from '../scenario/types.ts';
import type { SkippedEvent } from './types.ts';

/** The skip of `ev`, with what explains it among `events` (the run's expanded timeline). */
export function skippedEvent(
  ev: ScenarioEvent,
  label: string,
  reason: string,
  events: readonly ScenarioEvent[],
): SkippedEvent {
  const out: SkippedEvent = { atMs: ev.at, label, reason };
  const gone = ev.do === 'add-node' ? undefined : explain(ev, events);
  if (gone !== undefined) out.gone = gone;
  return out;
}

function explain(ev: ScenarioEvent, events: readonly ScenarioEvent[]): SkippedEvent['gone'] {
  const node = eventNode(ev);
  if (node !== undefined) {
    return lifetime(`node/${node}`, ev.at, events, (e) =>
      eventNode(e) === node
        ? e.do === 'remove-node'
          ? 'end'
          : e.do === 'add-node'
            ? 'start'
            : undefined
        : undefined,
    );
  }
  const named = eventTarget(ev);
  const target = named === undefined ? undefined : canonicalTarget(named);
  if (target === undefined || ev.do === 'create-object') return undefined;
  return lifetime(target, ev.at, events, (e) => {
    if (e.do === 'delete-object' && canonicalTarget(e.target) === target) return 'end';
    return createdRef(e) === target ? 'start' : undefined;
  });
}

/** The last end of `ref` before `at`, else its first start after `at`. */
function lifetime(
  ref: string,
  at: number,
  events: readonly ScenarioEvent[],
  role: (e: ScenarioEvent) => 'start' | 'end' | undefined,
): SkippedEvent['gone'] {
  const ended = events.filter((e) => e.at <= at && role(e) === 'end').at(-1);
  // Removed and added again before the event: the absence is not explained by either.
  const back =
    ended !== undefined && events.some((e) => e.at > ended.at && e.at <= at && role(e) === 'start');
  if (ended !== undefined) return back ? undefined : { ref, how: 'gone', atMs: ended.at };
  const starts = events.find((e) => e.at > at && role(e) === 'start');
  return starts === undefined ? undefined : { ref, how: 'later', atMs: starts.at };
}
