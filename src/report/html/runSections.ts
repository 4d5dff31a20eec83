/** HTML sections about the run: invariants, violations, state machines, timeline, final state. */
import { controllersOf, machineCoverage, timelineItems } from '../analysis.ts';
import { escapeHtml } from '../escape.ts';
import { eventText } from '../eventText.ts';
import { formatTime, HTML_GLYPH, TRACE_KINDS } from '../format.ts';
import { t } from '../i18n/index.ts';
import { type ViolationStory, violationStories } from '../story.ts';
import { code, type HtmlContext, htmlTable } from './context.ts';
import { machineSvg } from './svgMachine.ts';

/** The invariant table. */
export function invariantsHtml(c: HtmlContext): string {
  const out = [`<h2 id="invariants">${c.m('inv.heading')}</h2>`, `<p>${c.m('inv.intro')}</p>`];
  if (c.result.invariants.length === 0) return [...out, `<p>${c.m('inv.none')}</p>`].join('\n');
  const rows = c.result.invariants.map((i) => {
    const v = i.violations[0];
    return [
      code(i.id),
      c.m(`kind.${i.kind}`),
      `<span class="status-${i.status}">${i.status === 'violated' ? '✖' : i.status === 'held' ? '✔' : '–'} ${c.m(`status.${i.status}`)}</span>`,
      v ? c.m('inv.firstAt', { step: v.step, time: formatTime(v.atMs) }) : '',
      escapeHtml(c.sources.invariant?.(i.id)?.claim[c.lang] ?? ''),
    ];
  });
  const attrs = c.result.invariants.map((i) => ` class="${i.status}" data-invariant="${escapeHtml(i.id)}"`);
  const headers = (
    ['inv.col.id', 'inv.col.kind', 'inv.col.status', 'inv.col.first', 'inv.col.claim'] as const
  ).map((h) => c.m(h));
  out.push(htmlTable(headers, rows, attrs), heldByDesignHtml(c));
  return out.filter((x) => x !== '').join('\n');
}

/** Claims that held only because Kubernetes waits on purpose (design §5 "Verdicts"); '' when none. */
function heldByDesignHtml(c: HtmlContext): string {
  const items = c.result.invariants.flatMap((i) => (i.heldByDesign ?? []).map((n) => ({ id: i.id, n })));
  if (items.length === 0) return '';
  const lis = items.map(({ id, n }) => {
    const note = c.lang === 'ko' ? (n.messageKo ?? n.message) : n.message;
    return `<li data-invariant="${escapeHtml(id)}">${code(id)} (${formatTime(n.atMs)}): ${escapeHtml(note)}</li>`;
  });
  return [
    `<h3 id="held-by-design">${c.m('held.heading')}</h3>`,
    `<p>${c.m('held.intro')}</p>`,
    `<ul class="held-by-design">${lis.join('')}</ul>`,
  ].join('\n');
}

/** One card per violated invariant: when, what, why, and a link to its concept. */
export function violationsHtml(c: HtmlContext): string {
  const stories = violationStories(c.lang, c.result, c.sources);
  if (stories.length === 0) return '';
  const out = [`<h2 id="violations">${c.m('viol.heading')}</h2>`];
  for (const s of stories) {
    const v = s.violation;
    const [intro, ...rest] = s.why;
    const hint = rest.pop() ?? '';
    const link = `<a href="#concept-${s.concept}">${escapeHtml(s.conceptTitle)}</a>`;
    out.push(
      `<div class="card bad violation" data-invariant="${escapeHtml(s.id)}">`,
      `<h3>✖ ${c.m('viol.title', { id: s.id })}</h3>`,
      `<p>${c.m('viol.firstStep', { step: v.step, time: formatTime(v.atMs) })} <button type="button" data-jump-violation>${c.m('viol.jump')}</button></p>`,
      s.count > 1 ? `<p>${c.m('viol.count', { count: s.count })}</p>` : '',
      `<p><strong>${c.m('viol.message')}:</strong> ${escapeHtml(s.message)}</p>`,
      `<p><strong>${c.m('viol.objects')}:</strong> ${v.objects.map(code).join(', ')}</p>`,
      s.protects ? `<p><strong>${c.m('viol.protects')}.</strong> ${escapeHtml(s.protects)}</p>` : '',
      `<h4>${c.m('viol.why')}</h4><p>${escapeHtml(intro ?? '')}</p>`,
      `<ol class="why">${rest.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ol>`,
      `<blockquote>${escapeHtml(hint)}</blockquote>`,
      sliceHtml(c, s),
      `<p>${c.mWith('viol.concept', 'concept', link)}</p>`,
      '</div>',
    );
  }
  return out.filter((l) => l !== '').join('\n');
}

