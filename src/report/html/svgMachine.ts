/**
 * A controller's state machine as inline SVG with a small layered layout computed here: states are
 * placed in columns by their distance from the initial state, forward transitions curve right,
 * transitions back to an earlier column arc below the states, and self-transitions loop above.
 * Visited states and transitions are drawn strong and green, the rest faint and dashed.
 */
import { type MachineCoverage, transitionKey } from '../analysis.ts';
import { escapeHtml } from '../escape.ts';

const COL_GAP = 110;
const ROW_H = 64;
const BOX_H = 32;
const PAD = 30;

/** A coordinate with at most one decimal, so paths stay short and stable. */
function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

interface Placed {
  x: number;
  y: number;
  w: number;
}

/** Column of each state: BFS distance from the initial state; unreachable states go last. */
export function layers(
  states: readonly string[],
  initial: string,
  transitions: ReadonlyArray<{ from: string; to: string }>,
): Map<string, number> {
  const layer = new Map<string, number>([[initial, 0]]);
  const queue = [initial];
  while (queue.length > 0) {
    const s = queue.shift()!;
    for (const t of transitions) {
      if (t.from === s && !layer.has(t.to)) {
        layer.set(t.to, layer.get(s)! + 1);
        queue.push(t.to);
      }
    }
  }
  const last = Math.max(0, ...layer.values()) + 1;
  for (const s of states) if (!layer.has(s)) layer.set(s, last);
  return layer;
}

interface Layout {
  pos: Map<string, Placed>;
  width: number;
  /** Bottom of the lowest state box. */
  bottom: number;
}

function place(cov: MachineCoverage): Layout {
  const { states, initial, transitions } = cov.graph;
  const layer = layers(states, initial, transitions);
  const columns: string[][] = [];
  for (const s of states) {
    const i = layer.get(s)!;
    columns[i] = [...(columns[i] ?? []), s];
  }
  const pos = new Map<string, Placed>();
  let x = PAD + 24;
  const rows = Math.max(1, ...columns.map((c) => c?.length ?? 0));
  for (const col of columns) {
    if (!col) continue;
    const w = Math.max(...col.map((s) => 22 + s.length * 7.4));
    col.forEach((s, i) => {
      const offset = ((rows - col.length) * ROW_H) / 2;
      pos.set(s, { x: r1(x), y: r1(PAD + 40 + offset + i * ROW_H), w: r1(w) });
    });
    x += w + COL_GAP;
  }
  return { pos, width: x - COL_GAP + PAD, bottom: PAD + 40 + (rows - 1) * ROW_H + BOX_H };
}

type Transition = MachineCoverage['graph']['transitions'][number];

/** A routed edge: its path and where its label goes. */
interface Route {
  d: string;
  lx: number;
  ly: number;
}

function forwardRoute(a: Placed, b: Placed, nth: number): Route {
  const ay = a.y + BOX_H / 2;
  const by = b.y + BOX_H / 2 + nth * 6;
  const x1 = a.x + a.w;
  const x2 = b.x;
  const mx = r1((x1 + x2) / 2);
  return { d: `M${r1(x1)},${ay} C${mx},${ay} ${mx},${by} ${x2},${by}`, lx: mx, ly: (ay + by) / 2 - 4 };
}

function sameColumnRoute(a: Placed, b: Placed): Route {
  const x = r1(a.x + a.w * 0.75);
  const down = b.y > a.y;
  const y1 = down ? a.y + BOX_H : a.y;
  const y2 = down ? b.y : b.y + BOX_H;
  return { d: `M${x},${y1} L${x},${y2}`, lx: x + 6, ly: (y1 + y2) / 2 + 4 };
}

function selfRoute(a: Placed): Route {
  const cx = a.x + a.w / 2;
  return {
    d: `M${cx - 10},${a.y} C${cx - 30},${a.y - 36} ${cx + 30},${a.y - 36} ${cx + 10},${a.y}`,
    lx: cx,
    ly: a.y - 28,
  };
}

/**
 * A transition back to an earlier column leaves its source on the left, drops in the gap before the
 * source's column to its own track below the states, runs across and rises into the target.
 */
function backRoute(a: Placed, b: Placed, trackY: number, tx: number, k: number): Route {
  const ay = a.y + BOX_H - 7;
  const gx = r1(a.x - 10 - (k % 4) * 5);
  const r = 6;
  const d = `M${a.x},${ay} L${gx + r},${ay} Q${gx},${ay} ${gx},${ay + r} L${gx},${trackY - r} Q${gx},${trackY} ${gx - r},${trackY} L${tx + r},${trackY} Q${tx},${trackY} ${tx},${trackY - r} L${tx},${b.y + BOX_H}`;
  return { d, lx: (gx + tx) / 2, ly: trackY - 3 };
}

