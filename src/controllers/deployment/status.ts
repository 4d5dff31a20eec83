/**
 * Deployment status (sync.go calculateStatus, syncRolloutStatus; progress.go): counts summed over
 * the ReplicaSets, the Available condition from minimum availability, and the Progressing
 * condition that tells a rollout moving, complete, paused or past its progressDeadlineSeconds.
 * Terminating pods: the modelled version (v1.36) leaves them out of every count but
 * terminatingReplicas (the ReplicaSets report them so; a Recreate rollout waits for them to go).
 */
import { formatTimestamp, parseTimestamp } from '../../model/time.ts';
import type { KObject } from '../../model/types.ts';
import { deploymentComplete } from './plan.ts';
import { maxUnavailableOf, replicasOf } from './util.ts';
import type { DeploymentVariant } from './variants.ts';

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface DeploymentStatus {
  observedGeneration: number;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  availableReplicas: number;
  unavailableReplicas: number;
  terminatingReplicas: number;
  collisionCount?: number;
  conditions?: DeploymentCondition[];
}

export const NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const TIMED_OUT = 'ProgressDeadlineExceeded';

export interface StatusInput {
  d: KObject;
  sets: readonly KObject[];
  newRS: KObject | undefined;
  created: boolean;
  /** Whether the sync is a rollout (syncRolloutStatus) or a scale/pause (syncDeploymentStatus). */
  rollout: boolean;
  nowMs: number;
  v: DeploymentVariant;
  collisionCount?: number;
}

function hasProgressDeadline(d: KObject): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return typeof s === 'number' && s < 2_147_483_647;
}

/** SetDeploymentCondition: a new condition replaces the old; the transition time moves only on a status change. */
export function setCondition(list: DeploymentCondition[], c: DeploymentCondition): DeploymentCondition[] {
  const old = list.find((x) => x.type === c.type);
  if (old && old.status === c.status && old.reason === c.reason) return list;
  const next = old && old.status === c.status ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
  return [...list.filter((x) => x.type !== c.type), next];
}

