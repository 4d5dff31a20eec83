/**
 * pkg/controller/daemon/daemon_controller_test.go: NodeShouldRunDaemonPod (daemonset/eligibility.ts)
 * and the sync cases that count creates and deletes for a given cache of nodes and pods, with the
 * selector, node-name, affinity, taint and toleration cases. Every sync case runs under both update
 * strategies, as `updateStrategies()` does in the Go test.
 */
import { expect } from 'vitest';
import { nodeShouldRunDaemonPod } from '../../../src/controllers/daemonset/eligibility.ts';
import type { KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';
import {
  FakeDaemonCluster,
  newDaemonSet,
  newNode,
  nodes,
  STRATEGIES,
  type Strategy,
  simpleDaemonSetLabel,
  simpleDaemonSetLabel2,
  simpleNodeLabel,
  simpleNodeLabel2,
} from './daemon_fake.ts';

export const SOURCE: Source = {
  controller: 'DaemonSet',
  file: 'pkg/controller/daemon/daemon_controller_test.go',
  version: '003e86297d18a8538c9da3619871393f9703bf70',
};

const noScheduleTaints = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }];
const noExecuteTaints = [{ key: 'dedicated', value: 'user1', effect: 'NoExecute' }];
const noScheduleTolerations = [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }];
const nodeNotReady = [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }];
const nodeUnreachable = [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }];

const typeIn = (value: string) => ({
  nodeAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: {
      nodeSelectorTerms: [{ matchExpressions: [{ key: 'type', operator: 'In', values: [value] }] }],
    },
  },
});