/** Routes every transition; back edges get tracks (shorter spans nearer the states). */
function routes(
  cov: MachineCoverage,
  layout: Layout,
): { routes: Array<[Transition, Route]>; height: number } {
  const { pos, bottom } = layout;
  const ts = cov.graph.transitions.filter((t) => pos.has(t.from) && pos.has(t.to));
  const isBack = (t: Transition) => t.from !== t.to && pos.get(t.to)!.x < pos.get(t.from)!.x;
  const back = ts
    .filter(isBack)
    .sort((p, q) => pos.get(p.from)!.x - pos.get(p.to)!.x - (pos.get(q.from)!.x - pos.get(q.to)!.x));
  const incoming = new Map<string, number>();
  const total = new Map<string, number>();
  for (const t of back) total.set(t.to, (total.get(t.to) ?? 0) + 1);
  const seen = new Map<string, number>();
  const out: Array<[Transition, Route]> = ts.map((t) => {
    const a = pos.get(t.from)!;
    const b = pos.get(t.to)!;
    if (t.from === t.to) return [t, selfRoute(a)];
    if (isBack(t)) {
      const k = back.indexOf(t);
      const i = incoming.get(t.to) ?? 0;
      incoming.set(t.to, i + 1);
      const tx = r1(b.x + b.w * (0.25 + (0.5 * (i + 0.5)) / total.get(t.to)!));
      return [t, backRoute(a, b, bottom + 22 + k * 16, tx, k)];
    }
    if (a.x === b.x) return [t, sameColumnRoute(a, b)];
    const pair = `${t.from}\0${t.to}`;
    const nth = seen.get(pair) ?? 0;
    seen.set(pair, nth + 1);
    return [t, forwardRoute(a, b, nth)];
  });
  return { routes: out, height: bottom + 22 + back.length * 16 + PAD };
}

/** Edges; only visited ones are labelled (unvisited labels crowd busy machines; hover shows them). */
function edgesSvg(
  cov: MachineCoverage,
  rs: Array<[Transition, Route]>,
  id: string,
  edgeTitle: EdgeTitle,
): string {
  return rs
    .map(([t, { d, lx, ly }]) => {
      const count = cov.visitedTransitions.get(transitionKey(t));
      const on = count !== undefined;
      const stroke = on
        ? 'stroke="#047857" stroke-width="2.2"'
        : 'stroke="#9ca3af" stroke-width="1.2" stroke-dasharray="4 3"';
      const label = on ? `${t.event} ×${count}` : t.event;
      return `<g class="tr${on ? ' visited' : ''}"><title>${escapeHtml(edgeTitle(t.from, t.to, label))}</title><path d="${d}" fill="none" ${stroke} marker-end="url(#${id}-${on ? 'on' : 'off'})"/>${on ? `<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" font-size="10" text-anchor="middle" fill="#065f46" paint-order="stroke" stroke="#fff" stroke-width="3">${escapeHtml(label)}</text>` : ''}</g>`;
    })
    .join('');
}

function statesSvg(cov: MachineCoverage, pos: Map<string, Placed>): string {
  return cov.graph.states
    .map((s) => {
      const p = pos.get(s)!;
      const on = cov.visitedStates.has(s);
      const style = on
        ? 'fill="#d1fae5" stroke="#047857" stroke-width="2.5"'
        : 'fill="#f3f4f6" stroke="#9ca3af" stroke-dasharray="4 3"';
      return `<g class="state${on ? ' visited' : ''}" data-state="${escapeHtml(s)}"><rect x="${p.x}" y="${p.y}" width="${p.w.toFixed(1)}" height="${BOX_H}" rx="14" ${style}/><text x="${(p.x + p.w / 2).toFixed(1)}" y="${p.y + 20}" font-size="12" text-anchor="middle" fill="${on ? '#064e3b' : '#6b7280'}" font-weight="${on ? 600 : 400}">${escapeHtml(s)}</text></g>`;
    })
    .join('');
}

/** The hover text of an edge (`event` may end with ` ×<times taken>`), in the report's language. */
export type EdgeTitle = (from: string, to: string, event: string) => string;

const ENGLISH_EDGE: EdgeTitle = (from, to, event) => `${from} → ${to} on ${event}`;

/** The SVG of one machine; `id` must be unique in the document (it prefixes marker ids). */
export function machineSvg(cov: MachineCoverage, id: string, edgeTitle: EdgeTitle = ENGLISH_EDGE): string {
  const layout = place(cov);
  const { routes: rs, height } = routes(cov, layout);
  const init = layout.pos.get(cov.graph.initial);
  const arrow = (suffix: string, color: string) =>
    `<marker id="${id}-${suffix}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`;
  const start = init
    ? `<circle cx="${PAD}" cy="${init.y + BOX_H / 2}" r="6" fill="#111827"/><path d="M${PAD + 6},${init.y + BOX_H / 2} L${init.x},${init.y + BOX_H / 2}" stroke="#111827" stroke-width="1.5" marker-end="url(#${id}-on)"/>`
    : '';
  const w = layout.width.toFixed(0);
  return `<svg xmlns="http://www.w3.org/2000/svg" class="machine-svg" viewBox="0 0 ${w} ${height.toFixed(0)}" width="${w}" role="img"><defs>${arrow('on', '#047857')}${arrow('off', '#9ca3af')}</defs>${start}${edgesSvg(cov, rs, id, edgeTitle)}${statesSvg(cov, layout.pos)}</svg>`;
}
