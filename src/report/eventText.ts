/**
 * A trace line's text as a report in a given language shows it. The trace is written in English by
 * the simulator, the controllers and the checker; the reports translate what they can of it:
 *
 * - a fault line, `<command>: <what it did>` (src/run/runScenario.ts), keeps its command and says
 *   what that kind of fault does in the report's language, from the chaos registry's summary;
 *   objects the English effect names that the command does not (the pod an `{owner, index}`
 *   reference resolved to) follow in parentheses;
 * - a skipped event, `<command>: skipped (<reason>)`, says "skipped" in the report's language.
 *
 * Everything else, and every line of an English report, is the trace text unchanged. Only what is
 * shown changes: analysis (causes, the cluster at each step, the comparison) reads the trace itself.
 */
import type { TraceEvent } from '../trace/types.ts';
import { type Lang, t } from './i18n/index.ts';
import type { ReportSources } from './sources.ts';

/** `kind/name` references in a trace text (as the simulator writes them). */
const OBJECT_REF =
  /(?:^|[\s(])((?:pod|node|persistentvolumeclaim|pvc|statefulset|replicaset|daemonset|deployment)\/[^\s,;:()]+)/g;

/** The text of `e` for a report in `lang`. */
export function eventText(lang: Lang, e: Pick<TraceEvent, 'kind' | 'text'>, sources: ReportSources): string {
  if (lang === 'en' || (e.kind !== 'fault' && e.kind !== 'skip')) return e.text;
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
