/**
 * The nodes × time picture as inline SVG: one row per Node (plus one for unscheduled Pods), time to
 * the right on a compressed axis (quiet stretches are shortened, so a 2 ms bind and a 5 minute
 * wait both stay visible), each Pod a bar coloured by phase, faults and violations as markers, and
 * a cursor the step-through control moves.
 */

import type { TraceEvent } from '../../trace/types.ts';
import type { Frame, NodeStatus, PodPhase } from '../cluster.ts';
import { escapeHtml } from '../escape.ts';
import { formatTime } from '../format.ts';
import { revisionColor } from './revisions.ts';
import { PHASE_COLOR } from './styles.ts';

const LABEL_W = 130;
const PLOT_W = 860;
const LANE_H = 20;
const BAR_H = 15;
const AXIS_H = 34;
const ROW_PAD = 6;
/** Height of the revision stripe under a Deployment Pod's bar. */
const REV_H = 4;

/** A run of constant phase of one Pod on one Node. */
export interface Segment {
  name: string;
  node: string | null;
  phase: PodPhase;
  /** The revision of its Deployment ReplicaSet, if any (a change starts a new segment). */
  revision?: number;
  fromMs: number;
  toMs: number;
}

/** Cuts the frames into constant-phase segments per (pod, node). */
export function segments(frames: readonly Frame[], endMs: number): Segment[] {
  const open = new Map<string, Segment>();
  const done: Segment[] = [];
  for (const f of frames) {
    const seen = new Set<string>();
    for (const p of f.pods) {
      const key = `${p.node ?? ''}\0${p.name}`;
      seen.add(key);
      const cur = open.get(key);
      if (cur && cur.phase === p.phase && cur.revision === p.revision) continue;
      if (cur) done.push({ ...cur, toMs: f.atMs });
      const seg: Segment = { name: p.name, node: p.node, phase: p.phase, fromMs: f.atMs, toMs: f.atMs };
      if (p.revision !== undefined) seg.revision = p.revision;
      open.set(key, seg);
    }
    for (const [key, seg] of open) {
      if (seen.has(key)) continue;
      done.push({ ...seg, toMs: f.atMs });
      open.delete(key);
    }
  }
  for (const seg of open.values()) done.push({ ...seg, toMs: Math.max(endMs, seg.fromMs) });
  return done;
}

/** A monotone map from simulated ms to x, giving each gap between event times a log-scaled width. */
export function timeScale(times: readonly number[], width: number): (ms: number) => number {
  const ts = [...new Set([0, ...times])].sort((a, b) => a - b);
  const weights = ts.slice(1).map((t, i) => 4 + 30 * Math.log10(1 + (t - ts[i]!) / 50));
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const xs = [0];
  for (const w of weights) xs.push(xs[xs.length - 1]! + (w / total) * width);
  return (ms: number) => {
    if (ms <= ts[0]!) return 0;
    let lo = 0;
    let hi = ts.length - 1;
    if (ms >= ts[hi]!) return xs[hi]!;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (ts[mid]! <= ms) lo = mid;
      else hi = mid;
    }
    const f = (ms - ts[lo]!) / (ts[hi]! - ts[lo]!);
    return xs[lo]! + f * (xs[hi]! - xs[lo]!);
  };
}

/** Greedy lanes per row so that bars of one row never overlap. */
function assignLanes(segs: readonly Segment[]): { lane: Map<string, number>; lanes: number } {
  const spans = new Map<string, [number, number]>();
  for (const s of segs) {
    const key = `${s.node ?? ''}\0${s.name}`;
    const cur = spans.get(key);
    spans.set(key, cur ? [Math.min(cur[0], s.fromMs), Math.max(cur[1], s.toMs)] : [s.fromMs, s.toMs]);
  }
  const order = [...spans.entries()].sort((a, b) => a[1][0] - b[1][0] || a[0].localeCompare(b[0]));
  const ends: number[] = [];
  const lane = new Map<string, number>();
  for (const [key, [from, to]] of order) {
    let i = ends.findIndex((end) => end <= from);
    if (i < 0) i = ends.push(to) - 1;
    else ends[i] = to;
    lane.set(key, i);
  }
  return { lane, lanes: Math.max(1, ends.length) };
}

