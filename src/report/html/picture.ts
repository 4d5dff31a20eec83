/** The "step through the run" section: controls, the cluster at the current step, its events, and the picture. */

import { firstViolation } from '../analysis.ts';
import { clusterFrames, NODE_STATUSES, nodeNames, POD_PHASES } from '../cluster.ts';
import { jsonForScript } from '../escape.ts';
import { eventText } from '../eventText.ts';
import { type MessageKey, t } from '../i18n/index.ts';
import type { HtmlContext } from './context.ts';
import { nodeMarks } from './nodeMarks.ts';
import { revisionColor, revisionsOf } from './revisions.ts';
import { stepperData } from './stepper.ts';
import { PHASE_COLOR } from './styles.ts';
import { timelineSvg } from './svgTimeline.ts';

const STATUS_KEY = {
  up: 'stepper.nodeUp',
  crashed: 'stepper.nodeCrashed',
  partitioned: 'stepper.nodePartitioned',
  removed: 'stepper.nodeRemoved',
} as const;

/** Plain-text labels the script shows (it writes them with textContent). */
function scriptLabels(c: HtmlContext): Record<string, string> {
  const labels: Record<string, string> = {
    position: t(c.lang, 'stepper.position', { step: '{step}', last: '{last}', time: '{time}' }),
    noPods: t(c.lang, 'stepper.noPods'),
    unscheduled: t(c.lang, 'picture.unscheduled'),
    cordoned: t(c.lang, 'stepper.cordoned'),
    taint: t(c.lang, 'stepper.taint', { effect: '{effect}' }),
  };
  for (const st of NODE_STATUSES) labels[`status.${st}`] = t(c.lang, STATUS_KEY[st]);
  for (const ph of POD_PHASES) labels[`phase.${ph}`] = t(c.lang, `phase.${ph}` as MessageKey);
  return labels;
}

function legendHtml(c: HtmlContext, revisions: readonly number[]): string {
  const items = POD_PHASES.map((ph) => {
    const style =
      ph === 'Ghost' ? 'background:#fee2e2;border:1px dashed #dc2626' : `background:${PHASE_COLOR[ph]}`;
    const text = ph === 'Ghost' ? c.m('phase.legendGhost') : c.m(`phase.${ph}` as MessageKey);
    return `<span><span class="sw" style="${style}"></span>${text}</span>`;
  });
  items.push(
    `<span>⚡ ${c.m('legend.fault')}</span>`,
    `<span style="color:#dc2626">✖ ${c.m('legend.violation')}</span>`,
  );
  // A Deployment's Pods carry a stripe in their ReplicaSet's revision colour.
  for (const n of revisions)
    items.push(
      `<span data-revision="${n}"><span class="sw" style="background:${revisionColor(n)}"></span>${c.m('hierarchy.revision', { revision: n })}</span>`,
    );
  return `<div class="legend">${items.join('')}</div>`;
}

/** The Deployment's ReplicaSets at the current step (the script fills the body). */
function replicaSetsTableHtml(c: HtmlContext): string {
  const head = (
    [
      'hierarchy.col.replicaSet',
      'hierarchy.col.revision',
      'hierarchy.col.replicas',
      'hierarchy.col.ready',
    ] as const
  )
    .map((k) => `<th>${c.m(k)}</th>`)
    .join('');
  return `<h3>${c.m('hierarchy.now')}</h3><table class="replicasets"><thead><tr>${head}</tr></thead><tbody id="replicasets-now"></tbody></table>`;
}

/** The stepper section, its embedded data and the nodes × time picture. */
export function pictureHtml(c: HtmlContext): string {
  const r = c.result;
  if (r.events.length === 0) return '';
  const frames = clusterFrames(r);
  // The cluster comes from the trace; the lines shown are in the report's language.
  const shown = r.events.map((e) => ({ ...e, text: eventText(c.lang, e, r.invariants) }));
  const nodes = nodeNames(r, undefined);
  for (const f of frames) for (const [n] of f.nodes) if (!nodes.includes(n)) nodes.push(n);
  const statusLabels = Object.fromEntries(NODE_STATUSES.map((s) => [s, t(c.lang, STATUS_KEY[s])])) as Record<
    (typeof NODE_STATUSES)[number],
    string
  >;
  const phaseLabels = Object.fromEntries(
    POD_PHASES.map((p) => [p, t(c.lang, `phase.${p}` as MessageKey)]),
  ) as Record<(typeof POD_PHASES)[number], string>;
  const initial = r.scenario.nodes.map((n) => n.name);
  const marks = nodeMarks(r.events, frames, nodes, initial);
  const timelineLabels = {
    unscheduled: t(c.lang, 'picture.unscheduled'),
    absent: t(c.lang, 'picture.absent'),
    status: statusLabels,
    phase: phaseLabels,
  };
  const revisions = revisionsOf(frames);
  const revisionLabel = t(c.lang, 'hierarchy.revision', { revision: '{revision}' });
  const { svg, frameX } = timelineSvg(
    frames,
    nodes,
    shown,
    r.endMs,
    revisions.length > 0 ? { ...timelineLabels, revision: revisionLabel } : timelineLabels,
    marks,
  );
  const violationStep = firstViolation(r)?.violation.step;
  const labels = scriptLabels(c);
  if (revisions.length > 0) labels.revision = revisionLabel;
  const data = stepperData(frames, nodes, shown, frameX, violationStep, labels, marks);
  const hasSets = frames.some((f) => f.replicaSets !== undefined);
  const jump = firstViolation(r)
    ? `<button type="button" class="primary" data-jump-violation id="step-jump">${c.m('viol.jump')}</button>`
    : '';
  return [
    `<h2 id="stepper">${c.m('stepper.heading')}</h2>`,
    `<noscript><p class="muted">${c.m('stepper.noScript')}</p></noscript>`,
    `<div class="stepper"><button type="button" id="step-prev">◀ ${c.m('stepper.prev')}</button><input type="range" id="step-slider" min="0" max="${Math.max(0, frames.length - 1)}" value="0" aria-label="${c.m('stepper.heading')}"><button type="button" id="step-next">${c.m('stepper.next')} ▶</button>${jump}</div>`,
    '<div id="position" class="muted"></div>',
    '<div id="cluster-view" class="cluster"></div>',
    hasSets ? replicaSetsTableHtml(c) : '',
    `<h3>${c.m('stepper.events')}</h3><ul id="events-now" class="events-now"></ul>`,
    `<h3>${c.m('picture.heading')}</h3><p>${c.m('picture.intro')} <span class="muted">${c.m('picture.compressed')}</span></p>`,
    legendHtml(c, revisions),
    `<div class="picture">${svg}</div>`,
    `<script type="application/json" id="stepper-data">${jsonForScript(data)}</script>`,
  ]
    .filter((part) => part !== '')
    .join('\n');
}
