/**
 * pkg/controller/daemon/update_test.go: rolling updates sync by sync (creates and deletes per sync
 * with maxUnavailable, with maxSurge, with unready pods and minReadySeconds) and
 * `updatedDesiredNodeCounts` (kubeprop: daemonset/rolling.ts `updateBudget`).
 */
import { expect } from 'vitest';
import { updateBudget } from '../../../src/controllers/daemonset/rolling.ts';
import { templateHash } from '../../../src/controllers/shared/history.ts';
import type { PortedCase, Source } from '../harness.ts';
import { FakeDaemonCluster, newDaemonSet, nodes } from './daemon_fake.ts';

export const SOURCE: Source = {
  controller: 'DaemonSet',
  file: 'pkg/controller/daemon/update_test.go',
  version: '04791b4906602ffda5ccf9bc4c84d3329f1d7080',
};

const unavailable = (n: number | string) => ({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: n } });
const surge = (n: number | string) => ({
  type: 'RollingUpdate',
  rollingUpdate: { maxUnavailable: 0, maxSurge: n },
});

/** Five nodes, five pods created by the first sync. */
function fiveNodes(): FakeDaemonCluster {
  const c = new FakeDaemonCluster(newDaemonSet('foo', 'OnDelete'), nodes(0, 5));
  expect(c.sync()).toEqual({ creates: 5, deletes: 0 });
  return c;
}

/**
 * Runs syncs as the Go test counts them (`syncAsGoFake`: its fake pod control observes its own
 * writes at once) and compares each with [creates, deletes]; `ready` marks every pod ready after it.
 */
function steps(c: FakeDaemonCluster, want: Array<[number, number, 'ready'?]>): void {
  want.forEach(([creates, deletes, ready], i) => {
    expect({ step: i, ...c.syncAsGoFake() }).toEqual({ step: i, creates, deletes });
    if (ready) c.setReady(true);
  });
}

const ROLLING: PortedCase[] = [
  {
    source: SOURCE,
    func: 'TestDaemonSetUpdatesPods',
    name: 'maxUnavailable 2 over 5 nodes',
    run: () => {
      const c = fiveNodes();
      c.setReady(true);
      c.update('foo2/bar2', { updateStrategy: unavailable(2) });
      steps(c, [
        [0, 2],
        [2, 0, 'ready'],
        [0, 2],
        [2, 0, 'ready'],
        [0, 1],
        [1, 0, 'ready'],
        [0, 0],
      ]);
    },
  },
  {
    source: SOURCE,
    func: 'TestDaemonSetUpdatesPodsWithMaxSurge',
    name: 'maxSurge 2 over 5 nodes',
    run: () => {
      const c = fiveNodes();
      c.setReady(true);
      c.update('foo2/bar2', { updateStrategy: surge(2) });
      steps(c, [
        [2, 0],
        [0, 0, 'ready'],
        [2, 2],
        [0, 0, 'ready'],
        [5 % 2, 2],
        [0, 0, 'ready'],
        [0, 5 % 2],
        [0, 0],
      ]);
    },
  },
  {
    source: SOURCE,
    func: 'TestDaemonSetUpdatesWhenNewPosIsNotReady',
    name: 'new pods not ready: numUnavailable == maxUnavailable',
    run: () => {
      const c = fiveNodes();
      c.setReady(true);
      c.update('foo2/bar2', { updateStrategy: unavailable(3) });
      steps(c, [
        [0, 3],
        [3, 0],
        [0, 0],
      ]);
    },
  },
  {
    source: SOURCE,
    func: 'TestDaemonSetUpdatesAllOldPodsNotReady',
    name: 'all old pods unavailable are removed at once',
    run: () => {
      const c = fiveNodes();
      c.update('foo2/bar2', { updateStrategy: unavailable(3) });
      steps(c, [
        [0, 5],
        [5, 0],
        [0, 0],
      ]);
    },
  },
  {
    source: SOURCE,
    func: 'TestDaemonSetUpdatesAllOldPodsNotReadyMaxSurge',
    name: 'maxSurge 3, unready old pods, then minReadySeconds 15',
    run: () => {
      const c = fiveNodes();
      c.update('foo2/bar2', { updateStrategy: surge(3) });
      c.nowMs = 100_000;
      steps(c, [[5, 0]]);
      c.nowMs = 200_000;
      steps(c, [[0, 5]]);
      c.setReady(true, 5);
      c.update('foo3/bar3', { minReadySeconds: 15 });
      c.nowMs = 300_000;
      steps(c, [[3, 0]]);
      const hash = templateHash(c.ds);
      const nodeOf = (p: { spec?: { nodeName?: string } } & object) =>
        JSON.stringify(p).match(/"node-\d"/)?.[0];
      const updatedNodes = new Set(c.pods.filter((p) => c.hashOf(p) === hash).map(nodeOf));
      c.setReady(true, 2, (p) => c.hashOf(p) === hash);
      c.setReady(false, 1, (p) => c.hashOf(p) !== hash && !updatedNodes.has(nodeOf(p)));
      c.nowMs = 310_000;
      steps(c, [[1, 0]]);
      c.nowMs = 320_000;
      steps(c, [[1, 3]]);
      c.setReady(true, 3, (p) => c.hashOf(p) === hash);
      c.nowMs = 340_000;
      steps(c, [[0, 2]]);
      c.nowMs = 350_000;
      steps(c, [[0, 0]]);
    },
  },
  {
    source: SOURCE,
    func: 'TestDaemonSetUpdatesNoTemplateChanged',
    name: 'template unchanged: no pod is removed',
    run: () => {
      const c = fiveNodes();
      const spec = c.ds.spec as Record<string, unknown>;
      c.ds = { ...c.ds, spec: { ...spec, updateStrategy: unavailable(3) } };
      steps(c, [[0, 0]]);
    },
  },
];

