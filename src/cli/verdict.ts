/**
 * Verdicts: whether a run passed (invariants held and `expect` met, where an expected violation
 * counts as met, and at least one invariant applied) and the one-line summary `run` prints for it,
 * which also says what held only by design and which events were skipped (en or ko).
 */
import { formatTime } from '../report/format.ts';
import { type Lang, type MessageKey, t } from '../report/i18n/index.ts';
import type { RunResult, SkippedEvent, Violation } from '../run/types.ts';

export type Verdict = 'pass' | 'fail' | 'error';

/** Exit code of a verdict (design.md §3). */
export const EXIT_CODE: Readonly<Record<Verdict, number>> = { pass: 0, fail: 1, error: 3 };

/** Ids of violated invariants the scenario did not say it would violate. */
export function unexpectedViolations(result: RunResult): string[] {
  const expected = result.scenario.expect?.violates ?? [];
  return result.invariants
    .filter((i) => i.status === 'violated' && !expected.includes(i.id))
    .map((i) => i.id);
}

/** pass / fail / error for a run. A run in which nothing was checked is not a pass (design §5). */
export function judge(result: RunResult): Verdict {
  if (result.outcome === 'error') return 'error';
  if (result.nothingChecked !== undefined) return 'fail';
  return unexpectedViolations(result).length === 0 && result.expectMet ? 'pass' : 'fail';
}

/** The earliest violation (by step, then time) among the given invariant ids. */
export function firstViolation(
  result: RunResult,
  ids: readonly string[],
): { id: string; v: Violation } | undefined {
  let best: { id: string; v: Violation } | undefined;
  for (const inv of result.invariants) {
    if (!ids.includes(inv.id)) continue;
    for (const v of inv.violations) {
      if (best === undefined || v.step < best.v.step || (v.step === best.v.step && v.atMs < best.v.atMs))
        best = { id: inv.id, v };
    }
  }
  return best;
}

/** `12.3 ms` with one decimal below 100 ms, whole ms above. */
export function formatWall(ms: number): string {
  return ms < 100 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/**
 * The verdict line, e.g. `PASS  replicaset-self-healing  seed=42  12 invariants held  (3.1 ms)` or
 * `FAIL  ...  replicaset.no-overshoot violated at 00:42.130 step 311  (3.1 ms)`; a pass adds what
 * held only by design and how many events were skipped, and why the first one was.
 */
export function verdictLine(result: RunResult, wallMs: number, lang: Lang = 'en'): string {
  const verdict = judge(result);
  const head = `${verdict.toUpperCase().padEnd(5)} ${result.scenario.name}  seed=${result.seed}`;
  const notes = verdict === 'pass' ? [heldByDesignNote(result, lang), skippedNote(result, lang)] : [];
  const detail = [verdictDetail(result, verdict, lang), ...notes]
    .filter((x) => x !== '')
    .join(t(lang, 'list.separator'));
  return `${head}  ${detail}  (${formatWall(wallMs)})`;
}

function verdictDetail(result: RunResult, verdict: Verdict, lang: Lang): string {
  if (verdict === 'error')
    return t(lang, 'verdict.internalError', { error: (result.error ?? 'unknown').split('\n')[0]! });
  if (result.nothingChecked !== undefined)
    return t(lang, 'verdict.nothingChecked', { why: result.nothingChecked[lang] });
  const held = result.invariants.filter((i) => i.status === 'held').length;
  const heldText = t(lang, 'verdict.heldCount', { count: held }).replace('(s)', held === 1 ? '' : 's');
  if (verdict === 'pass') {
    const expected = result.invariants.filter((i) => i.status === 'violated').map((i) => i.id);
    return expected.length === 0
      ? heldText
      : t(lang, 'verdict.violatedAsExpected', { ids: expected.join(', '), held: heldText });
  }
  const first = firstViolation(result, unexpectedViolations(result));
  if (first !== undefined) {
    const more = unexpectedViolations(result).length - 1;
    const at = { id: first.id, time: formatTime(first.v.atMs), step: first.v.step };
    return `${t(lang, 'verdict.violatedAt', at)}${more > 0 ? ` ${t(lang, 'verdict.more', { count: more })}` : ''}`;
  }
  const problems = result.expectProblems.join(t(lang, 'list.separator')) || t(lang, 'verdict.seeReport');
  return t(lang, 'verdict.expectProblems', { problems });
}

/** `held by design: <first note> (+N more)`, or '' when no claim held by design. */
export function heldByDesignNote(result: RunResult, lang: Lang): string {
  const notes = result.invariants.flatMap((i) => i.heldByDesign ?? []);
  if (notes.length === 0) return '';
  const first = notes[0]!;
  const note = lang === 'ko' ? (first.messageKo ?? first.message) : first.message;
  return withMore(t(lang, 'verdict.heldByDesign', { note }), notes.length - 1, lang);
}

/** `2 events skipped: node-9 was removed at 00:30.000`, or '' when every event applied. */
export function skippedNote(result: RunResult, lang: Lang): string {
  const skipped = result.skippedEvents ?? [];
  if (skipped.length === 0) return '';
  const text = t(lang, 'verdict.skipped', { count: skipped.length, first: skipWhy(skipped[0]!, lang) });
  return lang === 'en' ? text.replace('event(s)', skipped.length === 1 ? 'event' : 'events') : text;
}

/** Why one event was skipped: what removed its target, else the fault's own reason. */
export function skipWhy(s: SkippedEvent, lang: Lang): string {
  if (s.gone === undefined)
    return t(lang, 'skip.other', { event: s.label, time: formatTime(s.atMs), reason: s.reason });
  const isNode = s.gone.ref.startsWith('node/');
  const key: MessageKey = `skip.${s.gone.how === 'gone' ? 'gone' : 'later'}.${isNode ? 'node' : 'object'}`;
  const name = isNode ? s.gone.ref.slice('node/'.length) : s.gone.ref;
  return t(lang, key, { name, time: formatTime(s.gone.atMs) });
}

function withMore(text: string, more: number, lang: Lang): string {
  return more > 0 ? `${text} ${t(lang, 'verdict.more', { count: more })}` : text;
}