function condition(
  type: string,
  status: string,
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition {
  const t = formatTimestamp(nowMs);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

/**
 * setCondition(list, condition(...)) without building the condition (and formatting the time)
 * when the list already holds one of that type, status and reason: the usual case, every sync.
 */
function setNewCondition(
  list: DeploymentCondition[],
  type: string,
  status: string,
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition[] {
  const old = list.find((x) => x.type === type);
  if (old && old.status === status && old.reason === reason) return list;
  return setCondition(list, condition(type, status, reason, message, nowMs));
}

/** calculateStatus: counts and the Available condition. */
function calculate(inp: StatusInput, base: DeploymentCondition[]): DeploymentStatus {
  const { d, sets, newRS, nowMs, v } = inp;
  // One pass over the sets (every sync computes this).
  let replicas = 0;
  let ready = 0;
  let available = 0;
  let terminating = 0;
  let total = 0;
  for (const s of sets) {
    const st = s.status;
    replicas += st?.replicas ?? 0;
    ready += st?.readyReplicas ?? 0;
    available += st?.availableReplicas ?? 0;
    terminating += st?.terminatingReplicas ?? 0;
    total += replicasOf(s);
  }
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas,
    updatedReplicas: newRS?.status?.replicas ?? 0,
    readyReplicas: ready,
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    terminatingReplicas: terminating,
  };
  const collisions = inp.collisionCount ?? d.status?.collisionCount;
  if (collisions !== undefined) status.collisionCount = collisions;
  const conditions =
    available >= replicasOf(d) - maxUnavailableOf(d, v)
      ? setNewCondition(
          base,
          'Available',
          'True',
          'MinimumReplicasAvailable',
          'Deployment has minimum availability.',
          nowMs,
        )
      : setNewCondition(
          base,
          'Available',
          'False',
          'MinimumReplicasUnavailable',
          'Deployment does not have minimum availability.',
          nowMs,
        );
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}

/** The conditions the sync starts from: the paused/resumed and new-ReplicaSet notes of this sync. */
function baseConditions(inp: StatusInput): DeploymentCondition[] {
  const { d, newRS, nowMs } = inp;
  // The stored list itself: setCondition never changes a list, it returns a new one.
  let list: DeploymentCondition[] = d.status?.conditions ?? [];
  const progressing = list.find((c) => c.type === 'Progressing');
  if (!hasProgressDeadline(d)) return list;
  // checkPausedConditions
  if (d.spec?.paused && progressing?.reason !== 'DeploymentPaused')
    return setNewCondition(list, 'Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', nowMs);
  if (!d.spec?.paused && progressing?.reason === 'DeploymentPaused')
    list = setNewCondition(
      list,
      'Progressing',
      'Unknown',
      'DeploymentResumed',
      'Deployment is resumed',
      nowMs,
    );
  if (newRS && inp.created) {
    const msg = `Created new replica set "${newRS.metadata.name}"`;
    list = setNewCondition(list, 'Progressing', 'True', 'NewReplicaSetCreated', msg, nowMs);
  } else if (newRS && !list.some((c) => c.type === 'Progressing')) {
    const msg = `Found new replica set "${newRS.metadata.name}"`;
    list = setNewCondition(list, 'Progressing', 'True', 'FoundNewReplicaSet', msg, nowMs);
  }
  return list;
}

/** The status a sync writes: syncDeploymentStatus for scales, syncRolloutStatus for rollouts. */
export function computeStatus(inp: StatusInput): DeploymentStatus {
  const { d, newRS, nowMs } = inp;
  const base = baseConditions(inp);
  const status = calculate(inp, base);
  if (!inp.rollout || d.spec?.paused) return status;
  if (!hasProgressDeadline(d)) {
    const rest = (status.conditions ?? []).filter((c) => c.type !== 'Progressing');
    return withConditions(status, rest);
  }
  const cur = status.conditions?.find((c) => c.type === 'Progressing');
  const complete = status.replicas === status.updatedReplicas && cur?.reason === NEW_RS_AVAILABLE;
  if (complete || !newRS) return status;
  const name = newRS.metadata.name;
  const list = status.conditions ?? [];
  if (deploymentComplete(d, status as unknown as Record<string, number>))
    return withConditions(
      status,
      setNewCondition(
        list,
        'Progressing',
        'True',
        NEW_RS_AVAILABLE,
        `ReplicaSet "${name}" has successfully progressed.`,
        nowMs,
      ),
    );
  if (progressed(d, status)) {
    // A rollout that moves refreshes lastUpdateTime (the deadline counts from the last progress).
    const c = condition(
      'Progressing',
      'True',
      'ReplicaSetUpdated',
      `ReplicaSet "${name}" is progressing.`,
      nowMs,
    );
    const old = list.find((x) => x.type === 'Progressing');
    const kept = old && old.status === 'True' ? { ...c, lastTransitionTime: old.lastTransitionTime } : c;
    return withConditions(status, [...list.filter((x) => x.type !== 'Progressing'), kept]);
  }
  if (timedOut(d, cur, nowMs))
    return withConditions(
      status,
      setNewCondition(
        list,
        'Progressing',
        'False',
        TIMED_OUT,
        `ReplicaSet "${name}" has timed out progressing.`,
        nowMs,
      ),
    );
  return status;
}

/**
 * The status with its conditions replaced (`status` is the one calculate() just built, still ours):
 * conditions stay the last key, as a copy without them plus the new list would have it.
 */
function withConditions(status: DeploymentStatus, list: DeploymentCondition[]): DeploymentStatus {
  if (list.length > 0) status.conditions = list;
  else delete status.conditions;
  return status;
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available replicas than last written. */
export function progressed(d: KObject, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = next.replicas - next.updatedReplicas;
  return (
    next.updatedReplicas > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    next.readyReplicas > (old.readyReplicas ?? 0) ||
    next.availableReplicas > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: no progress since lastUpdateTime for progressDeadlineSeconds. */
export function timedOut(d: KObject, cur: DeploymentCondition | undefined, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  if (!cur || cur.reason === NEW_RS_AVAILABLE) return false;
  if (cur.reason === TIMED_OUT) return true;
  return parseTimestamp(cur.lastUpdateTime) + (d.spec?.progressDeadlineSeconds ?? 600) * 1000 < nowMs;
}

/** requeueStuckDeployment: when to look again so a stalled rollout times out on time (undefined: no need). */
export function recheckAfterMs(d: KObject, status: DeploymentStatus, nowMs: number): number | undefined {
  if (!hasProgressDeadline(d) || d.spec?.paused) return undefined;
  // As Kubernetes: any Progressing condition but a timed-out one (a resumed rollout may time out too).
  const cur = status.conditions?.find((c) => c.type === 'Progressing');
  if (!cur || cur.reason === TIMED_OUT) return undefined;
  if (deploymentComplete(d, status as unknown as Record<string, number>)) return undefined;
  const due = parseTimestamp(cur.lastUpdateTime) + (d.spec?.progressDeadlineSeconds ?? 600) * 1000;
  return Math.max(0, due - nowMs) + 1000;
}

/** Whether the status differs from the one stored (an equal status is not written). */
export function statusChanged(d: KObject, next: DeploymentStatus): boolean {
  const cur = (d.status ?? {}) as Partial<DeploymentStatus>;
  for (const k of COUNTS) if (cur[k] !== next[k]) return true;
  if (cur.collisionCount !== next.collisionCount) return true;
  const a = cur.conditions ?? [];
  const b = next.conditions ?? [];
  if (a.length !== b.length) return true;
  return a.some((c, i) => !sameCondition(c, b[i]!));
}

const COUNTS = [
  'observedGeneration',
  'replicas',
  'updatedReplicas',
  'readyReplicas',
  'availableReplicas',
  'unavailableReplicas',
  'terminatingReplicas',
] as const;

function sameCondition(a: DeploymentCondition, b: DeploymentCondition): boolean {
  return (
    a.type === b.type &&
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.lastUpdateTime === b.lastUpdateTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}
