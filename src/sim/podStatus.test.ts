import { describe, expect, it } from 'vitest';
import type { KObject } from '../model/types.ts';
import type { Container } from './machine.ts';
import { kubeletPodStatus, withCondition } from './podStatus.ts';

const types = (cs: Array<{ type: string }>) => cs.map((c) => c.type);

describe('withCondition', () => {
  it('keeps the list sorted by type when it adds a condition', () => {
    let cs = withCondition([], 'Ready', 'False', 0);
    cs = withCondition(cs, 'Initialized', 'True', 1_000);
    cs = withCondition(cs, 'PodScheduled', 'True', 2_000);
    cs = withCondition(cs, 'ContainersReady', 'False', 3_000);
    expect(types(cs)).toEqual(['ContainersReady', 'Initialized', 'PodScheduled', 'Ready']);
  });

  it('moves lastTransitionTime only when the status flips, in place', () => {
    const before = withCondition(withCondition([], 'Initialized', 'True', 0), 'Ready', 'False', 0);
    expect(withCondition(before, 'Ready', 'False', 5_000)).toBe(before);
    const after = withCondition(before, 'Ready', 'True', 5_000, 'PodReady');
    expect(types(after)).toEqual(['Initialized', 'Ready']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toMatchObject({ status: 'True', reason: 'PodReady' });
    expect(after[1]!.lastTransitionTime).not.toBe(before[1]!.lastTransitionTime);
    expect(before[1]!.status).toBe('False');
  });
});

describe('kubeletPodStatus', () => {
  const container = (over: Partial<Container> = {}): Container => ({
    podKey: 'default/web-1',
    podUid: 'u1',
    podName: 'web-1',
    running: false,
    ready: false,
    restartCount: 0,
    backoffMs: 10_000,
    startedAtMs: 0,
    phase: 'Pending',
    terminating: false,
    unreadyUntilMs: 0,
    podIP: '10.244.0.2',
    ...over,
  });
  const scheduled = (name: string): KObject =>
    ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid: name },
      spec: { containers: [{ name: 'app', image: 'app:v1' }] },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: '2026-01-01T00:00:01Z' }],
      },
    }) as KObject;

  it('reports in the key order the kubelet always used', () => {
    const status = kubeletPodStatus(scheduled('a'), container(), 1_500);
    expect(Object.keys(status!)).toEqual([
      'phase',
      'conditions',
      'podIP',
      'podIPs',
      'startTime',
      'containerStatuses',
    ]);
    expect(types(status!.conditions)).toEqual(['ContainersReady', 'Initialized', 'PodScheduled', 'Ready']);
    expect(status!.containerStatuses[0]).toEqual({
      name: 'app',
      image: 'app:v1',
      ready: false,
      restartCount: 0,
      started: false,
      state: { waiting: { reason: 'ContainerCreating' } },
    });
  });

  it('shares equal parts between pods, frozen, and keeps each pod its own IP', () => {
    const spec = scheduled('a').spec;
    const a = kubeletPodStatus({ ...scheduled('a'), spec }, container(), 1_500)!;
    const b = kubeletPodStatus({ ...scheduled('b'), spec }, container({ podIP: '10.244.0.3' }), 1_700)!;
    expect(b.conditions).toBe(a.conditions);
    expect(b.containerStatuses).toBe(a.containerStatuses);
    expect(Object.isFrozen(a.conditions) && Object.isFrozen(a.conditions[0])).toBe(true);
    expect(b.podIPs).toEqual([{ ip: '10.244.0.3' }]);
    expect(a.podIPs).toEqual([{ ip: '10.244.0.2' }]);
  });

  it('moves Ready only when readiness flips', () => {
    const pod = scheduled('c');
    const pending = kubeletPodStatus(pod, container(), 1_000)!;
    const running = container({ running: true, ready: true, phase: 'Running', startedAtMs: 5_000 });
    const ready = kubeletPodStatus({ ...pod, status: pending }, running, 5_000)!;
    const again = kubeletPodStatus({ ...pod, status: ready }, running, 9_000)!;
    const readyCond = (s: typeof ready) => s.conditions.find((c: { type: string }) => c.type === 'Ready');
    expect(readyCond(ready)).toEqual({
      type: 'Ready',
      status: 'True',
      lastTransitionTime: '2026-01-01T00:00:05Z',
    });
    expect(again.conditions).toBe(ready.conditions);
  });
});
