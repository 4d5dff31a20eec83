/**
 * Building blocks of the Markdown report: a render context whose `m()` escapes message parameters,
 * tables with escaped cells, and the sections about the run itself (invariants, violations, state
 * machines, timeline, final state). Scenario sections live in markdown.ts.
 */
import type { RunResult } from '../run/types.ts';
import { controllersOf, machineCoverage, timelineItems } from './analysis.ts';
import { escapeMarkdown, fenced, inlineCode } from './escape.ts';
import { eventText } from './eventText.ts';
import { formatTime, KIND_GLYPH, TRACE_KINDS } from './format.ts';
import { type Lang, type MessageKey, type MessageParams, t } from './i18n/index.ts';
import { mermaidBlock } from './mermaid.ts';
import type { ReportSources } from './sources.ts';
import { conceptsOf, type ViolationStory, violationStories } from './story.ts';

/** What every Markdown section needs. */
export interface MdContext {
  result: RunResult;
  lang: Lang;
  sources: ReportSources;
  /** A message with Markdown-escaped parameters. */
  m(key: MessageKey, params?: MessageParams): string;
}

/** A render context for `result` in `lang`. */
export function mdContext(result: RunResult, lang: Lang, sources: ReportSources): MdContext {
  const m = (key: MessageKey, params: MessageParams = {}) => {
    const escaped: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) escaped[k] = typeof v === 'number' ? v : escapeMarkdown(v);
    return t(lang, key, escaped);
  };
  return { result, lang, sources, m };
}

