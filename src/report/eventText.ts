/**
 * A trace event's text as a report in a given language shows it. Every event is a message (a code
 * with typed parameters, src/trace/messages.ts); its English text was rendered when it was
 * recorded, and any other language renders the same code and parameters from that language's
 * catalog (src/trace/i18n/), so a Korean line says every fact the English one does: the node, the
 * pod, the count. A violation's text is the invariant's own finding: a Korean report shows the
 * Korean message the run kept beside it (`Violation.messageKo`), when the caller passes the run's
 * invariant results and there is one. Nothing here reads the English text to find out what happened.
 */
import type { InvariantResult } from '../run/types.ts';
import { renderMessage } from '../trace/render.ts';
import type { TraceEvent } from '../trace/types.ts';
import type { Lang } from './i18n/index.ts';

/** The fields of an event its text depends on. */
export type EventForText = Pick<TraceEvent, 'code' | 'params' | 'text'> & Partial<Pick<TraceEvent, 'actor'>>;

/** The Korean message kept for a violation: same invariant (the event's actor), same English finding. */
function violationText(e: EventForText, invariants: readonly InvariantResult[]): string {
  const inv = invariants.find((i) => i.id === e.actor);
  return inv?.violations.find((v) => v.message === e.text && v.messageKo)?.messageKo ?? e.text;
}

/** The text of `e` for a report in `lang`; `invariants` (the run's results) lets violations be translated. */
export function eventText(lang: Lang, e: EventForText, invariants: readonly InvariantResult[] = []): string {
  if (lang === 'en') return e.text;
  if (e.code === 'invariant.violated') return violationText(e, invariants);
  return renderMessage(lang, e);
}
