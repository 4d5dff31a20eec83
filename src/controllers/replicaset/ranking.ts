/**
 * The order in which a ReplicaSet deletes surplus pods (ActivePodsWithRanks, with
 * LogarithmicScaleDown): unscheduled before scheduled, Pending < Unknown < Running, not-ready before
 * ready, lower pod-deletion-cost first, more related pods on the same node first, more recently
 * ready first (log2 buckets), more restarts first, newer first (log2 buckets); ties by uid.
 */
import { isPodReady, podReadyTransitionMs, podRestartCount } from '../../model/pod.ts';
import { parseTimestamp } from '../../model/time.ts';
import type { KObject, Pod } from '../../model/types.ts';
import type { RankingMode } from './variants.ts';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

interface Ranked {
  pod: KObject;
  rank: number;
}

/**
 * Active pods of `related` on each node (getPodsRankedByRelatedPodsOnSameNode: more co-located
 * pods are deleted first). Active: not Succeeded or Failed, not being deleted. Unscheduled pods
 * count under the empty node name, as in Kubernetes (they rank among themselves only).
 */
function colocation(related: readonly KObject[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of related) {
    const phase = p.status?.phase;
    if (p.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed') continue;
    const node = (p.spec?.nodeName as string | undefined) ?? '';
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

function log2Bucket(sinceMs: number | undefined, nowMs: number): number {
  if (sinceMs === undefined) return Number.NEGATIVE_INFINITY;
  // Kubernetes compares int(log2(age in ns)).
  return Math.floor(Math.log2(Math.max(1, (nowMs - sinceMs) * 1e6)));
}

function cost(p: KObject): number {
  const raw = p.metadata.annotations?.[DELETION_COST];
  const n = raw === undefined ? 0 : Number(raw);
  return Number.isInteger(n) ? n : 0;
}

/** Negative when `a` should be deleted before `b` (a mutant `mode` breaks one rung). */
function compare(a: Ranked, b: Ranked, nowMs: number, mode: RankingMode): number {
  const sa = a.pod.spec?.nodeName ? 1 : 0;
  const sb = b.pod.spec?.nodeName ? 1 : 0;
  if (sa !== sb) return sa - sb;
  const pa = PHASE_RANK[a.pod.status?.phase ?? 'Pending'] ?? 0;
  const pb = PHASE_RANK[b.pod.status?.phase ?? 'Pending'] ?? 0;
  if (pa !== pb) return pa - pb;
  const ra = isPodReady(a.pod as Pod) ? 1 : 0;
  const rb = isPodReady(b.pod as Pod) ? 1 : 0;
  if (ra !== rb) return ra - rb;
  if (mode !== 'ignores-deletion-cost' && cost(a.pod) !== cost(b.pod)) return cost(a.pod) - cost(b.pod);
  if (mode !== 'ignores-colocation' && a.rank !== b.rank) return b.rank - a.rank;
  // The mutant older-first flips the sign of both time rungs (the After/Before slip).
  const sign = mode === 'older-first' ? -1 : 1;
  if (ra === 1 && rb === 1) {
    const ta = podReadyTransitionMs(a.pod as Pod);
    const tb = podReadyTransitionMs(b.pod as Pod);
    if (ta !== tb) {
      const diff = log2Bucket(ta, nowMs) - log2Bucket(tb, nowMs);
      if (diff !== 0) return sign * diff;
      return byUid(a, b);
    }
  }
  const ca = podRestartCount(a.pod as Pod);
  const cb = podRestartCount(b.pod as Pod);
  if (mode !== 'ignores-restarts' && ca !== cb) return cb - ca;
  const ta = parseTimestamp(a.pod.metadata.creationTimestamp);
  const tb = parseTimestamp(b.pod.metadata.creationTimestamp);
  if (ta !== tb) {
    const diff = log2Bucket(ta, nowMs) - log2Bucket(tb, nowMs);
    if (diff !== 0) return sign * diff;
  }
  return byUid(a, b);
}

function byUid(a: Ranked, b: Ranked): number {
  return a.pod.metadata.uid < b.pod.metadata.uid ? -1 : a.pod.metadata.uid > b.pod.metadata.uid ? 1 : 0;
}

/** The `n` pods to delete, in deletion order (getPodsToDelete). */
export function podsToDelete(
  pods: readonly KObject[],
  related: readonly KObject[],
  n: number,
  nowMs: number,
  mode: RankingMode = 'kubernetes',
): KObject[] {
  // Deleting all of them needs no ranking; Kubernetes skips the sort too.
  if (n >= pods.length) return [...pods];
  const counts = colocation(related);
  const ranked = pods.map((pod) => ({
    pod,
    rank: counts.get((pod.spec?.nodeName as string | undefined) ?? '') ?? 0,
  }));
  ranked.sort((a, b) => compare(a, b, nowMs, mode));
  return ranked.slice(0, n).map((r) => r.pod);
}