const NODE_SHADE: Readonly<Partial<Record<NodeStatus, string>>> = {
  partitioned: '#ffedd5',
  crashed: '#e2e8f0',
  removed: '#f1f5f9',
};

/** Text for the row backgrounds and the node-status tooltip. */
export interface TimelineLabels {
  unscheduled: string;
  /** Tooltip of a span in which a node is not part of the cluster (before it joins, after removal). */
  absent: string;
  status: Readonly<Record<NodeStatus, string>>;
  phase: Readonly<Record<PodPhase, string>>;
  /** "revision {revision}", for the tooltip of a Deployment's Pod. */
  revision?: string;
}

/** Shaded spans where a node was partitioned, crashed or removed. */
function nodeShades(
  frames: readonly Frame[],
  node: string,
  endMs: number,
): Array<{ status: NodeStatus; from: number; to: number }> {
  const out: Array<{ status: NodeStatus; from: number; to: number }> = [];
  let cur: { status: NodeStatus; from: number } | undefined;
  for (const f of frames) {
    const st = f.nodes.find(([n]) => n === node)?.[1] ?? 'up';
    if (cur && cur.status === st) continue;
    if (cur && cur.status !== 'up') out.push({ ...cur, to: f.atMs });
    cur = { status: st, from: f.atMs };
  }
  if (cur && cur.status !== 'up') out.push({ ...cur, to: endMs });
  return out;
}

/**
 * Spans in which `node` is not in the cluster (before it joins, after it is removed), from the
 * step view's marks (nodeMarks.ts; bit 1 is "present").
 */
function absentSpans(
  frames: readonly Frame[],
  marks: readonly (readonly number[])[],
  ni: number,
  endMs: number,
): Array<{ from: number; to: number }> {
  const out: Array<{ from: number; to: number }> = [];
  let from: number | undefined = frames.length > 0 && !((marks[0]?.[ni] ?? 1) & 1) ? 0 : undefined;
  frames.forEach((f, fi) => {
    const present = ((marks[fi]?.[ni] ?? 1) & 1) === 1;
    if (present && from !== undefined) {
      out.push({ from, to: f.atMs });
      from = undefined;
    } else if (!present && from === undefined) from = f.atMs;
  });
  if (from !== undefined) out.push({ from, to: endMs });
  return out;
}

function barSvg(s: Segment, x: (ms: number) => number, y: number, labels: TimelineLabels): string {
  const x0 = LABEL_W + x(s.fromMs);
  const w = Math.max(2, LABEL_W + x(s.toMs) - x0);
  const rev = s.revision;
  const revText =
    rev === undefined || labels.revision === undefined
      ? ''
      : ` · ${labels.revision.replace('{revision}', String(rev))}`;
  const tip = `${s.name} · ${labels.phase[s.phase]}${revText} · ${formatTime(s.fromMs)}–${formatTime(s.toMs)}`;
  const ghost = s.phase === 'Ghost';
  const fill = ghost ? 'url(#ghost-hatch)' : PHASE_COLOR[s.phase];
  const stroke = ghost ? ' stroke="#dc2626" stroke-dasharray="3 2"' : '';
  // A Deployment's Pod: a stripe in its revision's colour along the bottom of the phase bar.
  const stripe =
    rev === undefined
      ? ''
      : `<rect class="rev" data-revision="${rev}" x="${x0.toFixed(1)}" y="${y + BAR_H - REV_H}" width="${w.toFixed(1)}" height="${REV_H}" fill="${revisionColor(rev)}"/>`;
  return `<g><title>${escapeHtml(tip)}</title><rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${BAR_H}" rx="3" fill="${fill}"${stroke}/>${stripe}</g>`;
}

/** Approximate width of `text` at 11px. */
function textWidth(text: string): number {
  return text.length * 6.6 + 6;
}