/** Each controller's machine as SVG with coverage figures. */
export function machinesHtml(c: HtmlContext): string {
  const out = [`<h2 id="machines">${c.m('machine.heading')}</h2>`, `<p>${c.m('machine.intro')}</p>`];
  const controllers = controllersOf(c.result);
  if (controllers.length === 0) return [...out, `<p>${c.m('machine.none')}</p>`].join('\n');
  controllers.forEach((controller, i) => {
    out.push(`<h3>${c.m('machine.title', { controller })}</h3>`);
    const graph = c.sources.machineGraph?.(controller);
    if (!graph) {
      out.push(`<p class="muted">${c.m('machine.unavailable', { controller })}</p>`);
      return;
    }
    const cov = machineCoverage(controller, graph, c.result.machines);
    const figures = c.m('machine.coverage', {
      statesVisited: cov.statesVisited,
      states: graph.states.length,
      transVisited: cov.transitionsVisited,
      transitions: graph.transitions.length,
    });
    const legend = `<div class="legend"><span><span class="sw" style="background:#d1fae5;border:2px solid #047857"></span>${c.m('machine.legendVisited')}</span><span><span class="sw" style="background:#f3f4f6;border:1px dashed #9ca3af"></span>${c.m('machine.legendUnvisited')}</span></div>`;
    out.push(`<p class="coverage" data-controller="${escapeHtml(controller)}">${figures}</p>`, legend);
    const edgeTitle = (from: string, to: string, event: string) =>
      t(c.lang, 'machine.edgeTitle', { from, to, event });
    const words = {
      showAll: (count: number) => t(c.lang, 'machine.showAll', { count }),
      notVisited: (states: string) => t(c.lang, 'machine.notVisited', { states }),
    };
    out.push(`<div class="machine">${machineSvg(cov, `m${i}`, edgeTitle, words)}</div>`);
  });
  return out.join('\n');
}

/** Every event (or, for long runs, the key ones with counts), linked to the stepper by index. */
export function timelineHtml(c: HtmlContext): string {
  const events = c.result.events;
  const out = [`<h2 id="timeline">${c.m('timeline.heading')}</h2>`, `<p>${c.m('timeline.intro')}</p>`];
  if (events.length === 0) return [...out, `<p>${c.m('timeline.empty')}</p>`].join('\n');
  const present = TRACE_KINDS.filter((k) => events.some((e) => e.kind === k));
  out.push(
    `<div class="legend">${present.map((k) => `<span>${HTML_GLYPH[k]} ${c.m(`legend.${k}`)}</span>`).join('')}</div>`,
  );
  const items = timelineItems(events, 400);
  if (items.length < events.length)
    out.push(`<p class="muted">${c.m('timeline.elidedNote', { total: events.length })}</p>`);
  const rows = items.map((item) => {
    if ('elided' in item)
      return `<tr class="elided"><td colspan="4">${c.m('timeline.elided', { count: item.elided })}</td></tr>`;
    const e = item.event;
    return `<tr class="k-${e.kind}" data-i="${item.index}" data-step="${e.step}"><td class="mono">${formatTime(e.atMs)}</td><td class="mono">#${e.step}</td><td>${HTML_GLYPH[e.kind]}</td><td><span class="muted">${escapeHtml(e.actor)}:</span> ${escapeHtml(eventText(c.lang, e, c.result.invariants))}</td></tr>`;
  });
  out.push(`<div class="scroll"><table class="timeline"><tbody>${rows.join('')}</tbody></table></div>`);
  return out.join('\n');
}

/** Final pods and PVCs. */
export function finalHtml(c: HtmlContext): string {
  const f = c.result.final;
  const yesNo = (b: boolean) => c.m(b ? 'cluster.yes' : 'cluster.no');
  const podHeaders = (
    [
      'final.col.name',
      'final.col.node',
      'final.col.phase',
      'final.col.ready',
      'final.col.owner',
      'final.col.restarts',
    ] as const
  ).map((h) => c.m(h));
  const podRows = f.pods.map((p) => [
    code(p.name),
    escapeHtml(p.node ?? '-'),
    escapeHtml(p.phase) + (p.terminating ? ` (${c.m('final.terminating')})` : ''),
    yesNo(p.ready),
    escapeHtml(p.owner ?? '-'),
    String(p.restarts),
  ]);
  const out = [`<h2 id="final">${c.m('final.heading')}</h2>`, `<h3>${c.m('final.pods')}</h3>`];
  out.push(podRows.length > 0 ? htmlTable(podHeaders, podRows) : `<p>${c.m('final.empty')}</p>`);
  if (f.pvcs.length > 0) {
    const rows = f.pvcs.map((p) => [code(p.name), escapeHtml(p.phase), escapeHtml(p.volume ?? '-')]);
    out.push(
      `<h3>${c.m('final.pvcs')}</h3>`,
      htmlTable([c.m('final.col.name'), c.m('final.col.status'), c.m('final.col.volume')], rows),
    );
  }
  return out.join('\n');
}

/** The causal slice of one violation: the last writes to its objects and the decisions behind them. */
function sliceHtml(c: HtmlContext, s: ViolationStory): string {
  const head = `<h4>${c.m('why.slice.heading')}</h4>`;
  if (s.slice.length === 0) return `${head}<p>${c.m('why.slice.none')}</p>`;
  const items = s.slice.map(
    (w) =>
      `<li>${escapeHtml(w.write)}${w.decision ? `<br><span class="muted">${escapeHtml(w.decision)}</span>` : ''}</li>`,
  );
  return `${head}<ul class="slice">${items.join('')}</ul>`;
}
