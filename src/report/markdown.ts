/**
 * The Markdown report: renders on GitHub (tables, Mermaid state diagrams) and reads top to bottom
 * as a lesson: verdict, scenario, concepts, cluster, workloads, how to replay, invariants, what went
 * wrong and why, the controllers' state machines, the timeline and the final state.
 */
import { stringify } from 'yaml';
import type { RunResult } from '../run/types.ts';
import { forReading } from './analysis.ts';
import { compareMarkdown } from './compareRender.ts';
import { escapeMarkdown, escapeMarkdownBlock, fenced, inlineCode } from './escape.ts';
import { formatDuration, formatFields, formatTime, scenarioDescription } from './format.ts';
import { hierarchySection } from './hierarchy.ts';
import {
  conceptsSection,
  finalSection,
  heldByDesignSection,
  invariantsSection,
  type MdContext,
  machinesSection,
  mdContext,
  mdTable,
  timelineSection,
  violationsSection,
} from './mdParts.ts';
import { displayManifest, type RenderOptions, replayCommands } from './options.ts';
import { requestsSection } from './requests.ts';
import { mutantBanners } from './story.ts';

function headerSection(c: MdContext): string {
  const r = c.result;
  const vacuous = r.nothingChecked !== undefined && r.outcome === 'pass';
  const icon = vacuous ? '⚠️' : r.outcome === 'pass' ? '✅' : r.outcome === 'violation' ? '❌' : '💥';
  const violated = r.invariants.filter((i) => i.status === 'violated').length;
  const verdict = vacuous
    ? c.m('verdict.nothingChecked', { why: r.nothingChecked![c.lang] })
    : r.outcome === 'pass'
      ? c.m('verdict.pass')
      : r.outcome === 'violation'
        ? c.m('verdict.violation', { count: violated })
        : c.m('verdict.error', { error: r.error ?? '?' });
  const out = [`# ${icon} ${c.m('doc.title', { scenario: r.scenario.name })}`, '', `**${verdict}**`];
  for (const banner of mutantBanners(c.lang, r, c.sources)) out.push('', `> ⚠️ ${escapeMarkdown(banner)}`);
  if (r.expectMet && r.scenario.expect) out.push('', c.m('verdict.expectMet'));
  if (!r.expectMet)
    out.push('', c.m('verdict.expectNotMet'), '', ...r.expectProblems.map((p) => `- ${escapeMarkdown(p)}`));
  out.push('', c.m('doc.generatedBy', { version: r.toolkitVersion }));
  return out.join('\n');
}

function summarySection(c: MdContext): string {
  const r = c.result;
  const rows: Array<[string, string]> = [
    [c.m('summary.seed'), inlineCode(String(r.seed))],
    [c.m('summary.outcome'), inlineCode(c.m(`outcome.${r.outcome}`))],
    [c.m('summary.duration'), formatTime(r.endMs)],
    [c.m('summary.steps'), String(r.steps)],
    [c.m('summary.events'), String(r.events.length)],
    [c.m('summary.version'), inlineCode(r.toolkitVersion)],
    [c.m('summary.digest'), inlineCode(r.traceDigest)],
  ];
  return [`## ${c.m('summary.heading')}`, '', ...rows.map(([k, v]) => `- **${k}:** ${v}`)].join('\n');
}

function scenarioSection(c: MdContext): string {
  const s = c.result.scenario;
  const out = [`## ${c.m('scenario.heading')}`, ''];
  const description = scenarioDescription(c.lang, s);
  out.push(description ? escapeMarkdownBlock(description) : c.m('scenario.noDescription'));
  out.push(
    '',
    c.m('scenario.settle', { settle: formatDuration(s.settleMs) }),
    '',
    `### ${c.m('scenario.plannedEvents')}`,
    '',
  );
  if (s.events.length === 0) return [...out, c.m('scenario.noEvents')].join('\n');
  const rows = s.events.map((e) => {
    const { at, do: what, ...fields } = e;
    return [formatTime(at), `⚡ ${inlineCode(what, true)}`, escapeMarkdown(formatFields(fields))];
  });
  out.push(mdTable([c.m('scenario.eventAt'), c.m('scenario.eventDo'), c.m('scenario.eventFields')], rows));
  return out.join('\n');
}

function clusterSection(c: MdContext): string {
  const none = c.m('cluster.none');
  const rows = c.result.scenario.nodes.map((n) => [
    inlineCode(n.name, true),
    Object.keys(n.labels).length > 0 ? escapeMarkdown(formatFields(n.labels)) : none,
    n.taints.length > 0
      ? n.taints
          .map((tt) => inlineCode(`${tt.key}${tt.value ? `=${tt.value}` : ''}:${tt.effect}`, true))
          .join(' ')
      : none,
    c.m(n.unschedulable ? 'cluster.yes' : 'cluster.no'),
    String(n.podCapacity),
  ]);
  const headers = [
    'cluster.node',
    'cluster.labels',
    'cluster.taints',
    'cluster.unschedulable',
    'cluster.capacity',
  ] as const;
  return [
    `## ${c.m('cluster.heading')}`,
    '',
    mdTable(
      headers.map((h) => c.m(h)),
      rows,
    ),
  ].join('\n');
}

function workloadsSection(c: MdContext): string {
  const docs = c.result.scenario.objects.map((o) =>
    stringify(displayManifest(o), { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd(),
  );
  return [
    `## ${c.m('workloads.heading')}`,
    '',
    c.m('workloads.intro'),
    '',
    fenced(docs.join('\n---\n'), 'yaml'),
  ].join('\n');
}

function replaySection(c: MdContext, options: RenderOptions): string {
  const cmds = replayCommands(c.result, options.replayFile, options.commandArgs);
  const out = [`## ${c.m('replay.heading')}`, '', c.m('replay.rerun'), '', fenced(cmds.run, 'sh')];
  if (!cmds.sourceKnown) out.push('', c.m('replay.noSource'));
  if (cmds.replay) out.push('', c.m('replay.replay'), '', fenced(cmds.replay, 'sh'));
  out.push('', c.m('replay.digest', { digest: c.result.traceDigest }));
  return out.join('\n');
}

/** The Markdown report of a run, in `options.lang`. Deterministic: same inputs, same text. */
export function renderMarkdown(run: RunResult, options: RenderOptions): string {
  const result = forReading(run);
  const c = mdContext(result, options.lang, options.sources ?? {});
  const sections = [
    headerSection(c),
    summarySection(c),
    scenarioSection(c),
    conceptsSection(c),
    clusterSection(c),
    workloadsSection(c),
    replaySection(c, options),
    invariantsSection(c),
    heldByDesignSection(c),
    violationsSection(c),
    compareMarkdown(c),
    requestsSection(c),
    hierarchySection(c),
    machinesSection(c),
    timelineSection(c),
    finalSection(c),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}