interface ShouldRunCase {
  predicate: string;
  spec: Record<string, unknown>;
  unschedulable?: boolean;
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

// Resource requests and host ports are the scheduler's business since Kubernetes 1.12, so those
// cases expect (true, true) whatever the node holds; kubeprop never reads them either.
const SHOULD_RUN: ShouldRunCase[] = [
  { predicate: 'ShouldRunDaemonPod', spec: {}, shouldRun: true, shouldContinueRunning: true },
  { predicate: 'InsufficientResourceError', spec: {}, shouldRun: true, shouldContinueRunning: true },
  {
    predicate: 'ErrPodNotMatchHostName',
    spec: { nodeName: 'other-node' },
    shouldRun: false,
    shouldContinueRunning: false,
  },
  { predicate: 'ErrPodNotFitsHostPorts', spec: {}, shouldRun: true, shouldContinueRunning: true },
  {
    predicate: 'InsufficientResourceError (pods on node)',
    spec: {},
    shouldRun: true,
    shouldContinueRunning: true,
  },
  { predicate: 'ShouldRunDaemonPod (pods on node)', spec: {}, shouldRun: true, shouldContinueRunning: true },
  {
    predicate: 'ErrNodeSelectorNotMatch',
    spec: { nodeSelector: simpleDaemonSetLabel2 },
    shouldRun: false,
    shouldContinueRunning: false,
  },
  {
    predicate: 'ShouldRunDaemonPod (nodeSelector)',
    spec: { nodeSelector: simpleDaemonSetLabel },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  {
    predicate: 'ErrPodAffinityNotMatch',
    spec: { affinity: typeIn('test') },
    shouldRun: false,
    shouldContinueRunning: false,
  },
  {
    predicate: 'ShouldRunDaemonPod (affinity)',
    spec: { affinity: typeIn('production') },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  {
    predicate: 'ShouldRunDaemonPodOnUnschedulableNode',
    spec: {},
    unschedulable: true,
    shouldRun: true,
    shouldContinueRunning: true,
  },
];

function shouldRunCases(): PortedCase[] {
  return SHOULD_RUN.map((c, i) => ({
    source: SOURCE,
    func: 'TestNodeShouldRunDaemonPod',
    name: `[${i}] ${c.predicate}`,
    run: () => {
      for (const strategy of STRATEGIES) {
        const node = newNode('test-node', simpleDaemonSetLabel);
        // A cordoned node carries the unschedulable taint (the node lifecycle controller adds it).
        const cordoned = c.unschedulable
          ? ({
              ...node,
              spec: {
                unschedulable: true,
                taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
              },
            } as KObject)
          : node;
        const e = nodeShouldRunDaemonPod(newDaemonSet('ds', strategy, c.spec), cordoned);
        expect({ strategy, ...e }).toEqual({
          strategy,
          shouldRun: c.shouldRun,
          shouldContinueRunning: c.shouldContinueRunning,
        });
      }
    },
  }));
}

interface SyncCase {
  func: string;
  name: string;
  /** Builds the cache for one strategy. */
  setup: (s: Strategy) => FakeDaemonCluster;
  creates: number;
  deletes: number;
  /** Only one strategy in the Go test (it does not loop over updateStrategies()). */
  only?: Strategy;
}

const cluster = (ds: KObject, ns: KObject[]) => new FakeDaemonCluster(ds, ns);
const withPods = (c: FakeDaemonCluster, add: (c: FakeDaemonCluster) => void) => {
  add(c);
  return c;
};

const SYNC: SyncCase[] = [
  {
    func: 'TestNoNodesDoesNothing',
    name: 'no nodes',
    setup: (s) => cluster(newDaemonSet('foo', s), []),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestOneNodeDaemonLaunchesPod',
    name: 'one node',
    setup: (s) => cluster(newDaemonSet('foo', s), [newNode('only-node')]),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestNotReadyNodeDaemonDoesLaunchPod',
    name: 'Ready=False without taints',
    setup: (s) => {
      const n = newNode('not-ready');
      return cluster(newDaemonSet('foo', s), [
        { ...n, status: { conditions: [{ type: 'Ready', status: 'False' }] } } as KObject,
      ]);
    },
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestInsufficientCapacityNodeSufficientCapacityWithNodeLabelDaemonLaunchPod',
    name: 'only the labelled node',
    setup: (s) =>
      cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel }), [
        newNode('not-enough-resource'),
        newNode('enough-resource', simpleNodeLabel),
      ]),
    creates: 1,
    deletes: 0,
    only: 'RollingUpdate',
  },
  {
    func: 'TestNetworkUnavailableNodeDaemonLaunchesPod',
    name: 'NetworkUnavailable condition only',
    setup: (s) => {
      const n = newNode('network-unavailable');
      return cluster(newDaemonSet('simple', s), [
        { ...n, status: { conditions: [{ type: 'NetworkUnavailable', status: 'True' }] } } as KObject,
      ]);
    },
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestPortConflictWithSameDaemonPodDoesNotDeletePod',
    name: 'own pod already on the node',
    setup: (s) =>
      withPods(
        cluster(newDaemonSet('foo', s, { nodeName: 'port-conflict' }), [newNode('port-conflict')]),
        (c) => c.addPods('port-conflict', simpleDaemonSetLabel, 1),
      ),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestNoPortConflictNodeDaemonLaunchesPod',
    name: 'an unrelated pod on the node',
    setup: (s) =>
      withPods(
        cluster(newDaemonSet('foo', s, { nodeName: 'no-port-conflict' }), [newNode('no-port-conflict')]),
        (c) => {
          c.addPods('no-port-conflict', {}, 1);
          for (const p of c.pods) p.metadata.ownerReferences = [];
        },
      ),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestDealsWithExistingPods',
    name: '5 nodes with 0, 1, 2, 5 pods and 2 unmatched',
    setup: (s) =>
      withPods(cluster(newDaemonSet('foo', s), nodes(0, 5)), (c) => {
        c.addPods('node-1', simpleDaemonSetLabel, 1);
        c.addPods('node-2', simpleDaemonSetLabel, 2);
        c.addPods('node-3', simpleDaemonSetLabel, 5);
        c.addPods('node-4', simpleDaemonSetLabel2, 2);
      }),
    creates: 2,
    deletes: 5,
  },
  {
    func: 'TestSelectorDaemonLaunchesPods',
    name: '3 of 7 nodes match',
    setup: (s) =>
      cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel }), [
        ...nodes(0, 4),
        ...nodes(4, 3, simpleNodeLabel),
      ]),
    creates: 3,
    deletes: 0,
  },
  {
    func: 'TestSelectorDaemonDeletesUnselectedPods',
    name: 'pods on unselected nodes go',
    setup: (s) =>
      withPods(
        cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel }), [
          ...nodes(0, 5),
          ...nodes(5, 5, simpleNodeLabel),
        ]),
        (c) => {
          c.addPods('node-0', simpleDaemonSetLabel2, 2);
          c.addPods('node-1', simpleDaemonSetLabel, 3);
          c.addPods('node-1', simpleDaemonSetLabel2, 1);
          c.addPods('node-4', simpleDaemonSetLabel, 1);
        },
      ),
    creates: 5,
    deletes: 4,
  },
  {
    func: 'TestSelectorDaemonDealsWithExistingPods',
    name: 'selected and unselected nodes with existing pods',
    setup: (s) =>
      withPods(
        cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel }), [
          ...nodes(0, 5),
          ...nodes(5, 5, simpleNodeLabel),
        ]),
        (c) => {
          c.addPods('node-0', simpleDaemonSetLabel, 1);
          c.addPods('node-1', simpleDaemonSetLabel, 3);
          c.addPods('node-1', simpleDaemonSetLabel2, 2);
          c.addPods('node-2', simpleDaemonSetLabel, 4);
          c.addPods('node-6', simpleDaemonSetLabel, 13);
          c.addPods('node-7', simpleDaemonSetLabel2, 4);
          c.addPods('node-9', simpleDaemonSetLabel, 1);
          c.addPods('node-9', simpleDaemonSetLabel2, 1);
        },
      ),
    creates: 3,
    deletes: 20,
  },
  {
    func: 'TestBadSelectorDaemonDoesNothing',
    name: 'nodeSelector matches no node',
    setup: (s) =>
      cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel2 }), [
        ...nodes(0, 4),
        ...nodes(4, 3, simpleNodeLabel),
      ]),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestNameDaemonSetLaunchesPods',
    name: 'nodeName node-0',
    setup: (s) => cluster(newDaemonSet('foo', s, { nodeName: 'node-0' }), nodes(0, 5)),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestBadNameDaemonSetDoesNothing',
    name: 'nodeName of a missing node',
    setup: (s) => cluster(newDaemonSet('foo', s, { nodeName: 'node-10' }), nodes(0, 5)),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestNameAndSelectorDaemonSetLaunchesPods',
    name: 'nodeName and nodeSelector agree',
    setup: (s) =>
      cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel, nodeName: 'node-6' }), [
        ...nodes(0, 4),
        ...nodes(4, 3, simpleNodeLabel),
      ]),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestInconsistentNameSelectorDaemonSetDoesNothing',
    name: 'nodeName and nodeSelector disagree',
    setup: (s) =>
      cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel, nodeName: 'node-0' }), [
        ...nodes(0, 4),
        ...nodes(4, 3, simpleNodeLabel),
      ]),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestSelectorDaemonSetLaunchesPods',
    name: 'nodeSelector, default strategy',
    setup: (s) =>
      cluster(newDaemonSet('foo', s, { nodeSelector: simpleNodeLabel }), [
        ...nodes(0, 4),
        ...nodes(4, 3, simpleNodeLabel),
      ]),
    creates: 3,
    deletes: 0,
    only: 'RollingUpdate',
  },
  {
    func: 'TestNodeAffinityDaemonLaunchesPods',
    name: 'required node affinity color In [blue]',
    setup: (s) =>
      cluster(
        newDaemonSet('foo', s, {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [
                  { matchExpressions: [{ key: 'color', operator: 'In', values: [simpleNodeLabel.color] }] },
                ],
              },
            },
          },
        }),
        [...nodes(0, 4), ...nodes(4, 3, simpleNodeLabel)],
      ),
    creates: 3,
    deletes: 0,
  },
  {
    func: 'TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod',
    name: 'NoSchedule keeps a running pod',
    setup: (s) =>
      withPods(cluster(newDaemonSet('intolerant', s), [newNode('tainted', {}, noScheduleTaints)]), (c) =>
        c.addPods('tainted', simpleDaemonSetLabel, 1),
      ),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestNoExecuteTaintedDoesEvicitRunningIntolerantPod',
    name: 'NoExecute removes a running pod',
    setup: (s) =>
      withPods(cluster(newDaemonSet('intolerant', s), [newNode('tainted', {}, noExecuteTaints)]), (c) =>
        c.addPods('tainted', simpleDaemonSetLabel, 1),
      ),
    creates: 0,
    deletes: 1,
  },
  {
    func: 'TestTaintedNodeDaemonDoesNotLaunchIntolerantPod',
    name: 'NoSchedule, no toleration',
    setup: (s) => cluster(newDaemonSet('intolerant', s), [newNode('tainted', {}, noScheduleTaints)]),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestTaintedNodeDaemonLaunchesToleratePod',
    name: 'NoSchedule, tolerated',
    setup: (s) =>
      cluster(newDaemonSet('tolerate', s, { tolerations: noScheduleTolerations }), [
        newNode('tainted', {}, noScheduleTaints),
      ]),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestNotReadyNodeDaemonLaunchesPod',
    name: 'not-ready:NoExecute is tolerated',
    setup: (s) => cluster(newDaemonSet('simple', s), [newNode('tainted', {}, nodeNotReady)]),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestUnreachableNodeDaemonLaunchesPod',
    name: 'unreachable:NoExecute is tolerated',
    setup: (s) => cluster(newDaemonSet('simple', s), [newNode('tainted', {}, nodeUnreachable)]),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestNodeDaemonLaunchesToleratePod',
    name: 'tolerations on an untainted node',
    setup: (s) => cluster(newDaemonSet('tolerate', s, { tolerations: noScheduleTolerations }), nodes(0, 1)),
    creates: 1,
    deletes: 0,
  },
  {
    func: 'TestDaemonSetRespectsTermination',
    name: 'a terminating pod holds the node',
    setup: (s) =>
      withPods(cluster(newDaemonSet('foo', s), nodes(0, 1, simpleNodeLabel)), (c) =>
        c.addPods('node-0', simpleDaemonSetLabel, 1, { deletionTimestamp: '2026-01-01T00:00:00Z' }),
      ),
    creates: 0,
    deletes: 0,
  },
  {
    func: 'TestTaintPressureNodeDaemonLaunchesPod',
    name: 'disk, memory and pid pressure are tolerated',
    setup: (s) =>
      cluster(newDaemonSet('critical', s), [
        newNode('resources-pressure', {}, [
          { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
        ]),
      ]),
    creates: 1,
    deletes: 0,
  },
];

