/** HTML sections about the scenario: header and verdict, summary, description, concepts, cluster, workloads, replay. */
import { stringify } from 'yaml';
import { escapeHtml } from '../escape.ts';
import { formatDuration, formatFields, formatTime, scenarioDescription } from '../format.ts';
import type { MessageKey } from '../i18n/index.ts';
import { type CommandArgs, displayManifest, replayCommands } from '../options.ts';
import { conceptsOf, mutantBanners } from '../story.ts';
import { code, type HtmlContext, htmlTable } from './context.ts';

/** Title, verdict banner, expectation problems and the jump button. */
export function headerHtml(c: HtmlContext): string {
  const r = c.result;
  const violated = r.invariants.filter((i) => i.status === 'violated').length;
  // Nothing checked is not a pass (design §5): the banner says so, in the colours of a failure.
  const vacuous = r.nothingChecked !== undefined && r.outcome === 'pass';
  const verdict = vacuous
    ? c.m('verdict.nothingChecked', { why: r.nothingChecked![c.lang] })
    : r.outcome === 'pass'
      ? c.m('verdict.pass')
      : r.outcome === 'violation'
        ? c.m('verdict.violation', { count: violated })
        : c.m('verdict.error', { error: r.error ?? '?' });
  const out = [
    `<h1>${c.m('doc.title', { scenario: r.scenario.name })}</h1>`,
    `<div class="verdict ${vacuous ? 'violation' : r.outcome}" id="verdict">${verdict}</div>`,
  ];
  // A mutant run says so first: its violations are the point, and the bug has a name.
  for (const banner of mutantBanners(c.lang, r, c.sources))
    out.push(`<div class="verdict error mutant">⚠ ${escapeHtml(banner)}</div>`);
  if (r.expectMet && r.scenario.expect) out.push(`<p>${c.m('verdict.expectMet')}</p>`);
  if (!r.expectMet) {
    out.push(
      `<p>${c.m('verdict.expectNotMet')}</p><ul>${r.expectProblems.map((p) => `<li>${escapeHtml(p)}</li>`).join('')}</ul>`,
    );
  }
  if (violated > 0)
    out.push(`<p><button class="primary" type="button" data-jump-violation>${c.m('viol.jump')}</button></p>`);
  out.push(`<p class="muted">${c.m('doc.generatedBy', { version: r.toolkitVersion })}</p>`);
  return out.join('\n');
}

/** Seed, outcome, duration, steps, version, digest. */
export function summaryHtml(c: HtmlContext): string {
  const r = c.result;
  const rows: Array<[MessageKey, string]> = [
    ['summary.seed', code(String(r.seed))],
    ['summary.outcome', code(c.m(`outcome.${r.outcome}`))],
    ['summary.duration', escapeHtml(formatTime(r.endMs))],
    ['summary.steps', String(r.steps)],
    ['summary.events', String(r.events.length)],
    ['summary.version', code(r.toolkitVersion)],
    ['summary.digest', code(r.traceDigest)],
  ];
  return `<dl class="summary">${rows.map(([k, v]) => `<dt>${c.m(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** Description, settle time and the planned events. */
export function scenarioHtml(c: HtmlContext): string {
  const s = c.result.scenario;
  const description = scenarioDescription(c.lang, s);
  const desc = description
    ? description
        .split(/\n\s*\n/)
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('')
    : `<p>${c.m('scenario.noDescription')}</p>`;
  const out = [
    `<h2 id="scenario">${c.m('scenario.heading')}</h2>`,
    desc,
    `<p>${c.m('scenario.settle', { settle: formatDuration(s.settleMs) })}</p>`,
  ];
  out.push(`<h3>${c.m('scenario.plannedEvents')}</h3>`);
  if (s.events.length === 0) return [...out, `<p>${c.m('scenario.noEvents')}</p>`].join('\n');
  const rows = s.events.map((e) => {
    const { at, do: what, ...fields } = e;
    return [escapeHtml(formatTime(at)), `⚡ ${code(what)}`, escapeHtml(formatFields(fields))];
  });
  out.push(htmlTable([c.m('scenario.eventAt'), c.m('scenario.eventDo'), c.m('scenario.eventFields')], rows));
  return out.join('\n');
}

/** The course concepts this run touches, with anchors. */
export function conceptsHtml(c: HtmlContext): string {
  const parts = conceptsOf(c.result).map(
    (k) =>
      `<div class="card" id="concept-${k}"><h3>${c.m(`concept.${k}.title` as MessageKey)}</h3><p>${c.m(`concept.${k}.body` as MessageKey)}</p></div>`,
  );
  return [`<h2 id="concepts">${c.m('concept.heading')}</h2>`, ...parts].join('\n');
}

/** Nodes of the initial cluster. */
export function clusterHtml(c: HtmlContext): string {
  const none = c.m('cluster.none');
  const rows = c.result.scenario.nodes.map((n) => [
    code(n.name),
    Object.keys(n.labels).length > 0 ? escapeHtml(formatFields(n.labels)) : none,
    n.taints.length > 0
      ? n.taints.map((tt) => code(`${tt.key}${tt.value ? `=${tt.value}` : ''}:${tt.effect}`)).join(' ')
      : none,
    c.m(n.unschedulable ? 'cluster.yes' : 'cluster.no'),
    String(n.podCapacity),
  ]);
  const headers = (
    ['cluster.node', 'cluster.labels', 'cluster.taints', 'cluster.unschedulable', 'cluster.capacity'] as const
  ).map((h) => c.m(h));
  return `<h2 id="cluster">${c.m('cluster.heading')}</h2>${htmlTable(headers, rows)}`;
}

/** The manifests as YAML. */
export function workloadsHtml(c: HtmlContext): string {
  const docs = c.result.scenario.objects.map((o) =>
    stringify(displayManifest(o), { lineWidth: 0, aliasDuplicateObjects: false }).trimEnd(),
  );
  return `<h2 id="workloads">${c.m('workloads.heading')}</h2><p>${c.m('workloads.intro')}</p><pre><code>${escapeHtml(docs.join('\n---\n'))}</code></pre>`;
}

/** The exact commands to run and replay. */
export function replayHtml(
  c: HtmlContext,
  replayFile: string | undefined,
  args: CommandArgs | undefined,
): string {
  const cmds = replayCommands(c.result, replayFile, args);
  const out = [
    `<h2 id="replay">${c.m('replay.heading')}</h2>`,
    `<p>${c.m('replay.rerun')}</p>`,
    `<pre id="cmd-run">${escapeHtml(cmds.run)}</pre>`,
  ];
  if (!cmds.sourceKnown) out.push(`<p class="muted">${c.m('replay.noSource')}</p>`);
  if (cmds.replay)
    out.push(`<p>${c.m('replay.replay')}</p>`, `<pre id="cmd-replay">${escapeHtml(cmds.replay)}</pre>`);
  out.push(`<p class="muted">${c.m('replay.digest', { digest: c.result.traceDigest })}</p>`);
  return out.join('\n');
}
