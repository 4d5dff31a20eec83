/**
 * StatefulSet status (stateful_set_control.go `updateStatus`, `completeRollingUpdate`,
 * `inconsistentStatus`): counts over every pod of the set, terminating ones included, with the
 * revision counts over non-terminating pods only.
 */
import type { KObject } from '../../model/types.ts';
import { isRunningAndAvailable, isRunningAndReady, isTerminating, revisionOf } from './identity.ts';

export interface StatefulSetStatus {
  observedGeneration: number;
  replicas: number;
  readyReplicas: number;
  availableReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  currentRevision: string;
  updateRevision: string;
  collisionCount: number;
}

export function computeStatus(
  set: KObject,
  pods: readonly KObject[],
  revisions: { current: string; update: string; collisionCount: number },
  nowMs: number,
  completeRollingUpdate = true,
): StatefulSetStatus {
  const minReady = set.spec?.minReadySeconds ?? 0;
  const s: StatefulSetStatus = {
    observedGeneration: set.metadata.generation,
    replicas: pods.length,
    readyReplicas: 0,
    availableReplicas: 0,
    currentReplicas: 0,
    updatedReplicas: 0,
    currentRevision: revisions.current,
    updateRevision: revisions.update,
    collisionCount: revisions.collisionCount,
  };
  for (const p of pods) {
    if (isRunningAndReady(p)) s.readyReplicas++;
    if (isRunningAndAvailable(p, minReady, nowMs)) s.availableReplicas++;
    if (isTerminating(p)) continue;
    if (revisionOf(p) === revisions.current) s.currentReplicas++;
    if (revisionOf(p) === revisions.update) s.updatedReplicas++;
  }
  // completeRollingUpdate: once every pod is updated and ready, the update revision becomes current.
  if (
    completeRollingUpdate &&
    set.spec?.updateStrategy?.type !== 'OnDelete' &&
    s.updatedReplicas === s.replicas &&
    s.readyReplicas === s.replicas
  ) {
    s.currentReplicas = s.updatedReplicas;
    s.currentRevision = s.updateRevision;
  }
  return s;
}

/** Whether the stored status differs from the computed one (the write is skipped otherwise). */
export function statusChanged(set: KObject, next: StatefulSetStatus): boolean {
  const cur = set.status ?? {};
  for (const k in next) {
    const key = k as keyof StatefulSetStatus;
    if ((cur[key] ?? defaultOf(key)) !== next[key]) return true;
  }
  return false;
}

function defaultOf(k: keyof StatefulSetStatus): number | string {
  return k === 'currentRevision' || k === 'updateRevision' ? '' : k === 'observedGeneration' ? -1 : 0;
}
