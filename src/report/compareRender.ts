/**
 * The side-by-side section of the Markdown and HTML reports (src/report/compare.ts computes it):
 * an "at a glance" table (how each kind reacts, placement, scaling, identity, storage, network
 * identity) and an "at each fault" table, one column per workload. Object names are shown as code;
 * every name and trace text is escaped for the output format.
 */

import type { RunResult } from '../run/types.ts';
import { renderMessage } from '../trace/render.ts';
import { clientPath } from './compare/clients.ts';
import {
  type Comparison,
  compareWorkloads,
  type Fate,
  isComparison,
  type Workload,
  type WorkloadSummary,
} from './compare.ts';
import { escapeHtml, escapeMarkdown, inlineCode } from './escape.ts';
import { formatTime } from './format.ts';
import type { HtmlContext } from './html/context.ts';
import { catalogs, type Lang, type MessageKey } from './i18n/index.ts';
import { type MdContext, mdTable } from './mdParts.ts';

/** A name shown as code, or already-formatted markup (a nested message). */
type Param = string | number | { name: string } | { markup: string };

/** How one output format writes plain text and names. */
interface Fmt {
  text(s: string): string;
  name(s: string): string;
}

const MD: Fmt = { text: escapeMarkdown, name: (s) => inlineCode(s, true) };
const HTML: Fmt = { text: escapeHtml, name: (s) => `<code>${escapeHtml(s)}</code>` };

/** Most fates shown in one cell; the rest are counted. */
export const MAX_FATES_PER_CELL = 6;

/** The message `key` with its template text escaped and each parameter formatted by `fmt`. */
function fill(lang: Lang, key: MessageKey, params: Readonly<Record<string, Param>>, fmt: Fmt): string {
  const template = catalogs[lang][key];
  let out = '';
  let last = 0;
  for (const m of template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)) {
    out += fmt.text(template.slice(last, m.index));
    const p = params[m[1]!];
    if (p === undefined) throw new Error(`message ${lang}:${key} needs parameter {${m[1]}}`);
    out += typeof p === 'object' ? ('name' in p ? fmt.name(p.name) : p.markup) : fmt.text(String(p));
    last = m.index! + m[0].length;
  }
  return out + fmt.text(template.slice(last));
}

function nodeParam(node: string | null, lang: Lang, fmt: Fmt): Param {
  return node === null ? { markup: fill(lang, 'fate.unscheduled', {}, fmt) } : { name: node };
}

/** One fate as a sentence in `lang`, formatted by `fmt`. */
export function fateText(lang: Lang, f: Fate, fmt: Fmt): string {
  const node = nodeParam(f.node, lang, fmt);
  const pod = { name: f.pod };
  const end = (evicted: boolean, ms: number): Param => ({
    markup: fill(lang, evicted ? 'fate.evicted' : 'fate.deleted', { time: formatTime(ms) }, fmt),
  });
  const ready = (ms: number | undefined) =>
    ms === undefined ? '' : ` (${fill(lang, 'fate.readyAt', { time: formatTime(ms) }, fmt)})`;
  switch (f.type) {
    case 'created':
      return fill(lang, 'fate.created', { pod, node, time: formatTime(f.createdMs) }, fmt) + ready(f.readyMs);
    case 'replaced':
      return (
        fill(
          lang,
          'fate.replaced',
          {
            pod,
            node,
            end: end(f.evicted, f.endMs),
            by: { name: f.by },
            byNode: nodeParam(f.byNode, lang, fmt),
          },
          fmt,
        ) + ready(f.readyMs)
      );
    case 'recreated': {
      const claims = f.claims.map((c) =>
        fill(
          lang,
          c.volume === 'kept' ? 'fate.claimKept' : 'fate.claimNew',
          { claim: { name: c.claim } },
          fmt,
        ),
      );
      const main = fill(
        lang,
        'fate.recreated',
        {
          pod,
          node,
          end: end(f.evicted, f.endMs),
          gone: formatTime(f.goneMs),
          byNode: nodeParam(f.byNode, lang, fmt),
        },
        fmt,
      );
      const sep = fmt.text(catalogs[lang]['list.separator']);
      return `${main}${ready(f.readyMs)}${claims.length > 0 ? `${sep}${claims.join(sep)}` : ''}`;
    }
    case 'restarted':
      return fill(lang, 'fate.restarted', { pod, node, time: formatTime(f.atMs) }, fmt);
    case 'kept':
      return fill(
        lang,
        f.stopped ? 'fate.keptStopped' : f.ready ? 'fate.keptReady' : 'fate.keptNotReady',
        { pod, node },
        fmt,
      );
    case 'waiting':
      return fill(lang, 'fate.waiting', { pod, node, end: end(f.evicted, f.endMs) }, fmt);
    case 'removed':
      return fill(lang, 'fate.removed', { pod, node, end: end(f.evicted, f.endMs) }, fmt);
  }
}

