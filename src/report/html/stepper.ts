/**
 * The step-through control: compact data (frames as deltas over a table of pod slots) embedded as
 * JSON, and a small inline script that rebuilds the cluster at any step, highlights that step's
 * events and moves the cursor on the picture. The script writes only with textContent and
 * classList, so nothing from a manifest can become markup.
 */

import type { TraceEvent } from '../../trace/types.ts';
import { type Frame, NODE_STATUSES, POD_PHASES } from '../cluster.ts';
import { formatTime, HTML_GLYPH } from '../format.ts';
import { revisionColor, revisionsOf } from './revisions.ts';

/** What the script reads (see STEPPER_SCRIPT). */
export interface StepperData {
  nodes: string[];
  /** [pod name, node index or -1]. */
  slots: Array<[string, number]>;
  /**
   * Per frame: step, time label, cursor x, [first, end) event indices, slot deltas, node status
   * deltas, node mark deltas (nodeMarks.ts: present, cordoned, NoSchedule, NoExecute as bits).
   */
  frames: Array<{
    s: number;
    t: string;
    x: number;
    e: [number, number];
    d: Array<[number, number]>;
    n: Array<[number, number]>;
    m: Array<[number, number]>;
    /** Revision deltas of slots (0: none), only in runs with a Deployment and only when non-empty. */
    r?: Array<[number, number]>;
    /** The Deployments' ReplicaSets [name, revision, spec.replicas, Ready], when they changed. */
    q?: Array<[string, number, number, number]>;
  }>;
  /** Revision → colour, only in runs with a Deployment. */
  revColors?: Record<string, string>;
  /** Per event: kind, glyph, time, actor, text. */
  events: Array<[string, string, string, string, string]>;
  phases: readonly string[];
  statuses: readonly string[];
  violationFrame: number;
  labels: Record<string, string>;
}

/** Builds the stepper data from the frames (deltas keep it linear in the number of changes). */
export function stepperData(
  frames: readonly Frame[],
  nodes: readonly string[],
  events: readonly TraceEvent[],
  frameX: readonly number[],
  violationStep: number | undefined,
  labels: Record<string, string>,
  marks: readonly (readonly number[])[],
): StepperData {
  const slotIndex = new Map<string, number>();
  const slots: Array<[string, number]> = [];
  const slotOf = (name: string, node: string | null) => {
    const key = `${node ?? ''}\0${name}`;
    let i = slotIndex.get(key);
    if (i === undefined) {
      i = slots.push([name, node === null ? -1 : nodes.indexOf(node)]) - 1;
      slotIndex.set(key, i);
    }
    return i;
  };
  let prevPods = new Map<number, number>();
  let prevNodes = new Map<number, number>(nodes.map((_n, i) => [i, 0]));
  let prevMarks: readonly number[] = nodes.map(() => 0);
  let prevRev = new Map<number, number>();
  let prevSets = '[]';
  const out: StepperData['frames'] = frames.map((f, fi) => {
    const pods = new Map(f.pods.map((p) => [slotOf(p.name, p.node), POD_PHASES.indexOf(p.phase)] as const));
    const d: Array<[number, number]> = [];
    for (const [slot, ph] of pods) if (prevPods.get(slot) !== ph) d.push([slot, ph]);
    for (const slot of prevPods.keys()) if (!pods.has(slot)) d.push([slot, -1]);
    const nodeNow = new Map(f.nodes.map(([n, st]) => [nodes.indexOf(n), NODE_STATUSES.indexOf(st)] as const));
    const n: Array<[number, number]> = [];
    for (const [ni, st] of nodeNow) if (prevNodes.get(ni) !== st) n.push([ni, st]);
    const markNow = marks[fi] ?? prevMarks;
    const m: Array<[number, number]> = [];
    markNow.forEach((mark, ni) => {
      if (mark !== prevMarks[ni]) m.push([ni, mark]);
    });
    prevPods = pods;
    prevNodes = nodeNow;
    prevMarks = markNow;
    const frame: StepperData['frames'][number] = {
      s: f.step,
      t: formatTime(f.atMs),
      x: frameX[fi] ?? 0,
      e: f.events,
      d,
      n,
      m,
    };
    // The hierarchy's deltas exist only where a Deployment's ReplicaSets do: other runs' data is unchanged.
    const revNow = new Map<number, number>();
    for (const p of f.pods) if (p.revision !== undefined) revNow.set(slotOf(p.name, p.node), p.revision);
    const r: Array<[number, number]> = [];
    for (const [slot, rev] of revNow) if (prevRev.get(slot) !== rev) r.push([slot, rev]);
    for (const slot of prevRev.keys()) if (!revNow.has(slot)) r.push([slot, 0]);
    if (r.length > 0) frame.r = r;
    prevRev = revNow;
    const q = (f.replicaSets ?? []).map(
      (x) => [x.name, x.revision, x.replicas, x.ready] as [string, number, number, number],
    );
    const qKey = JSON.stringify(q);
    if (qKey !== prevSets) frame.q = q;
    prevSets = qKey;
    return frame;
  });
  const revisions = revisionsOf(frames);
  const vf = violationStep === undefined ? -1 : frames.findIndex((f) => f.step >= violationStep);
  return {
    nodes: [...nodes],
    slots,
    frames: out,
    events: events.map((e) => [e.kind, HTML_GLYPH[e.kind], formatTime(e.atMs), e.actor, e.text]),
    phases: POD_PHASES,
    statuses: NODE_STATUSES,
    violationFrame: vf,
    labels,
    ...(revisions.length > 0
      ? { revColors: Object.fromEntries(revisions.map((n) => [n, revisionColor(n)])) }
      : {}),
  };
}

