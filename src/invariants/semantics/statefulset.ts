/**
 * The judge's own statement of the StatefulSet pod predicates (stateful_set_utils.go) and of when a
 * RollingUpdate may delete a pod (stateful_set_control.go, MaxUnavailableStatefulSet off), written
 * from the documentation and apart from src/controllers/statefulset, so a bug planted there is not
 * copied here. test/invariants/judge-vs-statefulset.property.test.ts compares the two.
 */
import { parseOrdinal } from '../../model/ordinal.ts';
import { parseTimestamp } from '../../model/time.ts';
import type { KObject } from '../../model/types.ts';
import type { Explanation } from '../types.ts';

interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

function readyCondition(p: KObject): Condition | undefined {
  return ((p.status?.conditions ?? []) as Condition[]).find((c) => c.type === 'Ready');
}

/** Phase Running and the Ready condition True (`isRunningAndReady`). */
export function runningAndReady(p: KObject): boolean {
  return p.status?.phase === 'Running' && readyCondition(p)?.status === 'True';
}

/** Has a deletionTimestamp (`isTerminating`). */
export function terminating(p: KObject): boolean {
  return !!p.metadata.deletionTimestamp;
}

/** Failed or Succeeded: nothing will run it again (`isFailed || isSucceeded`). */
export function terminal(p: KObject): boolean {
  return p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
}

/** Running, Ready and not being deleted (`isHealthy`). */
export function healthy(p: KObject): boolean {
  return runningAndReady(p) && !terminating(p);
}

/**
 * Running and available: Ready for strictly longer than minReadySeconds (`isRunningAndAvailable`;
 * with minReadySeconds 0, Ready is enough).
 */
export function runningAndAvailable(p: KObject, minReadySeconds: number, nowMs: number): boolean {
  if (!runningAndReady(p)) return false;
  if (minReadySeconds <= 0) return true;
  const raw = readyCondition(p)?.lastTransitionTime;
  const since = raw ? parseTimestamp(raw) : Number.NaN;
  return !Number.isNaN(since) && since + minReadySeconds * 1000 < nowMs;
}

/** When a finished pod's Ready condition last changed: at or before it ended (a lower bound). */
export function endedNoLaterThanMs(p: KObject): number {
  const raw = readyCondition(p)?.lastTransitionTime;
  const ms = raw ? parseTimestamp(raw) : Number.NaN;
  return Number.isNaN(ms) ? 0 : ms;
}

/** The ordinal of a pod of set `setName`, or undefined for a name that is not `<set>-<digits>`. */
export function memberOrdinal(setName: string, pod: KObject): number | undefined {
  const p = parseOrdinal(pod.metadata.name);
  return p && p.parent === setName ? p.ordinal : undefined;
}

/** What a rolling-update deletion was decided on. */
export interface RolloutView {
  setName: string;
  start: number;
  replicas: number;
  orderedReady: boolean;
  minReadySeconds: number;
  nowMs: number;
  updateRevision: string;
  /** The set's pods as the controller's cache held them. */
  pods: readonly KObject[];
  /** Pods this sync already created or deleted (their cached state is out of date: not healthy). */
  touched: ReadonlySet<string>;
}

/** Why the rollout had to wait instead of deleting `victim`, or null when the deletion was allowed. */
export function rolloutBlocker(view: RolloutView, victim: string): Explanation | null {
  const slots = new Map<number, KObject>();
  let condemned = 0;
  for (const p of view.pods) {
    const ord = memberOrdinal(view.setName, p);
    if (ord === undefined) continue;
    if (ord >= view.start && ord < view.start + view.replicas) slots.set(ord - view.start, p);
    else condemned++;
  }
  const fine = (p: KObject | undefined) =>
    !!p &&
    !view.touched.has(p.metadata.name) &&
    healthy(p) &&
    (!view.orderedReady || runningAndAvailable(p, view.minReadySeconds, view.nowMs));
  const victimSlot = [...slots].find(([, p]) => p.metadata.name === victim)?.[0];
  if (victimSlot === undefined)
    return {
      en: `${victim} is not in a slot of the set`,
      ko: `${victim} 파드는 spec.replicas 범위 밖에 있다`,
    };
  // From the top down: every pod above the victim is healthy and already updated.
  for (let s = view.replicas - 1; s > victimSlot; s--) {
    const p = slots.get(s);
    const name = `${view.setName}-${view.start + s}`;
    if (!fine(p))
      return {
        en: `${name} above it was not Running and Ready`,
        ko: `그 위의 ${name} 파드가 Running 및 Ready가 아니었다`,
      };
    if (p!.metadata.labels?.['controller-revision-hash'] !== view.updateRevision)
      return {
        en: `${name} above it was not yet updated`,
        ko: `그 위의 ${name} 파드가 아직 업데이트되지 않았다`,
      };
  }
  if (!view.orderedReady) return null;
  // OrderedReady stops the whole sync at the first pod that is not Running, Ready and available,
  // and at condemned pods, before it reaches the update step.
  if (condemned > 0)
    return {
      en: 'pods beyond spec.replicas were still to be removed first',
      ko: 'spec.replicas 범위 밖의 파드를 먼저 지워야 했다',
    };
  for (let s = 0; s <= victimSlot; s++) {
    const name = `${view.setName}-${view.start + s}`;
    if (!fine(slots.get(s)))
      return {
        en: `${name} was not Running, Ready and available`,
        ko: `${name} 파드가 Running, Ready, available이 아니었다`,
      };
  }
  return null;
}

/** What an OrderedReady creation was decided on (the set's name, its range and the cached pods). */
export type OrderedView = Omit<RolloutView, 'updateRevision' | 'orderedReady'>;

/**
 * The lower ordinals an OrderedReady sync had to wait for before creating pod `ordinal`: each slot
 * below it must hold a pod that is Running, Ready, available (minReadySeconds) and not terminating
 * (processReplica stops at the first that is not).
 */
export function orderedCreateBlockers(view: OrderedView, ordinal: number): string[] {
  const bySlot = new Map<number, KObject>();
  for (const p of view.pods) {
    const ord = memberOrdinal(view.setName, p);
    if (ord !== undefined) bySlot.set(ord - view.start, p);
  }
  const out: string[] = [];
  for (let s = 0; s < ordinal - view.start; s++) {
    const p = bySlot.get(s);
    const ok =
      !!p &&
      !view.touched.has(p.metadata.name) &&
      healthy(p) &&
      runningAndAvailable(p, view.minReadySeconds, view.nowMs);
    if (!ok) out.push(`${view.setName}-${view.start + s}`);
  }
  return out;
}