/** The sentences of one cell (capped, with a count of the rest), or "not affected". */
function cellLines(lang: Lang, fates: readonly Fate[], fmt: Fmt): string[] {
  if (fates.length === 0) return [fill(lang, 'compare.notAffected', {}, fmt)];
  const shown = fates.slice(0, MAX_FATES_PER_CELL).map((f) => fateText(lang, f, fmt));
  if (fates.length > MAX_FATES_PER_CELL)
    shown.push(fill(lang, 'compare.more', { count: fates.length - MAX_FATES_PER_CELL }, fmt));
  return shown;
}

function workloadHeader(w: Workload, fmt: Fmt): string {
  return fmt.name(w.key);
}

/** The "at a glance" rows: [label, one cell per workload]. */
function glanceRows(lang: Lang, cmp: Comparison, fmt: Fmt, result: RunResult): Array<[string, string[]]> {
  const row = (key: MessageKey, cell: (s: WorkloadSummary) => string): [string, string[]] => [
    fill(lang, key, {}, fmt),
    cmp.summaries.map(cell),
  ];
  const list = (names: readonly string[]) => names.map(fmt.name).join(', ');
  return [
    row('compare.row.how', (s) => fill(lang, `compare.how.${s.workload.kind}` as MessageKey, {}, fmt)),
    row('compare.row.placement', (s) => {
      if (s.placement.length === 0) return fill(lang, 'compare.placement.none', {}, fmt);
      const where = s.placement
        .map((p) => `${fmt.name(p.node)}: ${list(p.pods)}`)
        .join(fmt.text(catalogs[lang]['list.separator']));
      return s.workload.kind === 'DaemonSet' && s.onePerNode
        ? `${where} (${fill(lang, 'compare.placement.onePerNode', {}, fmt)})`
        : where;
    }),
    row('compare.row.scaling', (s) =>
      s.desired === null
        ? fill(lang, 'compare.scaling.unknown', { ready: s.ready, pods: s.pods }, fmt)
        : fill(
            lang,
            s.workload.kind === 'DaemonSet' ? 'compare.scaling.daemon' : 'compare.scaling.replicas',
            { ready: s.ready, desired: s.desired },
            fmt,
          ),
    ),
    row('compare.row.identity', (s) => {
      if (s.workload.kind === 'StatefulSet')
        return fill(
          lang,
          s.recreatedCount === 0 ? 'compare.identity.stableNone' : 'compare.identity.stable',
          { names: { markup: list(s.names) }, count: s.recreatedCount },
          fmt,
        );
      const daemon = s.workload.kind === 'DaemonSet';
      const key: MessageKey =
        s.replacedCount === 0
          ? daemon
            ? 'compare.identity.daemonNone'
            : 'compare.identity.randomNone'
          : daemon
            ? 'compare.identity.daemon'
            : 'compare.identity.random';
      return fill(lang, key, { count: s.replacedCount }, fmt);
    }),
    row('compare.row.storage', (s) => {
      if (s.claims.length === 0) return fill(lang, 'compare.storage.none', {}, fmt);
      const claims = { markup: list(s.claims.map((c) => c.claim)) };
      const renewed = s.claims.filter((c) => c.creates > 1).map((c) => c.claim);
      return renewed.length === 0
        ? fill(lang, 'compare.storage.kept', { claims }, fmt)
        : fill(lang, 'compare.storage.renewed', { claims, renewed: { markup: list(renewed) } }, fmt);
    }),
    row('compare.row.network', (s) => {
      if (s.workload.kind === 'StatefulSet') {
        const example = s.dnsNames[0];
        return s.workload.serviceName === undefined || example === undefined
          ? fill(lang, 'compare.network.noService', {}, fmt)
          : fill(
              lang,
              'compare.network.stable',
              { service: { name: s.workload.serviceName }, example: { name: example } },
              fmt,
            );
      }
      return fill(
        lang,
        s.workload.kind === 'DaemonSet' ? 'compare.network.daemon' : 'compare.network.none',
        {},
        fmt,
      );
    }),
    row('compare.row.clients', (s) => clientsCell(lang, s, result, fmt)),
  ];
}

