/**
 * A trace line's text as a report in a given language shows it. The trace is written in English by
 * the simulator, the controllers and the checker; the reports translate what they can of it:
 *
 * - a fault line, `<command>: <what it did>` (src/run/runScenario.ts), keeps its command and says
 *   what that kind of fault does in the report's language, from the chaos registry's summary;
 *   objects the English effect names that the command does not (the pod an `{owner, index}`
 *   reference resolved to) follow in parentheses;
 * - a skipped event, `<command>: skipped (<reason>)`, says "skipped" in the report's language;
 * - a violation line (the invariant's English message) shows the Korean message the run kept for
 *   the same invariant and English text (`Violation.messageKo`), when the caller passes the run's
 *   invariant results and there is one.
 *
 * - every other line (controller decisions, the kubelet, API writes, taint eviction, the runner)
 *   is said in Korean by i18n/traceKo.ts, which keeps state and event names, object references and
 *   field summaries as written.
 *
 * A line no rule knows, and every line of an English report, is the trace text unchanged. Only what
 * is shown changes: analysis (causes, the cluster at each step, the comparison) reads the trace itself.
 */
import type { InvariantResult } from '../run/types.ts';
import type { TraceEvent } from '../trace/types.ts';
import { type Lang, t } from './i18n/index.ts';
import { traceKo } from './i18n/traceKo.ts';
import type { ReportSources } from './sources.ts';

/** `kind/name` references in a trace text (as the simulator writes them). */
const OBJECT_REF =
  /(?:^|[\s(])((?:pod|node|persistentvolumeclaim|pvc|statefulset|replicaset|daemonset|deployment)\/[^\s,;:()]+)/g;

/** The Korean message kept for a violation line: same invariant (the line's actor), same English text. */
function violationText(
  e: Pick<TraceEvent, 'actor' | 'text'>,
  invariants: readonly InvariantResult[],
): string {
  const inv = invariants.find((i) => i.id === e.actor);
  return inv?.violations.find((v) => v.message === e.text && v.messageKo)?.messageKo ?? e.text;
}

/** The text of `e` for a report in `lang`; `invariants` (the run's results) lets violation lines be translated. */
export function eventText(
  lang: Lang,
  e: Pick<TraceEvent, 'kind' | 'text'> & Partial<Pick<TraceEvent, 'actor'>>,
  sources: ReportSources,
  invariants: readonly InvariantResult[] = [],
): string {
  if (lang === 'en') return e.text;
  if (e.kind === 'violation')
    return e.actor === undefined ? e.text : violationText({ actor: e.actor, text: e.text }, invariants);
  if (e.kind !== 'fault' && e.kind !== 'skip') return traceKo(e) ?? e.text;
  return faultText(lang, e, sources);
}

/** A fault line says what that kind of fault does; a skipped event says "skipped" (see above). */
function faultText(lang: Lang, e: Pick<TraceEvent, 'kind' | 'text'>, sources: ReportSources): string {
  const colon = e.text.indexOf(': ');
  if (colon < 0) return e.text;
  const command = e.text.slice(0, colon).trimEnd();
  const rest = e.text.slice(colon + 2);
  if (e.kind === 'skip') {
    const skipped = /^skipped \((.*)\)$/.exec(rest);
    return skipped ? t(lang, 'event.skipped', { command, reason: skipped[1]! }) : e.text;
  }
  const summary = sources.fault?.(command.split(' ')[0] ?? '')?.[lang];
  if (!summary) return e.text;
  const extra = [...new Set([...rest.matchAll(OBJECT_REF)].map((m) => m[1]!))].filter(
    (ref) => !command.split(/\s+/).some((w) => w === ref || w === ref.slice(ref.indexOf('/') + 1)),
  );
  return extra.length === 0
    ? t(lang, 'event.fault', { command, summary })
    : t(lang, 'event.faultObjects', { command, summary, objects: extra.join(', ') });
}
