import { describe, expect, it } from 'vitest';
import type { KObject } from '../../model/types.ts';
import { nodeShouldRunDaemonPod } from './eligibility.ts';
import { updateBudget } from './rolling.ts';

function ds(
  spec: object = {},
  strategy: object = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: 'agent',
      namespace: 'default',
      uid: 'u',
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '',
    },
    spec: {
      updateStrategy: strategy,
      template: { metadata: { labels: { app: 'a' } }, spec: { containers: [], ...spec } },
    },
  };
}

function node(taints: object[] = [], labels: Record<string, string> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1', labels, uid: 'n', resourceVersion: '1', generation: 1, creationTimestamp: '' },
    spec: { taints },
  };
}

describe('DaemonSet: eligibility (NodeShouldRunDaemonPod)', () => {
  it.each<[string, KObject, KObject, [boolean, boolean]]>([
    ['untainted node', ds(), node(), [true, true]],
    [
      'cordoned node still gets a pod',
      ds(),
      node([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]),
      [true, true],
    ],
    [
      'NotReady: no new pod, keeps its pod',
      ds(),
      node([
        { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' },
      ]),
      [false, true],
    ],
    [
      'unreachable: no new pod, keeps its pod',
      ds(),
      node([
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      ]),
      [false, true],
    ],
    ['user NoSchedule taint: keeps its pod', ds(), node([{ key: 'x', effect: 'NoSchedule' }]), [false, true]],
    ['user NoExecute taint: pod must go', ds(), node([{ key: 'x', effect: 'NoExecute' }]), [false, false]],
    ['PreferNoSchedule is ignored', ds(), node([{ key: 'x', effect: 'PreferNoSchedule' }]), [true, true]],
    [
      'tolerated NoExecute',
      ds({ tolerations: [{ key: 'x', operator: 'Exists' }] }),
      node([{ key: 'x', effect: 'NoExecute' }]),
      [true, true],
    ],
    [
      'network-unavailable without hostNetwork',
      ds(),
      node([{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]),
      [false, true],
    ],
    [
      'network-unavailable with hostNetwork',
      ds({ hostNetwork: true }),
      node([{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]),
      [true, true],
    ],
    ['nodeSelector mismatch', ds({ nodeSelector: { tier: 'edge' } }), node(), [false, false]],
    ['nodeSelector match', ds({ nodeSelector: { tier: 'edge' } }), node([], { tier: 'edge' }), [true, true]],
    ['template pinned to another node', ds({ nodeName: 'n2' }), node(), [false, false]],
  ])('%s', (_t, d, n, [run, keep]) => {
    expect(nodeShouldRunDaemonPod(d, n)).toEqual({ shouldRun: run, shouldContinueRunning: keep });
  });
});

describe('DaemonSet: rolling update budget', () => {
  it.each<[string, number | string, number | string, number, [number, number]]>([
    ['defaults', 1, 0, 5, [0, 1]],
    ['percentages round up', '30%', 0, 5, [0, 2]],
    ['surge percentage rounds up', 0, '10%', 5, [1, 0]],
    ['both zero means maxUnavailable 1', 0, 0, 5, [0, 1]],
  ])('%s (maxUnavailable=%s, maxSurge=%s, desired=%i)', (_t, mu, ms, desired, [surge, unavailable]) => {
    const d = ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: mu, maxSurge: ms } });
    expect(updateBudget(d, desired)).toEqual({ maxSurge: surge, maxUnavailable: unavailable });
  });
});