/** The "how clients reach it" cell: the kind's path, the run's Service if any, requests per Pod. */
function clientsCell(lang: Lang, s: WorkloadSummary, result: RunResult, fmt: Fmt): string {
  const w = s.workload;
  const path = clientPath(result, w, s.names);
  const service = path.service ? { name: path.service.name } : undefined;
  let text: string;
  if (w.kind === 'DaemonSet') text = fill(lang, 'compare.clients.daemon', {}, fmt);
  else if (w.kind === 'StatefulSet') {
    const ordinal = (n: string) => Number(/-(\d+)$/.exec(n)?.[1] ?? 0);
    const first = [...s.names].sort((a, b) => ordinal(a) - ordinal(b))[0];
    const name = w.serviceName ?? path.service?.name;
    text =
      name === undefined || first === undefined
        ? fill(lang, 'compare.clients.stable', {}, fmt)
        : fill(
            lang,
            'compare.clients.stableService',
            { service: { name }, example: { name: `${first}.${name}` } },
            fmt,
          );
  } else
    text = service
      ? fill(lang, 'compare.clients.balancedService', { service }, fmt)
      : fill(lang, 'compare.clients.balanced', {}, fmt);
  if (path.answered.length === 0) return text;
  const counts = path.answered.map(([pod, n]) => `${fmt.name(pod)} ×${n}`).join(', ');
  return `${text}${fmt.text(catalogs[lang]['list.separator'])}${fill(lang, 'compare.clients.requests', { counts: { markup: counts } }, fmt)}`;
}

/** The fault column: time, the fault's command as code, and what it did (plain text). */
function faultLabel(
  lang: Lang,
  row: Comparison['rows'][number],
  fmt: Fmt,
  what: (escaped: string) => string,
): string {
  if (row.fault === null) return fill(lang, 'compare.row.start', {}, fmt);
  const e = row.fault.event;
  if (e.code !== 'fault.applied') return `${formatTime(row.fault.atMs)} ⚡`;
  const { command, effect } = e.params;
  const rest = renderMessage(lang, { code: effect, params: e.params });
  return `${formatTime(row.fault.atMs)} ⚡ ${fmt.name(command)}${rest ? what(fmt.text(rest)) : ''}`;
}

/** The comparison to show for `result`, if it runs more than one kind of workload. */
export function comparisonOf(result: MdContext['result']): Comparison | undefined {
  return isComparison(result) ? compareWorkloads(result) : undefined;
}

/** The Markdown section ('' when the scenario has one kind of workload). */
export function compareMarkdown(c: MdContext): string {
  const cmp = comparisonOf(c.result);
  if (!cmp) return '';
  const heads = cmp.workloads.map((w) => workloadHeader(w, MD));
  const glance = glanceRows(c.lang, cmp, MD, c.result).map(([label, cells]) => [`**${label}**`, ...cells]);
  const faults = cmp.rows.map((row) => [
    faultLabel(c.lang, row, MD, (w) => `<br>${w}`),
    ...cmp.workloads.map((w) => cellLines(c.lang, row.cells[w.key] ?? [], MD).join('<br>')),
  ]);
  return [
    `## ${c.m('compare.heading')}`,
    '',
    c.m('compare.intro'),
    '',
    `### ${c.m('compare.glance')}`,
    '',
    mdTable([c.m('compare.col.aspect'), ...heads], glance),
    '',
    `### ${c.m('compare.atFaults')}`,
    '',
    mdTable([c.m('compare.col.fault'), ...heads], faults),
  ].join('\n');
}

/** The HTML section ('' when the scenario has one kind of workload). */
export function compareHtml(c: HtmlContext): string {
  const cmp = comparisonOf(c.result);
  if (!cmp) return '';
  const heads = cmp.workloads.map((w) => `<th>${workloadHeader(w, HTML)}</th>`).join('');
  const glance = glanceRows(c.lang, cmp, HTML, c.result)
    .map(
      ([label, cells]) =>
        `<tr><th scope="row">${label}</th>${cells.map((x) => `<td>${x}</td>`).join('')}</tr>`,
    )
    .join('');
  const faults = cmp.rows
    .map((row) => {
      const cells = cmp.workloads
        .map((w) => {
          const fates = row.cells[w.key] ?? [];
          const lines = cellLines(c.lang, fates, HTML);
          const cls = fates.length === 0 ? ' class="none"' : '';
          return `<td${cls} data-workload="${escapeHtml(w.key)}"><ul>${lines.map((l) => `<li>${l}</li>`).join('')}</ul></td>`;
        })
        .join('');
      const cls = row.fault === null ? 'start' : 'fault';
      return `<tr class="${cls}"><th scope="row">${faultLabel(c.lang, row, HTML, (w) => `<br><span class="muted">${w}</span>`)}</th>${cells}</tr>`;
    })
    .join('');
  return [
    `<h2 id="compare">${c.m('compare.heading')}</h2>`,
    `<p>${c.m('compare.intro')}</p>`,
    `<h3>${c.m('compare.glance')}</h3>`,
    `<div class="compare-wrap"><table class="compare glance"><thead><tr><th>${c.m('compare.col.aspect')}</th>${heads}</tr></thead><tbody>${glance}</tbody></table></div>`,
    `<h3>${c.m('compare.atFaults')}</h3>`,
    `<div class="compare-wrap"><table class="compare faults"><thead><tr><th>${c.m('compare.col.fault')}</th>${heads}</tr></thead><tbody>${faults}</tbody></table></div>`,
  ].join('\n');
}