/**
 * The name of each pod bar: inside its longest segment when it fits, else just right of the bar
 * when nothing follows in that lane, else left of it when there is room (else only the tooltip).
 */
function namesSvg(
  mine: readonly Segment[],
  lane: Map<string, number>,
  x: (ms: number) => number,
  rowY: number,
): string {
  const bySlot = new Map<string, Segment[]>();
  for (const s of mine) {
    const key = `${s.node ?? ''}\0${s.name}`;
    bySlot.set(key, [...(bySlot.get(key) ?? []), s]);
  }
  const spans = [...bySlot.entries()].map(([key, segs]) => ({
    key,
    name: segs[0]!.name,
    lane: lane.get(key) ?? 0,
    x0: LABEL_W + x(Math.min(...segs.map((s) => s.fromMs))),
    x1: LABEL_W + x(Math.max(...segs.map((s) => s.toMs))),
    longest: segs.reduce((a, b) => (x(b.toMs) - x(b.fromMs) > x(a.toMs) - x(a.fromMs) ? b : a)),
  }));
  return spans
    .map((sp) => {
      const y = rowY + ROW_PAD + sp.lane * LANE_H + BAR_H - 4;
      const w = textWidth(sp.name);
      const lx0 = LABEL_W + x(sp.longest.fromMs);
      const inside = LABEL_W + x(sp.longest.toMs) - lx0 >= w;
      const others = spans.filter((o) => o !== sp && o.lane === sp.lane);
      const rightFree =
        sp.x1 + w + 4 <= LABEL_W + PLOT_W && others.every((o) => o.x1 <= sp.x0 || o.x0 >= sp.x1 + w + 4);
      const leftFree =
        sp.x0 - w - 4 >= LABEL_W && others.every((o) => o.x0 >= sp.x1 || o.x1 <= sp.x0 - w - 4);
      const ghost = sp.longest.phase === 'Ghost';
      if (inside) return nameText(lx0 + 4, y, sp.name, ghost ? '#991b1b' : '#fff', false);
      if (rightFree) return nameText(sp.x1 + 3, y, sp.name, '#334155', true);
      if (leftFree) return nameText(sp.x0 - w - 1, y, sp.name, '#334155', true);
      return '';
    })
    .join('');
}

function nameText(x: number, y: number, name: string, color: string, halo: boolean): string {
  const h = halo ? ' paint-order="stroke" stroke="#fff" stroke-width="3"' : '';
  return `<text x="${x.toFixed(1)}" y="${y}" font-size="11" fill="${color}"${h}>${escapeHtml(name)}</text>`;
}

function markerSvg(e: TraceEvent, x: (ms: number) => number, height: number): string {
  const xx = (LABEL_W + x(e.atMs)).toFixed(1);
  const bad = e.kind === 'violation';
  const color = bad ? '#dc2626' : '#d97706';
  const glyph = bad ? '✖' : '⚡';
  return `<g class="marker"><title>${escapeHtml(`${formatTime(e.atMs)} ${e.text}`)}</title><line x1="${xx}" y1="${AXIS_H - 14}" x2="${xx}" y2="${height}" stroke="${color}" stroke-width="1.5" stroke-dasharray="4 3"/><text x="${xx}" y="${AXIS_H - 18}" text-anchor="middle" font-size="14" fill="${color}">${glyph}</text></g>`;
}

function axisSvg(frames: readonly Frame[], x: (ms: number) => number, endMs: number): string {
  const ticks: string[] = [];
  let lastX = -Infinity;
  for (const ms of [...frames.map((f) => f.atMs), endMs]) {
    const xx = LABEL_W + x(ms);
    if (xx - lastX < 70) continue;
    lastX = xx;
    ticks.push(
      `<line x1="${xx.toFixed(1)}" y1="${AXIS_H - 4}" x2="${xx.toFixed(1)}" y2="${AXIS_H}" stroke="#94a3b8"/>`,
    );
    ticks.push(
      `<text x="${xx.toFixed(1)}" y="${AXIS_H - 6}" font-size="10" fill="#64748b" text-anchor="middle">${formatTime(ms)}</text>`,
    );
  }
  return `<g class="axis">${ticks.join('')}</g>`;
}

