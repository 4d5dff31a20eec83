/**
 * The HTML report: one self-contained file (inline CSS, SVG and script; no network) with the
 * verdict, the first violation explained, a step-through of the cluster with a nodes × time
 * picture, the invariant table, the state machines, the scenario, the replay commands, the
 * timeline and the final state.
 */
import type { RunResult } from '../run/types.ts';
import { forReading } from './analysis.ts';
import { isComparison } from './compare.ts';
import { compareHtml } from './compareRender.ts';
import { htmlContext } from './html/context.ts';
import { pageHtml, type TocEntry } from './html/layout.ts';
import { pictureHtml } from './html/picture.ts';
import { finalHtml, invariantsHtml, machinesHtml, timelineHtml, violationsHtml } from './html/runSections.ts';
import {
  clusterHtml,
  conceptsHtml,
  headerHtml,
  replayHtml,
  scenarioHtml,
  summaryHtml,
  workloadsHtml,
} from './html/scenarioSections.ts';
import { t } from './i18n/index.ts';
import type { RenderOptions } from './options.ts';

/** The HTML report of a run, in `options.lang`. Deterministic: same inputs, same text. */
export function renderHtml(run: RunResult, options: RenderOptions): string {
  const result = forReading(run);
  const c = htmlContext(result, options.lang, options.sources ?? {});
  const hasViolation = result.invariants.some((i) => i.status === 'violated' && i.violations.length > 0);
  const toc: TocEntry[] = [
    ['scenario', c.m('scenario.heading')],
    ['invariants', c.m('inv.heading')],
    ...(hasViolation ? [['violations', c.m('viol.heading')] as TocEntry] : []),
    ...(isComparison(result) ? [['compare', c.m('compare.heading')] as TocEntry] : []),
    ...(result.events.length > 0 ? [['stepper', c.m('stepper.heading')] as TocEntry] : []),
    ['machines', c.m('machine.heading')],
    ['concepts', c.m('concept.heading')],
    ['cluster', c.m('cluster.heading')],
    ['replay', c.m('replay.heading')],
    ['timeline', c.m('timeline.heading')],
    ['final', c.m('final.heading')],
  ];
  const body = [
    headerHtml(c),
    summaryHtml(c),
    scenarioHtml(c),
    invariantsHtml(c),
    violationsHtml(c),
    compareHtml(c),
    pictureHtml(c),
    machinesHtml(c),
    conceptsHtml(c),
    clusterHtml(c),
    workloadsHtml(c),
    replayHtml(c, options.replayFile, options.commandArgs),
    timelineHtml(c),
    finalHtml(c),
  ].filter((s) => s !== '');
  const title = t(options.lang, 'doc.title', { scenario: result.scenario.name });
  return pageHtml(options.lang, title, toc, c.m('doc.toc'), body.join('\n'));
}
