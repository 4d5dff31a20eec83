/**
 * The plain-language story of a violation: what the invariant protects and why this sequence of
 * events broke it. Returns plain text sentences; each renderer escapes them for its format.
 */
import type { Concept } from '../invariants/types.ts';
import type { InvariantResult, RunResult, Violation } from '../run/types.ts';
import { causalEvents } from './analysis.ts';
import { eventText } from './eventText.ts';
import { formatTime } from './format.ts';
import { hasMessage, type Lang, type MessageKey, t } from './i18n/index.ts';
import { conceptOfId, type ReportSources } from './sources.ts';
import { causalSlice, mutantsOf } from './why.ts';

/** Everything a report says about one violated invariant. */
export interface ViolationStory {
  id: string;
  concept: Concept;
  conceptTitle: string;
  /** The invariant's claim (from its definition), if known. */
  claim?: string;
  /** What the invariant protects (from its definition), if known. */
  protects?: string;
  violation: Violation;
  /** What the checker saw, in the report's language (see {@link violationMessage}). */
  message: string;
  count: number;
  /** Sentences: intro, one per causal event, the violation itself, then the hint. */
  why: string[];
  /** Trace indices of the causal events (for highlighting). */
  causeSteps: number[];
  /** The last writes to the violating objects, each with the controller decision behind it (why.ts). */
  slice: Array<{ write: string; decision?: string }>;
}

function eventKey(kind: string): MessageKey {
  const key = `why.ev.${kind}`;
  return hasMessage(key) ? key : 'why.ev.other';
}

/**
 * A violation's message in `lang`: Korean reports show `messageKo` when the invariant wrote one
 * and the English `message` otherwise (invariants/types.ts, Finding).
 */
export function violationMessage(lang: Lang, v: Pick<Violation, 'message' | 'messageKo'>): string {
  return lang === 'ko' && v.messageKo ? v.messageKo : v.message;
}

/** The story of `invariant`'s first violation in `lang`. */
export function violationStory(
  lang: Lang,
  result: RunResult,
  invariant: InvariantResult,
  sources: ReportSources,
): ViolationStory {
  const violation = invariant.violations[0]!;
  const info = sources.invariant?.(invariant.id);
  const concept = info?.concept ?? conceptOfId(invariant.id);
  const causes = causalEvents(result.events, violation);
  const why: string[] = [];
  if (causes.length === 0) why.push(t(lang, 'why.none'));
  else why.push(t(lang, 'why.intro', { step: violation.step }));
  for (const e of causes) {
    why.push(
      t(lang, eventKey(e.kind), {
        time: formatTime(e.atMs),
        actor: e.actor,
        text: eventText(lang, e, result.invariants).replace(/\.$/, ''),
      }),
    );
  }
  const message = violationMessage(lang, violation);
  why.push(t(lang, 'why.then', { step: violation.step, message: message.replace(/\.$/, '') }));
  const hintKey = `why.hint.${invariant.id}`;
  why.push(t(lang, hasMessage(hintKey) ? hintKey : 'why.hint.generic'));
  const story: ViolationStory = {
    id: invariant.id,
    concept,
    conceptTitle: t(lang, `concept.${concept}.title` as MessageKey),
    violation,
    message,
    count: invariant.violations.length,
    why,
    causeSteps: causes.map((e) => e.step),
    slice: sliceLines(lang, result, violation),
  };
  if (info) {
    story.claim = info.claim[lang];
    story.protects = info.explain[lang];
  }
  return story;
}

/** Stories for every violated invariant, earliest first violation first. */
export function violationStories(lang: Lang, result: RunResult, sources: ReportSources): ViolationStory[] {
  return result.invariants
    .filter((i) => i.status === 'violated' && i.violations.length > 0)
    .sort((a, b) => a.violations[0]!.step - b.violations[0]!.step)
    .map((i) => violationStory(lang, result, i, sources));
}

/** Concepts a report should explain: those of the scenario's workloads and of violated invariants. */
export function conceptsOf(result: RunResult): Concept[] {
  const out = new Set<Concept>();
  for (const o of result.scenario.objects) {
    if (o.kind === 'ReplicaSet' || o.kind === 'Deployment') out.add('replicaset');
    if (o.kind === 'DaemonSet') out.add('daemonset');
    if (o.kind === 'StatefulSet') out.add('statefulset');
  }
  for (const i of result.invariants) if (i.status === 'violated') out.add(conceptOfId(i.id));
  out.add('workload');
  const order: Concept[] = ['replicaset', 'daemonset', 'statefulset', 'ownership', 'workload', 'status'];
  return order.filter((c) => out.has(c));
}

/** Who acted, as a report says it: `statefulset-controller` → "statefulset controller". */
function who(lang: Lang, actor: string): string {
  if (actor === 'user') return t(lang, 'who.user');
  if (actor.endsWith('-controller'))
    return t(lang, 'who.controller', { name: actor.slice(0, -'-controller'.length) });
  return actor;
}

/** The causal slice of a violation as lines in `lang`, with this run's names. */
function sliceLines(lang: Lang, result: RunResult, violation: Violation): ViolationStory['slice'] {
  return causalSlice(result.events, violation).map(({ write, decision }) => {
    const line = t(lang, 'why.slice.write', {
      step: write.step,
      who: who(lang, write.actor),
      text: eventText(lang, write, result.invariants),
    });
    if (!decision) return { write: line };
    const decided = t(lang, 'why.slice.decided', { step: decision.step, text: eventText(lang, decision) });
    return { write: line, decision: decided };
  });
}

/** One banner line per mutant controller the run uses, naming its bug. */
export function mutantBanners(lang: Lang, result: RunResult, sources: ReportSources): string[] {
  return mutantsOf(result).map(({ controller, variant }) =>
    t(lang, 'mutant.banner', {
      controller,
      variant,
      description: sources.mutant?.(controller, variant) ?? t(lang, 'mutant.noDescription'),
    }),
  );
}