/** A GitHub table; cells must already be escaped. */
export function mdTable(headers: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

const STATUS_ICON = { held: '✅', violated: '❌', 'not-applicable': '➖' } as const;

/** The invariant table. */
export function invariantsSection(c: MdContext): string {
  const out = [`## ${c.m('inv.heading')}`, '', c.m('inv.intro'), ''];
  if (c.result.invariants.length === 0) return [...out, c.m('inv.none')].join('\n');
  const rows = c.result.invariants.map((i) => {
    const v = i.violations[0];
    const claim = c.sources.invariant?.(i.id)?.claim[c.lang] ?? '';
    return [
      inlineCode(i.id, true),
      c.m(`kind.${i.kind}`),
      `${STATUS_ICON[i.status]} ${c.m(`status.${i.status}`)}`,
      v ? c.m('inv.firstAt', { step: v.step, time: formatTime(v.atMs) }) : '',
      escapeMarkdown(claim),
    ];
  });
  const headers = ['inv.col.id', 'inv.col.kind', 'inv.col.status', 'inv.col.first', 'inv.col.claim'] as const;
  out.push(
    mdTable(
      headers.map((h) => c.m(h)),
      rows,
    ),
  );
  return out.join('\n');
}

/**
 * Claims that held only because Kubernetes waits on purpose (design §5 "Verdicts"), one line each,
 * under the invariant table; '' when there are none.
 */
export function heldByDesignSection(c: MdContext): string {
  const items = c.result.invariants.flatMap((i) => (i.heldByDesign ?? []).map((n) => ({ id: i.id, n })));
  if (items.length === 0) return '';
  const lines = items.map(({ id, n }) => {
    const note = c.lang === 'ko' ? (n.messageKo ?? n.message) : n.message;
    return `- ${inlineCode(id, true)} (${formatTime(n.atMs)}): ${escapeMarkdown(note)}`;
  });
  return [`### ${c.m('held.heading')}`, '', c.m('held.intro'), '', ...lines].join('\n');
}

/** One subsection per violated invariant: when, what, why. */
export function violationsSection(c: MdContext): string {
  const stories = violationStories(c.lang, c.result, c.sources);
  if (stories.length === 0) return '';
  const out = [`## ${c.m('viol.heading')}`];
  for (const s of stories) {
    const v = s.violation;
    out.push('', `### ❌ ${c.m('viol.title', { id: s.id })}`, '');
    out.push(c.m('viol.firstStep', { step: v.step, time: formatTime(v.atMs) }));
    if (s.count > 1) out.push('', c.m('viol.count', { count: s.count }));
    out.push('', `- **${c.m('viol.message')}:** ${escapeMarkdown(s.message)}`);
    out.push(`- **${c.m('viol.objects')}:** ${v.objects.map((o) => inlineCode(o)).join(', ')}`);
    if (s.protects) out.push('', `**${c.m('viol.protects')}.** ${escapeMarkdown(s.protects)}`);
    out.push('', `**${c.m('viol.why')}**`, '');
    const [intro, ...rest] = s.why;
    out.push(escapeMarkdown(intro!), '');
    const hint = rest.pop()!;
    rest.forEach((line, i) => {
      out.push(`${i + 1}. ${escapeMarkdown(line)}`);
    });
    out.push('', `> ${escapeMarkdown(hint)}`, '');
    out.push(...sliceMarkdown(c, s));
    out.push(
      t(c.lang, 'viol.concept', { concept: `[${escapeMarkdown(s.conceptTitle)}](#concept-${s.concept})` }),
    );
  }
  return out.join('\n');
}

/** Concept explanations with anchors that violation sections link to. */
export function conceptsSection(c: MdContext): string {
  const out = [`## ${c.m('concept.heading')}`];
  for (const concept of conceptsOf(c.result)) {
    out.push('', `<a id="concept-${concept}"></a>`, '');
    out.push(
      `### ${c.m(`concept.${concept}.title` as MessageKey)}`,
      '',
      c.m(`concept.${concept}.body` as MessageKey),
    );
  }
  return out.join('\n');
}

/** Each controller's machine as Mermaid, with coverage and the transitions taken. */
export function machinesSection(c: MdContext): string {
  const out = [`## ${c.m('machine.heading')}`, '', c.m('machine.intro')];
  const controllers = controllersOf(c.result);
  if (controllers.length === 0) return [...out, '', c.m('machine.none')].join('\n');
  for (const controller of controllers) {
    out.push('', `### ${c.m('machine.title', { controller })}`, '');
    const graph = c.sources.machineGraph?.(controller);
    if (!graph) {
      out.push(c.m('machine.unavailable', { controller }));
      continue;
    }
    const cov = machineCoverage(controller, graph, c.result.machines);
    out.push(mermaidBlock(cov), '');
    out.push(
      c.m('machine.coverage', {
        statesVisited: cov.statesVisited,
        states: graph.states.length,
        transVisited: cov.transitionsVisited,
        transitions: graph.transitions.length,
      }),
    );
    // The diagram draws the visited part only: name the states it leaves out.
    const missed = graph.states.filter((s) => !cov.visitedStates.has(s));
    if (missed.length > 0) out.push('', c.m('machine.notVisited', { states: missed.join(', ') }));
    const visits = c.result.machines.filter((v) => v.controller === controller);
    if (visits.length > 0) {
      const headers = [
        'machine.col.from',
        'machine.col.event',
        'machine.col.to',
        'machine.col.count',
      ] as const;
      const rows = visits.map((v) => [
        inlineCode(v.from, true),
        inlineCode(v.event, true),
        inlineCode(v.to, true),
        String(v.count),
      ]);
      out.push(
        '',
        mdTable(
          headers.map((h) => c.m(h)),
          rows,
        ),
      );
    }
  }
  return out.join('\n');
}

/** One line per event in a code block (inert), faults ⚡, long runs elided. */
export function timelineSection(c: MdContext): string {
  const events = c.result.events;
  const out = [`## ${c.m('timeline.heading')}`, '', c.m('timeline.intro'), ''];
  if (events.length === 0) return [...out, c.m('timeline.empty')].join('\n');
  const present = TRACE_KINDS.filter((k) => events.some((e) => e.kind === k));
  out.push(
    `${c.m('timeline.legend')}: ${present.map((k) => `${KIND_GLYPH[k]} ${c.m(`legend.${k}`)}`).join(' · ')}`,
    '',
  );
  const items = timelineItems(events);
  if (items.length < events.length) out.push(c.m('timeline.elidedNote', { total: events.length }), '');
  const lines = items.map((item) =>
    'elided' in item
      ? `                ${t(c.lang, 'timeline.elided', { count: item.elided })}`
      : `${formatTime(item.event.atMs)} #${String(item.event.step).padEnd(5)} ${KIND_GLYPH[item.event.kind]} ${item.event.actor}: ${eventText(c.lang, item.event, c.result.invariants)}`,
  );
  out.push(fenced(lines.join('\n'), 'text'));
  return out.join('\n');
}

/** Final pods and PVCs. */
export function finalSection(c: MdContext): string {
  const f = c.result.final;
  const yesNo = (b: boolean) => c.m(b ? 'cluster.yes' : 'cluster.no');
  const out = [`## ${c.m('final.heading')}`, '', `### ${c.m('final.pods')}`, ''];
  const podHeaders = [
    'final.col.name',
    'final.col.node',
    'final.col.phase',
    'final.col.ready',
    'final.col.owner',
    'final.col.restarts',
  ] as const;
  const podRows = f.pods.map((p) => [
    inlineCode(p.name, true),
    escapeMarkdown(p.node ?? '-'),
    escapeMarkdown(p.phase) + (p.terminating ? ` (${c.m('final.terminating')})` : ''),
    yesNo(p.ready),
    escapeMarkdown(p.owner ?? '-'),
    String(p.restarts),
  ]);
  out.push(
    podRows.length > 0
      ? mdTable(
          podHeaders.map((h) => c.m(h)),
          podRows,
        )
      : c.m('final.empty'),
  );
  if (f.pvcs.length > 0) {
    const rows = f.pvcs.map((p) => [
      inlineCode(p.name, true),
      escapeMarkdown(p.phase),
      escapeMarkdown(p.volume ?? '-'),
    ]);
    out.push('', `### ${c.m('final.pvcs')}`, '');
    out.push(mdTable([c.m('final.col.name'), c.m('final.col.status'), c.m('final.col.volume')], rows));
  }
  return out.join('\n');
}

/** The causal slice of one violation: the last writes to its objects and the decisions behind them. */
function sliceMarkdown(c: MdContext, s: ViolationStory): string[] {
  const out = [`**${c.m('why.slice.heading')}**`, ''];
  if (s.slice.length === 0) return [...out, c.m('why.slice.none'), ''];
  for (const w of s.slice) {
    out.push(`- ${escapeMarkdown(w.write)}`);
    if (w.decision) out.push(`  - ${escapeMarkdown(w.decision)}`);
  }
  return [...out, ''];
}
