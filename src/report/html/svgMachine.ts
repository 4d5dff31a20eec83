/**
 * A controller's state machine as inline SVG, laid out by dagre (@dagrejs/dagre: a layered graph
 * layout that places the states, routes the arrows and gives every arrow's label a place of its
 * own, so boxes and labels never sit on one another). By default the figure shows only the moves
 * the run made and the states it passed through; a checkbox (pure CSS, no script) swaps in the
 * whole machine with the moves not taken drawn faint and dashed.
 */
import dagre, { type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import { type MachineCoverage, transitionKey } from '../analysis.ts';
import { escapeHtml } from '../escape.ts';

const BOX_H = 32;
const LABEL_H = 14;
/** Approximate advance of one character of the 12px state font and the 10px label font. */
const STATE_CHAR_W = 7.4;
const LABEL_CHAR_W = 6.2;
const START = '\u0000start';
const START_R = 6;

type Transition = MachineCoverage['graph']['transitions'][number];

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where dagre put everything: state boxes, arrows as points, label boxes (top-left corners). */
export interface MachineLayout {
  states: Map<string, Box>;
  edges: Array<{ t: Transition; points: Array<{ x: number; y: number }>; label: Box }>;
  /** The start dot and the path from it to the initial state. */
  start?: { x: number; y: number; points: Array<{ x: number; y: number }> };
  width: number;
  height: number;
}

/** A coordinate with at most one decimal, so paths stay short and stable. */
function r1(v: number): number {
  return Math.round(v * 10) / 10;
}

/**
 * Layouts already computed, by graph: a layout depends on the graph alone (never on a run), and
 * the whole StatefulSet machine takes dagre 100–300 ms, once per report otherwise. Bounded: a
 * process renders few distinct machines.
 */
const LAYOUTS = new Map<string, MachineLayout>();
const MAX_LAYOUTS = 32;

/**
 * Lays out `states` and `transitions` left to right, the initial state first. The result is
 * shared between callers with the same graph: read it, do not change it.
 */
export function layoutMachine(
  states: readonly string[],
  initial: string,
  transitions: readonly Transition[],
): MachineLayout {
  const key = JSON.stringify([states, initial, transitions.map((t) => [t.from, t.event, t.to])]);
  let layout = LAYOUTS.get(key);
  if (!layout) {
    layout = computeLayout(states, initial, transitions);
    if (LAYOUTS.size >= MAX_LAYOUTS) LAYOUTS.delete(LAYOUTS.keys().next().value!);
    LAYOUTS.set(key, layout);
  }
  return layout;
}

function computeLayout(
  states: readonly string[],
  initial: string,
  transitions: readonly Transition[],
): MachineLayout {
  const g = new dagre.graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 46, edgesep: 12, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of states) g.setNode(s, { width: 22 + s.length * STATE_CHAR_W, height: BOX_H });
  if (states.includes(initial)) {
    g.setNode(START, { width: START_R * 2, height: START_R * 2 });
    g.setEdge(START, initial, { minlen: 1 }, 'start');
  }
  transitions.forEach((t, i) => {
    const label = { width: t.event.length * LABEL_CHAR_W + 6, height: LABEL_H, labelpos: 'c' as const };
    g.setEdge(t.from, t.to, label, `t${i}`);
  });
  dagre.layout(g);
  const placed = new Map<string, Box>();
  for (const s of states) {
    const n: NodeLabel = g.node(s);
    placed.set(s, { x: r1(n.x! - n.width / 2), y: r1(n.y! - n.height / 2), w: r1(n.width), h: n.height });
  }
  const edges = transitions.map((t, i) => {
    const e: EdgeLabel = g.edge({ v: t.from, w: t.to, name: `t${i}` });
    const w = e.width ?? 0;
    const h = e.height ?? 0;
    const label = { x: r1(e.x! - w / 2), y: r1(e.y! - h / 2), w: r1(w), h };
    const points =
      t.from === t.to
        ? selfLoop(placed.get(t.from)!, label)
        : (e.points ?? []).map((p: { x: number; y: number }) => ({ x: r1(p.x), y: r1(p.y) }));
    return { t, points, label };
  });
  const s: NodeLabel | undefined = g.hasNode(START) ? g.node(START) : undefined;
  const startPoints = s ? ((g.edge({ v: START, w: initial, name: 'start' }) as EdgeLabel).points ?? []) : [];
  const graph: GraphLabel = g.graph();
  return {
    states: placed,
    edges,
    ...(s
      ? {
          start: {
            x: r1(s.x!),
            y: r1(s.y!),
            points: startPoints.map((p: { x: number; y: number }) => ({ x: r1(p.x), y: r1(p.y) })),
          },
        }
      : {}),
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
  };
}

