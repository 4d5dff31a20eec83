import type { Pod } from 'kubernetes-types/core/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import { describe, expect, it } from 'vitest';
import {
  controllerRefCount,
  getControllerOf,
  isPodActive,
  isPodAvailable,
  isPodReady,
  isPodScheduled,
  isPodTerminal,
  isPodTerminating,
  newControllerRef,
  podReadyTransitionMs,
  podRestartCount,
  setPodCondition,
} from './pod.ts';
import { formatTimestamp } from './time.ts';

const T0 = '2026-01-01T00:00:00Z';
const pod = (
  phase?: string,
  extra: { deleting?: boolean; ready?: 'True' | 'False'; readyAt?: string } = {},
): Pod => ({
  metadata: { name: 'p', ...(extra.deleting ? { deletionTimestamp: T0 } : {}) },
  spec: { containers: [{ name: 'c' }] },
  status: {
    ...(phase ? { phase } : {}),
    ...(extra.ready
      ? { conditions: [{ type: 'Ready', status: extra.ready, lastTransitionTime: extra.readyAt ?? T0 }] }
      : {}),
  },
});

describe('pod: lifecycle predicates', () => {
  it.each<[string, Pod, { active: boolean; terminal: boolean; terminating: boolean }]>([
    ['no phase', pod(), { active: true, terminal: false, terminating: false }],
    ['Pending', pod('Pending'), { active: true, terminal: false, terminating: false }],
    ['Running', pod('Running'), { active: true, terminal: false, terminating: false }],
    ['Unknown', pod('Unknown'), { active: true, terminal: false, terminating: false }],
    ['Succeeded', pod('Succeeded'), { active: false, terminal: true, terminating: false }],
    ['Failed', pod('Failed'), { active: false, terminal: true, terminating: false }],
    [
      'Running + deleting',
      pod('Running', { deleting: true }),
      { active: false, terminal: false, terminating: true },
    ],
    [
      'Failed + deleting',
      pod('Failed', { deleting: true }),
      { active: false, terminal: true, terminating: true },
    ],
  ])('%s', (_n, p, want) => {
    expect({ active: isPodActive(p), terminal: isPodTerminal(p), terminating: isPodTerminating(p) }).toEqual(
      want,
    );
  });

  it('isPodScheduled reads spec.nodeName', () => {
    expect(isPodScheduled(pod())).toBe(false);
    expect(isPodScheduled({ ...pod(), spec: { containers: [], nodeName: 'n1' } })).toBe(true);
    expect(isPodScheduled({ metadata: {} })).toBe(false);
  });
});