/** The picture and the cursor x of every frame (for the stepper). */
export function timelineSvg(
  frames: readonly Frame[],
  nodes: readonly string[],
  events: readonly TraceEvent[],
  endMs: number,
  labels: TimelineLabels,
  marks: readonly (readonly number[])[] = [],
): { svg: string; frameX: number[] } {
  const x = timeScale([...frames.map((f) => f.atMs), endMs], PLOT_W);
  const segs = segments(frames, endMs);
  const rows: Array<{ node: string | null; label: string }> = nodes.map((n) => ({ node: n, label: n }));
  if (segs.some((s) => s.node === null)) rows.push({ node: null, label: labels.unscheduled });
  const parts: string[] = [];
  let y = AXIS_H + 4;
  for (const row of rows) {
    const mine = segs.filter((s) => s.node === row.node);
    const { lane, lanes } = assignLanes(mine);
    const h = lanes * LANE_H + ROW_PAD * 2;
    parts.push(
      `<rect x="0" y="${y}" width="${LABEL_W + PLOT_W}" height="${h}" fill="${rows.indexOf(row) % 2 ? '#fff' : '#f8fafc'}"/>`,
    );
    for (const sh of row.node === null ? [] : nodeShades(frames, row.node, endMs)) {
      const x0 = LABEL_W + x(sh.from);
      parts.push(
        `<g><title>${escapeHtml(`${row.label}: ${labels.status[sh.status]} ${formatTime(sh.from)}–${formatTime(sh.to)}`)}</title><rect x="${x0.toFixed(1)}" y="${y}" width="${Math.max(1, LABEL_W + x(sh.to) - x0).toFixed(1)}" height="${h}" fill="${NODE_SHADE[sh.status]}"/></g>`,
      );
    }
    const ni = row.node === null ? -1 : nodes.indexOf(row.node);
    for (const sp of ni < 0 ? [] : absentSpans(frames, marks, ni, endMs)) {
      const x0 = LABEL_W + x(sp.from);
      const w = Math.max(1, LABEL_W + x(sp.to) - x0);
      parts.push(
        `<g class="absent" data-node="${escapeHtml(row.label)}"><title>${escapeHtml(`${row.label}: ${labels.absent} ${formatTime(sp.from)}–${formatTime(sp.to)}`)}</title><rect x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="url(#absent-hatch)"/></g>`,
      );
    }
    parts.push(
      `<text x="8" y="${y + ROW_PAD + 13}" font-size="12" font-weight="600" fill="#334155">${escapeHtml(row.label)}</text>`,
    );
    for (const s of mine) {
      const key = `${s.node ?? ''}\0${s.name}`;
      parts.push(barSvg(s, x, y + ROW_PAD + (lane.get(key) ?? 0) * LANE_H, labels));
    }
    parts.push(namesSvg(mine, lane, x, y));
    y += h;
  }
  const markers = events
    .filter((e) => e.kind === 'fault' || e.kind === 'violation')
    .map((e) => markerSvg(e, x, y));
  const defs =
    '<defs><pattern id="ghost-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fee2e2"/><line x1="0" y1="0" x2="0" y2="6" stroke="#dc2626" stroke-width="2"/></pattern><pattern id="absent-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f1f5f9"/><line x1="0" y1="0" x2="0" y2="8" stroke="#cbd5e1" stroke-width="3"/></pattern></defs>';
  const cursor = `<line id="cursor" x1="${LABEL_W}" y1="${AXIS_H - 4}" x2="${LABEL_W}" y2="${y}" stroke="#2563eb" stroke-width="2"/>`;
  const width = LABEL_W + PLOT_W + 40;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" id="picture" viewBox="0 0 ${width} ${y + 4}" width="${width}" role="img">${defs}${axisSvg(frames, x, endMs)}${parts.join('')}${markers.join('')}${cursor}</svg>`;
  return { svg, frameX: frames.map((f) => Math.round((LABEL_W + x(f.atMs)) * 10) / 10) };
}