interface Budget {
  name: string;
  nodes: number;
  strategy: Record<string, unknown>;
  maxSurge: number;
  maxUnavailable: number;
}

const BUDGETS: Budget[] = [
  { name: 'No nodes', nodes: 0, strategy: unavailable(0), maxSurge: 0, maxUnavailable: 0 },
  { name: 'Two nodes with ready pods', nodes: 2, strategy: unavailable(1), maxSurge: 0, maxUnavailable: 1 },
  {
    name: 'Two nodes, one node without pods',
    nodes: 2,
    strategy: unavailable(0),
    maxSurge: 0,
    maxUnavailable: 1,
  },
  {
    name: 'Two nodes, one node without pods, surge',
    nodes: 2,
    strategy: surge(0),
    maxSurge: 0,
    maxUnavailable: 1,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable in percents',
    nodes: 2,
    strategy: unavailable('50%'),
    maxSurge: 0,
    maxUnavailable: 1,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable in percents, surge',
    nodes: 2,
    strategy: surge('50%'),
    maxSurge: 1,
    maxUnavailable: 0,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable is 100%, surge',
    nodes: 2,
    strategy: surge('100%'),
    maxSurge: 2,
    maxUnavailable: 0,
  },
  {
    name: 'Two nodes with pods, MaxUnavailable in percents, pod terminating',
    nodes: 3,
    strategy: unavailable('50%'),
    maxSurge: 0,
    maxUnavailable: 2,
  },
];

const UNAVAILABLE_NUMBERS: PortedCase[] = BUDGETS.map((b) => ({
  source: SOURCE,
  func: 'TestGetUnavailableNumbers',
  name: b.name,
  run: () => {
    const ds = newDaemonSet('x');
    const withStrategy = { ...ds, spec: { ...(ds.spec as object), updateStrategy: b.strategy } };
    // Every node of the case is eligible, so desiredNumberScheduled is the node count.
    expect(updateBudget(withStrategy, b.nodes)).toEqual({
      maxSurge: b.maxSurge,
      maxUnavailable: b.maxUnavailable,
    });
  },
}));

export const cases: PortedCase[] = [...ROLLING, ...UNAVAILABLE_NUMBERS];