/** The inline script (no external code; runs from a file:// URL). */
export const STEPPER_SCRIPT = `(() => {
  const D = JSON.parse(document.getElementById('stepper-data').textContent);
  const $ = (id) => document.getElementById(id);
  const slider = $('step-slider');
  if (!slider || D.frames.length === 0) return;
  slider.max = String(D.frames.length - 1);
  let cur = -1;
  let phase = [];
  let status = [];
  let mark = [];
  let rev = [];
  let sets = [];
  const reset = () => { phase = D.slots.map(() => -1); status = D.nodes.map(() => 0); mark = D.nodes.map(() => 0); rev = D.slots.map(() => 0); sets = []; cur = -1; };
  const apply = (i) => {
    for (const [s, p] of D.frames[i].d) phase[s] = p;
    for (const [n, st] of D.frames[i].n) status[n] = st;
    for (const [n, m] of D.frames[i].m) mark[n] = m;
    for (const [s, r] of D.frames[i].r || []) rev[s] = r;
    if (D.frames[i].q) sets = D.frames[i].q;
  };
  const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; };
  const fill = (tpl, vals) => tpl.replace(/\\{(\\w+)\\}/g, (m, k) => (k in vals ? String(vals[k]) : m));
  function renderCluster(changed) {
    const box = $('cluster-view');
    box.replaceChildren();
    const groups = D.nodes.map(() => []);
    const unscheduled = [];
    D.slots.forEach(([name, node], s) => {
      if (phase[s] < 0) return;
      (node < 0 ? unscheduled : groups[node]).push([name, s]);
    });
    const card = (title, st, pods, m) => {
      const c = el('div', 'node st-' + st);
      c.dataset.node = title;
      const h = el('h4');
      h.append(el('span', '', title));
      const badges = el('span', 'badges');
      if (st) badges.append(el('span', 'badge status', D.labels['status.' + st]));
      if (m & 2) badges.append(el('span', 'badge cordon', D.labels.cordoned));
      for (const [bit, effect] of [[4, 'NoSchedule'], [8, 'NoExecute']]) {
        if (!(m & bit)) continue;
        const b = el('span', 'badge taint', effect);
        b.title = fill(D.labels.taint, { effect });
        badges.append(b);
      }
      h.append(badges);
      c.append(h);
      if (pods.length === 0) c.append(el('div', 'muted', D.labels.noPods));
      for (const [name, s] of pods) {
        const ph = D.phases[phase[s]];
        const p = el('span', 'pod ph-' + ph + (changed.has(s) ? ' changed' : ''), name);
        p.title = name + ' · ' + D.labels['phase.' + ph];
        p.dataset.pod = name;
        p.dataset.phase = ph;
        if (rev[s] > 0) {
          // A Deployment's Pod: a stripe in its ReplicaSet's revision colour.
          p.dataset.revision = String(rev[s]);
          p.style.boxShadow = 'inset 0 -4px 0 ' + D.revColors[rev[s]];
          p.title += ' · ' + fill(D.labels.revision, { revision: rev[s] });
        }
        c.append(p);
      }
      box.append(c);
    };
    const byName = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1]);
    // A node is drawn from the step it joins to the step it is removed in.
    D.nodes.forEach((n, i) => { if (mark[i] & 1) card(n, D.statuses[status[i]], groups[i].sort(byName), mark[i]); });
    if (unscheduled.length > 0) card(D.labels.unscheduled, '', unscheduled.sort(byName), 0);
  }
  function renderReplicaSets() {
    const body = $('replicasets-now');
    if (!body) return;
    body.replaceChildren();
    for (const [name, r, replicas, ready] of sets) {
      const tr = el('tr');
      tr.dataset.replicaset = name;
      const sw = el('span');
      sw.style.cssText = 'display:inline-block;width:14px;height:10px;border-radius:2px;margin-right:4px;vertical-align:middle;background:' + D.revColors[r];
      const revCell = el('td');
      revCell.append(sw, fill(D.labels.revision, { revision: r }));
      tr.append(el('td', '', name), revCell, el('td', 'num', String(replicas)), el('td', 'num', String(ready)));
      body.append(tr);
    }
  }
  function renderEvents(f) {
    const list = $('events-now');
    list.replaceChildren();
    for (let i = f.e[0]; i < f.e[1]; i++) {
      const [kind, glyph, time, actor, text] = D.events[i];
      list.append(el('li', 'k-' + kind, glyph + ' ' + time + ' ' + actor + ': ' + text));
    }
    document.querySelectorAll('.timeline tr.current').forEach((r) => r.classList.remove('current'));
    for (let i = f.e[0]; i < f.e[1]; i++) document.querySelector('.timeline tr[data-i="' + i + '"]')?.classList.add('current');
  }
  function go(i) {
    i = Math.max(0, Math.min(D.frames.length - 1, i));
    if (i < cur) reset();
    for (let j = cur + 1; j <= i; j++) apply(j);
    cur = i;
    const f = D.frames[i];
    slider.value = String(i);
    $('position').textContent = fill(D.labels.position, { step: f.s, last: D.frames[D.frames.length - 1].s, time: f.t });
    renderCluster(new Set(f.d.map(([s]) => s)));
    renderReplicaSets();
    renderEvents(f);
    const c = $('cursor');
    if (c) { c.setAttribute('x1', String(f.x)); c.setAttribute('x2', String(f.x)); }
    document.body.dataset.frame = String(i);
  }
  reset();
  slider.addEventListener('input', () => go(Number(slider.value)));
  $('step-prev').addEventListener('click', () => go(cur - 1));
  $('step-next').addEventListener('click', () => go(cur + 1));
  document.querySelectorAll('[data-jump-violation]').forEach((b) => b.addEventListener('click', () => {
    go(D.violationFrame);
    $('stepper').scrollIntoView({ block: 'start' });
  }));
  document.addEventListener('keydown', (ev) => {
    if (ev.target instanceof HTMLInputElement) return;
    if (ev.key === 'ArrowLeft') { go(cur - 1); ev.preventDefault(); }
    if (ev.key === 'ArrowRight') { go(cur + 1); ev.preventDefault(); }
  });
  go(0);
})();`;