function syncCases(): PortedCase[] {
  return SYNC.map((c) => ({
    source: SOURCE,
    func: c.func,
    name: c.name,
    run: () => {
      for (const strategy of c.only ? [c.only] : STRATEGIES) {
        const got = c.setup(strategy).syncAsGoFake();
        expect({ strategy, ...got }).toEqual({ strategy, creates: c.creates, deletes: c.deletes });
      }
    },
  }));
}

const KILL_FAILED: Array<{ failed: number; normal: number; creates: number; deletes: number; name: string }> =
  [
    { failed: 0, normal: 1, creates: 0, deletes: 0, name: 'normal (do nothing)' },
    { failed: 0, normal: 0, creates: 1, deletes: 0, name: 'no pods (create 1)' },
    {
      failed: 1,
      normal: 0,
      creates: 0,
      deletes: 1,
      name: '1 failed pod (kill 1), 0 normal pod (create 0; will create in the next sync)',
    },
    { failed: 1, normal: 3, creates: 0, deletes: 3, name: '1 failed pod (kill 1), 3 normal pods (kill 2)' },
  ];

function killFailedCases(): PortedCase[] {
  return KILL_FAILED.map((t) => ({
    source: SOURCE,
    func: 'TestDaemonKillFailedPods',
    name: t.name,
    run: () => {
      for (const strategy of STRATEGIES) {
        const c = cluster(newDaemonSet('foo', strategy), nodes(0, 1));
        c.addPods('node-0', simpleDaemonSetLabel, t.failed);
        for (const p of c.pods) p.status = { phase: 'Failed' };
        c.addPods('node-0', simpleDaemonSetLabel, t.normal);
        expect({ strategy, ...c.syncAsGoFake() }).toEqual({
          strategy,
          creates: t.creates,
          deletes: t.deletes,
        });
      }
    },
  }));
}

