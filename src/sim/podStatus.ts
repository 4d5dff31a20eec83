/** Builds pod status the way a kubelet reports it, from what a machine's container is doing. */
import { extend } from '../model/objects.ts';
import { formatTimestamp } from '../model/time.ts';
import type { KObject } from '../model/types.ts';
import type { Container } from './machine.ts';

interface Condition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
}

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
  const next: Condition = { type, status, lastTransitionTime: formatTimestamp(nowMs) };
  if (reason) next.reason = reason;
  // The list is kept sorted by type: replace in place, or insert before the first greater type.
  if (cur) return conds.map((c) => (c === cur ? next : c));
  const at = conds.findIndex((c) => c.type.localeCompare(type) > 0);
  return at < 0 ? [...conds, next] : [...conds.slice(0, at), next, ...conds.slice(at)];
}

/** The pod's status as the kubelet would post it now. */
export function kubeletPodStatus(pod: KObject, c: Container, nowMs: number): KObject['status'] {
  const ready = c.running && c.ready && nowMs >= c.unreadyUntilMs;
  let conds: Condition[] = pod.status?.conditions ?? [];
  conds = withCondition(conds, 'Initialized', 'True', nowMs);
  conds = withCondition(conds, 'ContainersReady', ready ? 'True' : 'False', nowMs);
  conds = withCondition(conds, 'Ready', ready ? 'True' : 'False', nowMs);
  const containers = (pod.spec?.containers ?? [{ name: 'app', image: 'app' }]) as Array<{
    name: string;
    image?: string;
  }>;
  const state = c.running
    ? { running: { startedAt: formatTimestamp(c.startedAtMs) } }
    : c.phase === 'Pending'
      ? { waiting: { reason: 'ContainerCreating' } }
      : c.phase === 'Running'
        ? { waiting: { reason: 'CrashLoopBackOff' } }
        : {
            terminated: {
              reason: c.phase === 'Succeeded' ? 'Completed' : 'Error',
              exitCode: c.phase === 'Succeeded' ? 0 : 1,
            },
          };
  const startTime = pod.status?.startTime ?? formatTimestamp(nowMs);
  const containerStatuses = containers.map((ct) => ({
    name: ct.name,
    image: ct.image,
    ready,
    restartCount: c.restartCount,
    started: c.running,
    state,
  }));
  // extend, not `{ ...status, ...ip, phase, … }`: that spread leaves V8's fast clone path (see
  // model/objects.ts) and this runs on every kubelet report, 300,000 times at 150,000 pods.
  // Same keys in the same order.
  const fields = c.podIP
    ? {
        podIP: c.podIP,
        podIPs: [{ ip: c.podIP }],
        phase: c.phase,
        conditions: conds,
        startTime,
        containerStatuses,
      }
    : { phase: c.phase, conditions: conds, startTime, containerStatuses };
  return extend(pod.status, fields);
}
