/**
 * The DaemonSet's pods as the judge reads them from the API store, and the per-pod and per-node
 * facts the DaemonSet claims share (finished pods kept too long, surge pods waiting for room).
 */
import { compileSelector, selectorMatches } from '../../model/labels.ts';
import { podReadyTransitionMs } from '../../model/pod.ts';
import { parseTimestamp } from '../../model/time.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { isReporting } from '../../sim/machine.ts';
import type { World } from '../../sim/world.ts';
import { lastFailedPodDeleteMs } from '../daemonset-failed-pod-backoff.ts';
import { FAILED_BACKOFF_MAX_MS, finished } from '../semantics/daemonset.ts';
import type { Explanation } from '../types.ts';
import { controlledPods, unschedulable } from '../util.ts';

/** The DaemonSet's pods in the store (controlled by it and matching its selector). */
export function daemonPods(world: World, ds: KObject): KObject[] {
  const sel = compileSelector(ds.spec?.selector);
  return controlledPods(world, ds.metadata.uid).filter((p) => selectorMatches(sel, p.metadata.labels));
}

/** How long the controller may take to notice a finished pod (a sync, a watch event, a round trip). */
export const NOTICE_MS = 60_000;

/**
 * The latest moment known to precede the pod's end: its creation, or its Ready condition's last
 * transition (it turns False when the pod finishes or earlier). A pod the kubelet rejects at
 * admission ends Failed with no conditions at all, so its creation is all there is.
 */
function endedNoEarlierThan(pod: KObject): number {
  const created = parseTimestamp(pod.metadata.creationTimestamp ?? '');
  return Math.max(Number.isFinite(created) ? created : 0, podReadyTransitionMs(pod as Pod) ?? 0);
}

/**
 * A finished daemon pod the controller should have deleted by now: Succeeded ones at once, Failed
 * ones once the node's back-off (at most 15 min a window, one window for each Failed pod queued on
 * the node) is over. On a node that does not report, or is gone, the node lifecycle and pod GC
 * decide instead.
 */
export function lingering(world: World, pod: KObject): boolean {
  const due = finishedPodDue(world, pod);
  return due !== null && world.now > due.byMs;
}

/**
 * A Failed pod still in time only because the node's back-off counts from a Failed-pod delete made
 * after the pod ended (an earlier pod of the queue went first and the window started again): that
 * delete's time, else undefined. The report names it as a wait by design.
 */
export function waitsBehindLaterDelete(world: World, pod: KObject): number | undefined {
  const due = finishedPodDue(world, pod);
  if (!due || due.lastDeleteMs === undefined || world.now > due.byMs) return undefined;
  return world.now > due.fromEndMs ? due.lastDeleteMs : undefined;
}

interface FinishedPodDue {
  /** The deadline counted from the later of the pod's end and the node's last Failed-pod delete. */
  byMs: number;
  /** The deadline counted from the pod's end alone. */
  fromEndMs: number;
  lastDeleteMs?: number;
}

/**
 * When a finished pod on a reporting node must be gone by. A Failed pod waits for the node's
 * back-off: daemon_controller.go podsShouldBeOnNode deletes at most one Failed pod of a node per
 * window (failedPodsBackoff.Next at planning time, whether the delete then succeeds or not), so the
 * window a queued pod waits for may be one that began long after the pod ended, and it can be the
 * full 15 min by then (chaos --seed 11 run 8566: the delay reached 512 s on the pods deleted before
 * it). Each window is at most 15 min, counted from the node's last Failed-pod delete when that came
 * after the pod's end.
 */
function finishedPodDue(world: World, pod: KObject): FinishedPodDue | null {
  if (!finished(pod) || pod.metadata.deletionTimestamp) return null;
  const node = pod.spec?.nodeName;
  const m = node ? world.machines.get(node) : undefined;
  if (!node || !world.store.get('Node', node) || !m || !isReporting(m)) return null;
  const ended = endedNoEarlierThan(pod);
  if (pod.status?.phase !== 'Failed') return { byMs: ended + NOTICE_MS, fromEndMs: ended + NOTICE_MS };
  const allowance = failedPodsWaiting(world, pod) * FAILED_BACKOFF_MAX_MS + NOTICE_MS;
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
  const last = owner ? lastFailedPodDeleteMs(world, owner, node) : undefined;
  const lastDeleteMs = last !== undefined && last > ended ? last : undefined;
  return {
    byMs: Math.max(ended, lastDeleteMs ?? ended) + allowance,
    fromEndMs: ended + allowance,
    lastDeleteMs,
  };
}

/**
 * How many Failed pods of this pod's owner wait on its node. The controller deletes one Failed pod a
 * node per back-off window (the rest are "limited by backoff", in the order its lister returns them,
 * not oldest first), yet creates a new pod whenever none runs there, so under a persistent failure
 * they queue up and any one of them may rightly wait as many windows as there are (chaos --seed 1001
 * run 140 in the false-alarm bench).
 */
function failedPodsWaiting(world: World, pod: KObject): number {
  const owner = pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
  if (!owner) return 1;
  const node = pod.spec?.nodeName;
  const waiting = controlledPods(world, owner).filter(
    (p) => p.spec?.nodeName === node && p.status?.phase === 'Failed' && !p.metadata.deletionTimestamp,
  );
  return Math.max(1, waiting.length);
}

/** A node's live daemon pods are more than one, and one of them cannot be placed. */
export function waitsForRoom(active: readonly KObject[]): boolean {
  return active.length > 1 && active.some(unschedulable);
}

/** Nodes whose rollout waits for room for a surge pod (see withoutStuckSurge). */
export function surgeWaitsForRoom(byNode: ReadonlyMap<string, KObject[]>): Set<string> {
  const out = new Set<string>();
  for (const [node, list] of byNode)
    if (waitsForRoom(list.filter((p) => !p.metadata.deletionTimestamp))) out.add(node);
  return out;
}

/** The first five problems joined, then how many more there are (`; and 2 more`, ` / … 외 2건`). */
export function summariseProblems(problems: readonly Explanation[], max = 5): Explanation {
  const rest = problems.length - max;
  const part = (lang: keyof Explanation) =>
    problems
      .slice(0, max)
      .map((p) => p[lang])
      .join(lang === 'ko' ? ' / ' : '; ');
  return {
    en: `${part('en')}${rest > 0 ? `; and ${rest} more` : ''}`,
    ko: `${part('ko')}${rest > 0 ? ` 외 ${rest}건` : ''}`,
  };
}
