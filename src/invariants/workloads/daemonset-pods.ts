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
 * ones once the node's back-off (at most 15 min from the pod's end) is over. On a node that does
 * not report, or is gone, the node lifecycle and pod GC decide instead.
 */
export function lingering(world: World, pod: KObject): boolean {
  if (!finished(pod) || pod.metadata.deletionTimestamp) return false;
  const node = pod.spec?.nodeName;
  const m = node ? world.machines.get(node) : undefined;
  if (!node || !world.store.get('Node', node) || !m || !isReporting(m)) return false;
  const since = endedNoEarlierThan(pod);
  const limit =
    pod.status?.phase === 'Failed'
      ? failedPodsWaiting(world, pod) * FAILED_BACKOFF_MAX_MS + NOTICE_MS
      : NOTICE_MS;
  return world.now - since > limit;
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