/**
 * A self-transition as a loop from the state's edge to the label dagre set aside beside it (dagre's
 * own self-edge points zig-zag): below the box when the label is below, else above.
 */
function selfLoop(box: Box, label: Box): Array<{ x: number; y: number }> {
  const cx = label.x + label.w / 2;
  const below = label.y > box.y + box.h / 2;
  const y0 = below ? box.y + box.h : box.y;
  const y1 = below ? label.y - 1 : label.y + label.h + 1;
  return [
    { x: r1(cx - 12), y: y0 },
    { x: r1(cx - 24), y: r1(y1) },
    { x: r1(cx + 24), y: r1(y1) },
    { x: r1(cx + 12), y: y0 },
  ];
}

/** A smooth path through dagre's points (quadratic curves through the midpoints). */
function pathOf(points: ReadonlyArray<{ x: number; y: number }>): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M${first!.x},${first!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    d += ` Q${p.x},${p.y} ${r1((p.x + q.x) / 2)},${r1((p.y + q.y) / 2)}`;
  }
  const last = rest[rest.length - 1];
  if (last) d += ` L${last.x},${last.y}`;
  return d;
}

/** The hover text of an edge (`event` may end with ` ×<times taken>`), in the report's language. */
export type EdgeTitle = (from: string, to: string, event: string) => string;

const ENGLISH_EDGE: EdgeTitle = (from, to, event) => `${from} → ${to} on ${event}`;

function edgeSvg(
  cov: MachineCoverage,
  e: MachineLayout['edges'][number],
  id: string,
  edgeTitle: EdgeTitle,
): string {
  const count = cov.visitedTransitions.get(transitionKey(e.t));
  const on = count !== undefined;
  const stroke = on
    ? 'stroke="#047857" stroke-width="2"'
    : 'stroke="#9ca3af" stroke-width="1.2" stroke-dasharray="4 3"';
  const title = edgeTitle(e.t.from, e.t.to, on ? `${e.t.event} ×${count}` : e.t.event);
  const { x, y, w, h } = e.label;
  const text = `<rect class="lbl" x="${x}" y="${y}" width="${w}" height="${h}" rx="3" fill="#fff" fill-opacity="0.85"/><text x="${r1(x + w / 2)}" y="${r1(y + h - 3.5)}" font-size="10" text-anchor="middle" fill="${on ? '#065f46' : '#6b7280'}">${escapeHtml(e.t.event)}</text>`;
  return `<g class="tr${on ? ' visited' : ''}" data-from="${escapeHtml(e.t.from)}" data-to="${escapeHtml(e.t.to)}"><title>${escapeHtml(title)}</title><path d="${pathOf(e.points)}" fill="none" ${stroke} marker-end="url(#${id}-${on ? 'on' : 'off'})"/>${text}</g>`;
}

