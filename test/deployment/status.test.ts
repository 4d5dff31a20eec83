/**
 * Deployment status and conditions (sync.go calculateStatus / syncRolloutStatus, progress.go):
 * counts summed over the ReplicaSets, Available from minimum availability, Progressing through
 * ReplicaSetUpdated, NewReplicaSetAvailable and ProgressDeadlineExceeded, and the re-check that makes
 * a stalled rollout time out on time.
 */
import { describe, expect, it } from 'vitest';
import {
  computeStatus,
  type DeploymentCondition,
  recheckAfterMs,
} from '../../src/controllers/deployment/status.ts';
import { CORRECT } from '../../src/controllers/deployment/variants.ts';
import { formatTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';

const T0 = 100_000;

function deployment(status: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd', resourceVersion: '5', generation: 2 },
    spec: {
      replicas: 4,
      progressDeadlineSeconds: 60,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
      ...spec,
    },
    status,
  } as KObject;
}

function rs(
  name: string,
  replicas: number,
  status: { replicas: number; ready: number; available: number },
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: name, resourceVersion: '1', generation: 1 },
    spec: { replicas },
    status: {
      replicas: status.replicas,
      readyReplicas: status.ready,
      availableReplicas: status.available,
      terminatingReplicas: 0,
    },
  } as KObject;
}

const progressing = (reason: string, status = 'True', atMs = T0): DeploymentCondition => ({
  type: 'Progressing',
  status,
  reason,
  message: '',
  lastUpdateTime: formatTimestamp(atMs),
  lastTransitionTime: formatTimestamp(atMs),
});

function cond(s: { conditions?: DeploymentCondition[] }, type: string) {
  const c = s.conditions?.find((x) => x.type === type);
  return c && [c.status, c.reason];
}

describe('deployment status', () => {
  const oldRS = rs('web-old', 3, { replicas: 3, ready: 3, available: 3 });
  const newRS = rs('web-new', 2, { replicas: 2, ready: 1, available: 0 });

  it('sums the ReplicaSets: replicas, updated, ready, available, unavailable (asked for − available)', () => {
    const s = computeStatus({
      d: deployment(),
      sets: [oldRS, newRS],
      newRS,
      created: false,
      rollout: true,
      nowMs: T0,
      v: CORRECT,
    });
    expect(s).toMatchObject({
      observedGeneration: 2,
      replicas: 5,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 3,
      unavailableReplicas: 2,
    });
    // 3 available ≥ 4 − maxUnavailable 1.
    expect(cond(s, 'Available')).toEqual(['True', 'MinimumReplicasAvailable']);
  });

  it('says ReplicaSetUpdated while the rollout moves, and keeps the transition time', () => {
    const d = deployment({
      replicas: 4,
      updatedReplicas: 1,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: [progressing('NewReplicaSetCreated')],
    });
    const s = computeStatus({
      d,
      sets: [oldRS, newRS],
      newRS,
      created: false,
      rollout: true,
      nowMs: T0 + 5_000,
      v: CORRECT,
    });
    const p = s.conditions!.find((c) => c.type === 'Progressing')!;
    expect([p.status, p.reason, p.lastUpdateTime, p.lastTransitionTime]).toEqual([
      'True',
      'ReplicaSetUpdated',
      formatTimestamp(T0 + 5_000),
      formatTimestamp(T0),
    ]);
  });

  it('times out after progressDeadlineSeconds without progress, and is re-checked on time', () => {
    const stalled = { replicas: 5, updatedReplicas: 2, readyReplicas: 4, availableReplicas: 3 };
    const d = deployment({ ...stalled, conditions: [progressing('ReplicaSetUpdated')] });
    const input = { d, sets: [oldRS, newRS], newRS, created: false, rollout: true, v: CORRECT };
    const before = computeStatus({ ...input, nowMs: T0 + 59_000 });
    expect(cond(before, 'Progressing')).toEqual(['True', 'ReplicaSetUpdated']);
    expect(recheckAfterMs(d, before, T0 + 59_000)).toBe(2_000);
    const after = computeStatus({ ...input, nowMs: T0 + 61_000 });
    expect(cond(after, 'Progressing')).toEqual(['False', 'ProgressDeadlineExceeded']);
    expect(recheckAfterMs(d, after, T0 + 61_000)).toBeUndefined();
  });

  it('a resumed rollout that makes no progress times out too (Progressing Unknown is re-checked)', () => {
    const d = deployment({
      replicas: 5,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 3,
      conditions: [progressing('DeploymentResumed', 'Unknown')],
    });
    const s = computeStatus({
      d,
      sets: [oldRS, newRS],
      newRS,
      created: false,
      rollout: true,
      nowMs: T0 + 1_000,
      v: CORRECT,
    });
    expect(recheckAfterMs(d, s, T0 + 1_000)).toBe(60_000);
    const late = computeStatus({
      d,
      sets: [oldRS, newRS],
      newRS,
      created: false,
      rollout: true,
      nowMs: T0 + 61_000,
      v: CORRECT,
    });
    expect(cond(late, 'Progressing')).toEqual(['False', 'ProgressDeadlineExceeded']);
  });

  it('says NewReplicaSetAvailable once every replica is updated and available, and stops re-checking', () => {
    const done = rs('web-new', 4, { replicas: 4, ready: 4, available: 4 });
    const old0 = rs('web-old', 0, { replicas: 0, ready: 0, available: 0 });
    const d = deployment({ conditions: [progressing('ReplicaSetUpdated')] });
    const s = computeStatus({
      d,
      sets: [old0, done],
      newRS: done,
      created: false,
      rollout: true,
      nowMs: T0,
      v: CORRECT,
    });
    expect(cond(s, 'Progressing')).toEqual(['True', 'NewReplicaSetAvailable']);
    expect(recheckAfterMs(d, s, T0)).toBeUndefined();
  });

  it('a paused Deployment says DeploymentPaused and is not re-checked', () => {
    const d = deployment({ conditions: [progressing('ReplicaSetUpdated')] }, { paused: true });
    const s = computeStatus({
      d,
      sets: [oldRS, newRS],
      newRS,
      created: false,
      rollout: false,
      nowMs: T0,
      v: CORRECT,
    });
    expect(cond(s, 'Progressing')).toEqual(['Unknown', 'DeploymentPaused']);
    expect(recheckAfterMs(d, s, T0)).toBeUndefined();
  });

  it('Available is False below replicas − maxUnavailable', () => {
    const few = rs('web-old', 4, { replicas: 4, ready: 2, available: 2 });
    const s = computeStatus({
      d: deployment(),
      sets: [few],
      newRS: few,
      created: false,
      rollout: true,
      nowMs: T0,
      v: CORRECT,
    });
    expect(cond(s, 'Available')).toEqual(['False', 'MinimumReplicasUnavailable']);
  });
});