const KILL_FAILED_BACKOFF: PortedCase = {
  source: SOURCE,
  func: 'TestDaemonKillFailedPodsBackoff',
  name: 'a failed pod is deleted, then not again until the back-off has passed',
  run: () => {
    for (const strategy of STRATEGIES) {
      const c = cluster(newDaemonSet('foo', strategy), nodes(0, 1));
      const failed = () => {
        c.addPods('node-0', simpleDaemonSetLabel, 1);
        c.pods[c.pods.length - 1]!.status = { phase: 'Failed' };
      };
      failed();
      expect(c.syncAsGoFake()).toEqual({ creates: 0, deletes: 1 });
      // The fake pod control of the Go test leaves the pod in the cache; so does this one.
      failed();
      expect(c.syncAsGoFake()).toEqual({ creates: 0, deletes: 0 });
      const key = `ds-uid/0/node-0`;
      const delay = c.backoff.remaining(key, c.nowMs);
      expect(delay).toBeGreaterThan(0);
      c.nowMs += delay - 1;
      expect(c.backoff.inBackoff(key, c.nowMs)).toBe(true);
      c.nowMs += 1;
      expect(c.backoff.inBackoff(key, c.nowMs)).toBe(false);
      expect(c.syncAsGoFake()).toEqual({ creates: 0, deletes: 1 });
    }
  },
};

export const cases: PortedCase[] = [
  ...shouldRunCases(),
  ...syncCases(),
  ...killFailedCases(),
  KILL_FAILED_BACKOFF,
];