function stateSvg(cov: MachineCoverage, s: string, p: Box): string {
  const on = cov.visitedStates.has(s);
  const style = on
    ? 'fill="#d1fae5" stroke="#047857" stroke-width="2.5"'
    : 'fill="#f3f4f6" stroke="#9ca3af" stroke-dasharray="4 3"';
  return `<g class="state${on ? ' visited' : ''}" data-state="${escapeHtml(s)}"><rect x="${p.x}" y="${p.y}" width="${p.w}" height="${p.h}" rx="14" ${style}/><text x="${r1(p.x + p.w / 2)}" y="${r1(p.y + p.h / 2 + 4)}" font-size="12" text-anchor="middle" fill="${on ? '#064e3b' : '#6b7280'}" font-weight="${on ? 600 : 400}">${escapeHtml(s)}</text></g>`;
}

/** The SVG of `states` and `transitions` of one machine; `id` prefixes marker ids (unique per document). */
function svgOf(
  cov: MachineCoverage,
  states: readonly string[],
  transitions: readonly Transition[],
  id: string,
  edgeTitle: EdgeTitle,
): string {
  const layout = layoutMachine(states, cov.graph.initial, transitions);
  const arrow = (suffix: string, color: string) =>
    `<marker id="${id}-${suffix}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="9" markerHeight="9" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${color}"/></marker>`;
  const start = layout.start
    ? `<circle cx="${layout.start.x}" cy="${layout.start.y}" r="${START_R}" fill="#111827"/><path d="${pathOf(layout.start.points)}" fill="none" stroke="#111827" stroke-width="1.5" marker-end="url(#${id}-on)"/>`
    : '';
  const edges = layout.edges.map((e) => edgeSvg(cov, e, id, edgeTitle)).join('');
  const boxes = states.map((s) => stateSvg(cov, s, layout.states.get(s)!)).join('');
  const w = layout.width;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="machine-svg" viewBox="0 0 ${w} ${layout.height}" width="${w}" role="img"><defs>${arrow('on', '#047857')}${arrow('off', '#9ca3af')}</defs>${start}${edges}${boxes}</svg>`;
}

/** The words of the figure around the SVGs, in the report's language. */
export interface MachineWords {
  /** Label of the checkbox that shows the whole machine; `{count}` is the number of moves. */
  showAll: (count: number) => string;
  /** The line naming the states the run never entered. */
  notVisited: (states: string) => string;
}

const ENGLISH_WORDS: MachineWords = {
  showAll: (count) => `show the whole machine (${count} moves)`,
  notVisited: (states) => `States not visited: ${states}`,
};

/** The moves the run made and the states they touch (the initial state always). */
export function visitedPart(cov: MachineCoverage): { states: string[]; transitions: Transition[] } {
  const transitions = cov.graph.transitions.filter((t) => cov.visitedTransitions.has(transitionKey(t)));
  const states = cov.graph.states.filter((s) => s === cov.graph.initial || cov.visitedStates.has(s));
  return { states, transitions };
}

/**
 * The figure of one machine: the visited part, and behind a checkbox the whole machine. `id` must
 * be unique in the document (it prefixes marker and checkbox ids).
 */
export function machineSvg(
  cov: MachineCoverage,
  id: string,
  edgeTitle: EdgeTitle = ENGLISH_EDGE,
  words: MachineWords = ENGLISH_WORDS,
): string {
  const part = visitedPart(cov);
  const missed = cov.graph.states.filter((s) => !part.states.includes(s));
  const note =
    missed.length > 0
      ? `<p class="muted not-visited">${escapeHtml(words.notVisited(missed.join(', ')))}</p>`
      : '';
  const all = cov.graph.transitions.length;
  return [
    `<input type="checkbox" class="show-all" id="${id}-all"><label for="${id}-all">${escapeHtml(words.showAll(all))}</label>`,
    `<div class="m-visited">${svgOf(cov, part.states, part.transitions, `${id}v`, edgeTitle)}${note}</div>`,
    `<div class="m-all">${svgOf(cov, cov.graph.states, cov.graph.transitions, `${id}a`, edgeTitle)}</div>`,
  ].join('');
}
