/**
 * Builds pod status the way a kubelet reports it, from what a machine's container is doing.
 *
 * Memory: at 150,000 pods the statuses dominate the heap, and most of their parts are equal across
 * pods (the same condition in the same second, the same container state). Those parts are built once,
 * frozen and shared (sharedStatusParts.ts); stored objects are never mutated, so sharing is safe and
 * every status serialises exactly as before.
 */
import { extend } from '../model/objects.ts';
import { formatTimestamp } from '../model/time.ts';
import type { KObject } from '../model/types.ts';
import type { Container } from './machine.ts';
import {
  type Condition,
  type ContainerState,
  containerStatusesFor,
  runningState,
  shareCondition,
  sharedCondition,
  sharedConditions,
} from './sharedStatusParts.ts';

/** Replaces one condition, moving lastTransitionTime only when the status flips. */
export function withCondition(
  conds: Condition[],
  type: string,
  status: string,
  nowMs: number,
  reason?: string,
): Condition[] {
  const cur = conds.find((c) => c.type === type);
  if (cur && cur.status === status) return conds;
  const lastTransitionTime = formatTimestamp(nowMs);
  const next: Condition = reason
    ? { type, status, lastTransitionTime, reason }
    : sharedCondition(type, status, lastTransitionTime);
  // The list is kept sorted by type: replace in place, or insert before the first greater type.
  if (cur) return conds.map((c) => (c === cur ? next : c));
  const at = conds.findIndex((c) => c.type.localeCompare(type) > 0);
  return at < 0 ? [...conds, next] : [...conds.slice(0, at), next, ...conds.slice(at)];
}

const WAITING_CREATING: ContainerState = Object.freeze({
  waiting: Object.freeze({ reason: 'ContainerCreating' }),
});
const WAITING_BACKOFF: ContainerState = Object.freeze({
  waiting: Object.freeze({ reason: 'CrashLoopBackOff' }),
});
const TERMINATED_COMPLETED: ContainerState = Object.freeze({
  terminated: Object.freeze({ reason: 'Completed', exitCode: 0 }),
});
const TERMINATED_ERROR: ContainerState = Object.freeze({
  terminated: Object.freeze({ reason: 'Error', exitCode: 1 }),
});

function containerState(c: Container): ContainerState {
  if (c.running) return runningState(formatTimestamp(c.startedAtMs));
  if (c.phase === 'Pending') return WAITING_CREATING;
  if (c.phase === 'Running') return WAITING_BACKOFF;
  return c.phase === 'Succeeded' ? TERMINATED_COMPLETED : TERMINATED_ERROR;
}

/** The key order of a status this kubelet wrote, with and without a pod IP (see kubeletPodStatus). */
const KEYS_WITH_IP = ['phase', 'conditions', 'podIP', 'podIPs', 'startTime', 'containerStatuses'];
const KEYS_WITHOUT_IP = ['phase', 'conditions', 'startTime', 'containerStatuses'];

/** Whether the object's own keys, in order, are the first keys of `keys`. */
function keysArePrefixOf(o: object | undefined, keys: readonly string[]): boolean {
  let i = 0;
  for (const k in o) if (k !== keys[i++]) return false;
  return true;
}

/** The pod's status as the kubelet would post it now. */
export function kubeletPodStatus(pod: KObject, c: Container, nowMs: number): KObject['status'] {
  const ready = c.running && c.ready && nowMs >= c.unreadyUntilMs;
  const conditions = reportedConditions(pod.status?.conditions ?? [], ready, nowMs);
  const containerStatuses = containerStatusesFor(pod.spec?.containers, ready, c, containerState(c));
  const status = pod.status;
  const phase = c.phase;
  const startTime = status?.startTime ?? formatTimestamp(nowMs);
  // A status this kubelet built (or the admitted {phase, conditions}) comes out in the same key
  // order as `extend(status, fields)` gives, so an object literal is the same value; a literal
  // keeps every field in the object (no out-of-object property array: 40 bytes a pod less).
  const podIP = c.podIP;
  if (podIP) {
    if (keysArePrefixOf(status, KEYS_WITH_IP))
      return { phase, conditions, podIP, podIPs: podIPsOf(c, podIP), startTime, containerStatuses };
    const fields = { podIP, podIPs: podIPsOf(c, podIP), phase, conditions, startTime, containerStatuses };
    return extend(status, fields);
  }
  if (keysArePrefixOf(status, KEYS_WITHOUT_IP)) return { phase, conditions, startTime, containerStatuses };
  // extend, not `{ ...status, phase, … }`: that spread leaves V8's fast clone path (see
  // model/objects.ts). Same keys in the same order.
  return extend(status, { phase, conditions, startTime, containerStatuses });
}

/** The conditions after a report, by shared input list: the last (second, readiness) and its result. */
const afterReport = new WeakMap<
  readonly Condition[],
  { time: string; ready: boolean; result: Condition[] }
>();

/**
 * The pod's conditions once the kubelet reports readiness `ready` now: Initialized True,
 * ContainersReady and Ready as `ready`. The result depends only on the list's values, `ready` and
 * the second of `nowMs`, so it is remembered per shared input list: pods admitted, started or made
 * ready in the same second (thousands at 150,000 pods) skip the three list edits.
 */
function reportedConditions(conds: Condition[], ready: boolean, nowMs: number): Condition[] {
  const input = Object.isFrozen(conds) ? conds : sharedConditions(conds.map(shareCondition));
  const time = formatTimestamp(nowMs);
  const memo = afterReport.get(input);
  if (memo && memo.time === time && memo.ready === ready) return memo.result;
  let out = withCondition(input, 'Initialized', 'True', nowMs);
  out = withCondition(out, 'ContainersReady', ready ? 'True' : 'False', nowMs);
  out = withCondition(out, 'Ready', ready ? 'True' : 'False', nowMs);
  const result = out === input ? input : sharedConditions(out.map(shareCondition));
  afterReport.set(input, { time, ready, result });
  return result;
}

/** `status.podIPs` for the sandbox's IP, built once per sandbox and reused by every report. */
function podIPsOf(c: Container, podIP: string): ReadonlyArray<{ ip: string }> {
  if (c.podIPs?.[0]?.ip !== podIP) c.podIPs = Object.freeze([Object.freeze({ ip: podIP })]);
  return c.podIPs;
}
