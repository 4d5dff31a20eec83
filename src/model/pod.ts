/**
 * Pod status and ownership helpers (`pkg/api/v1/pod/util.go`, `controller_utils.go`,
 * `metav1.GetControllerOf`).
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1.js';
import { formatTimestamp, parseTimestamp } from './time.ts';

/** Succeeded or Failed: the pod will never run again. */
export function isPodTerminal(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Has a deletionTimestamp: graceful deletion is under way (the object may linger, e.g. on a lost node). */
export function isPodTerminating(pod: Pod): boolean {
  return Boolean(pod.metadata?.deletionTimestamp);
}

/** Kubernetes `IsPodActive`: not terminal and not being deleted. RS/Deployment count only these. */
export function isPodActive(pod: Pod): boolean {
  return !isPodTerminal(pod) && !isPodTerminating(pod);
}

/** Bound to a node (`spec.nodeName` set). */
export function isPodScheduled(pod: Pod): boolean {
  return Boolean(pod.spec?.nodeName);
}

function readyCondition(pod: Pod): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

/** Kubernetes `IsPodReady`: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** The Ready condition's lastTransitionTime in sim ms, or undefined when absent. */
export function podReadyTransitionMs(pod: Pod): number | undefined {
  const t = readyCondition(pod)?.lastTransitionTime;
  return t ? parseTimestamp(t) : undefined;
}

/**
 * Kubernetes `IsPodAvailable`: ready, and either minReadySeconds is 0 or the pod has been ready for
 * strictly longer than minReadySeconds (`readyTime + minReadySeconds` is Before(now), as in Go).
 * Timestamps have second precision, so a controller should recheck one second later.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const readyMs = podReadyTransitionMs(pod);
  return readyMs !== undefined && !Number.isNaN(readyMs) && readyMs + minReadySeconds * 1000 < nowMs;
}

/**
 * `FindMinNextPodAvailabilityCheck`: ms from now until the first pod that is Ready but not yet
 * available becomes available (the first instant after ready-transition + minReadySeconds, as
 * availability is strict), or undefined when no pod is waiting for that.
 */
export function nextAvailabilityCheckMs(
  pods: readonly object[],
  minReadySeconds: number,
  nowMs: number,
): number | undefined {
  let min: number | undefined;
  for (const p of pods) {
    if (!isPodReady(p as Pod)) continue;
    const readyMs = podReadyTransitionMs(p as Pod);
    if (readyMs === undefined || Number.isNaN(readyMs)) continue;
    const wait = readyMs + minReadySeconds * 1000 + 1 - nowMs;
    if (wait > 0 && (min === undefined || wait < min)) min = wait;
  }
  return min;
}

/** Highest restartCount among the pod's containers (the pod-deletion ranking compares this). */
export function podRestartCount(pod: Pod): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/** The ownerReference with `controller: true` (`metav1.GetControllerOf`), if any. */
export function getControllerOf(obj: { metadata?: ObjectMeta }): OwnerReference | undefined {
  return obj.metadata?.ownerReferences?.find((r) => r.controller === true);
}

/** How many ownerReferences claim to be the controller; the API server allows at most one. */
export function controllerRefCount(obj: { metadata?: ObjectMeta }): number {
  return (obj.metadata?.ownerReferences ?? []).filter((r) => r.controller === true).length;
}

/** A controller reference to `owner` (`metav1.NewControllerRef`): controller and blockOwnerDeletion true. */
export function newControllerRef(owner: {
  apiVersion: string;
  kind: string;
  metadata: { name?: string; uid?: string };
}): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * Sets a condition and returns a new conditions array (the pod is not modified). lastTransitionTime
 * changes only when the status flips (or the condition is new), as the kubelet does; that keeps
 * readiness age — and thus availability — stable across repeated probes. A given reason replaces
 * the old one; on a flip without a reason the stale reason and message are dropped.
 */
export function setPodCondition(
  pod: Pod,
  type: string,
  status: 'True' | 'False' | 'Unknown',
  nowMs: number,
  reason?: string,
): PodCondition[] {
  const conditions = pod.status?.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === type);
  const old = i >= 0 ? conditions[i] : undefined;
  if (old === undefined) {
    const created: PodCondition = { type, status, lastTransitionTime: formatTimestamp(nowMs) };
    if (reason !== undefined) created.reason = reason;
    return [...conditions, created];
  }
  const flipped = old.status !== status;
  const next: PodCondition = { ...old, status };
  if (flipped) next.lastTransitionTime = formatTimestamp(nowMs);
  if (reason !== undefined) next.reason = reason;
  else if (flipped) {
    delete next.reason;
    delete next.message;
  }
  return conditions.map((c, j) => (j === i ? next : c));
}