describe('pod: readiness and availability', () => {
  it.each<[string, Pod, boolean, number | undefined]>([
    ['no conditions', pod('Running'), false, undefined],
    ['Ready False', pod('Running', { ready: 'False', readyAt: '2026-01-01T00:00:05Z' }), false, 5000],
    ['Ready True', pod('Running', { ready: 'True', readyAt: '2026-01-01T00:01:00Z' }), true, 60_000],
  ])('%s', (_n, p, ready, at) => {
    expect(isPodReady(p)).toBe(ready);
    expect(podReadyTransitionMs(p)).toBe(at);
  });

  const readyAt10s = pod('Running', { ready: 'True', readyAt: '2026-01-01T00:00:10Z' });
  it.each<[string, Pod, number, number, boolean]>([
    ['not ready never available', pod('Running', { ready: 'False' }), 0, 1e9, false],
    ['minReadySeconds 0', readyAt10s, 0, 10_000, true],
    ['before minReadySeconds', readyAt10s, 5, 14_999, false],
    ['exactly minReadySeconds: not yet (Before is strict)', readyAt10s, 5, 15_000, false],
    ['after minReadySeconds', readyAt10s, 5, 15_001, true],
    [
      'no transition time with minReadySeconds',
      { ...readyAt10s, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
      5,
      1e9,
      false,
    ],
  ])('%s', (_n, p, mrs, now, expected) => {
    expect(isPodAvailable(p, mrs, now)).toBe(expected);
  });
});

describe('pod: podRestartCount', () => {
  it.each<[string, Pod, number]>([
    ['no statuses', pod(), 0],
    [
      'max over containers',
      {
        metadata: {},
        status: {
          containerStatuses: [
            { name: 'a', restartCount: 2, image: '', imageID: '', ready: true },
            { name: 'b', restartCount: 5, image: '', imageID: '', ready: true },
          ],
        },
      },
      5,
    ],
  ])('%s', (_n, p, n) => {
    expect(podRestartCount(p)).toBe(n);
  });
});

describe('pod: owner references', () => {
  const ref = (name: string, controller?: boolean): OwnerReference => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    name,
    uid: `uid-${name}`,
    ...(controller === undefined ? {} : { controller }),
  });
  it.each<[string, OwnerReference[] | undefined, string | undefined, number]>([
    ['none', undefined, undefined, 0],
    ['non-controller only', [ref('a'), ref('b', false)], undefined, 0],
    ['one controller', [ref('a'), ref('b', true)], 'b', 1],
    ['two controllers: first wins', [ref('a', true), ref('b', true)], 'a', 2],
  ])('%s', (_n, refs, controllerName, count) => {
    const obj = { metadata: { name: 'p', ...(refs ? { ownerReferences: refs } : {}) } };
    expect(getControllerOf(obj)?.name).toBe(controllerName);
    expect(controllerRefCount(obj)).toBe(count);
  });

  it('newControllerRef sets controller and blockOwnerDeletion', () => {
    const owner = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', uid: 'u1', namespace: 'x' },
    };
    expect(newControllerRef(owner)).toEqual({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      name: 'web',
      uid: 'u1',
      controller: true,
      blockOwnerDeletion: true,
    });
  });
});

describe('pod: setPodCondition', () => {
  const base = pod('Running', { ready: 'True', readyAt: T0 });

  it('adds a missing condition with now as transition time', () => {
    const out = setPodCondition(pod('Pending'), 'PodScheduled', 'True', 5000);
    expect(out).toEqual([
      { type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:05Z' },
    ]);
  });

  it('keeps lastTransitionTime when the status does not flip', () => {
    const out = setPodCondition(base, 'Ready', 'True', 60_000);
    expect(out[0]?.lastTransitionTime).toBe(T0);
  });

  it('moves lastTransitionTime on a flip and sets the reason', () => {
    const out = setPodCondition(base, 'Ready', 'False', 60_000, 'NodeLost');
    expect(out).toEqual([
      { type: 'Ready', status: 'False', lastTransitionTime: formatTimestamp(60_000), reason: 'NodeLost' },
    ]);
  });

  it('drops a stale reason on a flip without one, and never mutates the pod', () => {
    const down = { ...base, status: { conditions: setPodCondition(base, 'Ready', 'False', 1000, 'X') } };
    const snapshot = JSON.stringify(down);
    const up = setPodCondition(down, 'Ready', 'True', 2000);
    expect(up).toEqual([{ type: 'Ready', status: 'True', lastTransitionTime: formatTimestamp(2000) }]);
    expect(JSON.stringify(down)).toBe(snapshot);
    expect(up).not.toBe(down.status.conditions);
  });

  it('leaves other conditions in place and in order', () => {
    const p: Pod = {
      metadata: {},
      status: {
        conditions: [
          { type: 'PodScheduled', status: 'True', lastTransitionTime: T0 },
          { type: 'Ready', status: 'False', lastTransitionTime: T0 },
        ],
      },
    };
    const out = setPodCondition(p, 'Ready', 'True', 3000);
    expect(out.map((c) => c.type)).toEqual(['PodScheduled', 'Ready']);
    expect(out[0]).toBe(p.status!.conditions![0]);
  });
});
