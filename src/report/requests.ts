/**
 * Requests per pod over time (issue #16): for each moment clients sent requests, which pods
 * answered how many and how many failed, and why. Read from the trace's request lines, so it shows
 * exactly what the run recorded; empty when the run sent no requests.
 */
import type { TraceEvent } from '../trace/types.ts';
import { inlineCode } from './escape.ts';
import { formatTime } from './format.ts';
import { type MdContext, mdTable } from './mdParts.ts';

interface Batch {
  atMs: number;
  to: string;
  answered: Map<string, number>;
  failed: Map<string, number>;
}

/** Request lines grouped by time and name, in trace order. */
export function requestBatches(events: readonly TraceEvent[]): Batch[] {
  const out: Batch[] = [];
  for (const e of events) {
    if (e.code !== 'request.answered' && e.code !== 'request.failed') continue;
    let b = out.at(-1);
    if (!b || b.atMs !== e.atMs || b.to !== e.params.to) {
      b = { atMs: e.atMs, to: e.params.to, answered: new Map(), failed: new Map() };
      out.push(b);
    }
    const [map, key] =
      e.code === 'request.answered' ? [b.answered, e.params.pod] : [b.failed, e.params.reason];
    map.set(key, (map.get(key) ?? 0) + 1);
  }
  return out;
}

function counts(m: ReadonlyMap<string, number>): string {
  return [...m.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([k, n]) => `${k} ×${n}`)
    .join(', ');
}

export function requestsSection(c: MdContext): string {
  const batches = requestBatches(c.result.events);
  if (batches.length === 0) return '';
  const rows = batches.map((b) => [
    formatTime(b.atMs),
    inlineCode(b.to, true),
    counts(b.answered) || '–',
    counts(b.failed) || '–',
  ]);
  return [
    `## ${c.m('requests.heading')}`,
    '',
    c.m('requests.intro'),
    '',
    mdTable(
      [c.m('requests.time'), c.m('requests.to'), c.m('requests.answered'), c.m('requests.failed')],
      rows,
    ),
  ].join('\n');
}
