/**
 * The judge (src/invariants/semantics/daemonset.ts) and the accused (src/controllers/daemonset)
 * state the same Kubernetes rules independently. On generated nodes (labels, taints of every
 * effect, cordons), templates (nodeSelector, required affinity, nodeName, tolerations, host
 * networking), budgets (ints and percentages) and pods, both must give the same answer; a
 * disagreement names both answers and the input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeShouldRunDaemonPod } from '../../src/controllers/daemonset/eligibility.ts';
import { podHash, podNode, podsByNode } from '../../src/controllers/daemonset/pods.ts';
import { updateBudget } from '../../src/controllers/daemonset/rolling.ts';
import { statusCounts } from '../../src/controllers/daemonset/status.ts';
import { templateHash } from '../../src/controllers/shared/history.ts';
import {
  currentHash,
  daemonPlacement,
  daemonPodNode,
  daemonStatus,
  podsPerNode,
  revisionHash,
  rolloutBudget,
} from '../../src/invariants/semantics/daemonset.ts';
import { withNodeNameAffinity } from '../../src/model/affinity.ts';
import { formatTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';

const NODES = ['node-1', 'node-2', 'node-3', 'node-4'];
const KEYS = [
  'example.com/dedicated',
  'node.kubernetes.io/not-ready',
  'node.kubernetes.io/unreachable',
  'node.kubernetes.io/unschedulable',
  'node.kubernetes.io/disk-pressure',
  'node.kubernetes.io/network-unavailable',
];
const EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

const taintArb = fc.record({
  key: fc.constantFrom(...KEYS),
  value: fc.constantFrom(undefined, 'a', 'b'),
  effect: fc.constantFrom(...EFFECTS),
});

const nodeArb = (name: string): fc.Arbitrary<KObject> =>
  fc
    .record({
      tier: fc.constantFrom(undefined, 'edge', 'core'),
      zone: fc.constantFrom('a', 'b'),
      taints: fc.array(taintArb, { maxLength: 3 }),
      unschedulable: fc.boolean(),
    })
    .map(({ tier, zone, taints, unschedulable }) => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        uid: `uid-${name}`,
        resourceVersion: '1',
        creationTimestamp: formatTimestamp(0),
        labels: { zone, ...(tier ? { tier } : {}) },
      },
      spec: { unschedulable, taints: taints.map((t) => (t.value ? t : { key: t.key, effect: t.effect })) },
    })) as unknown as fc.Arbitrary<KObject>;

const tolerationArb = fc.oneof(
  fc.record({
    key: fc.constantFrom(...KEYS),
    operator: fc.constant('Exists'),
    effect: fc.constantFrom(undefined, ...EFFECTS),
  }),
  fc.record({
    key: fc.constantFrom(...KEYS),
    operator: fc.constant('Equal'),
    value: fc.constantFrom('a', 'b'),
    effect: fc.constantFrom(undefined, ...EFFECTS),
  }),
  fc.record({ operator: fc.constant('Exists') }),
  fc.record({
    key: fc.constantFrom(...KEYS),
    tolerationSeconds: fc.constant(300),
    operator: fc.constant('Exists'),
    effect: fc.constant('NoExecute'),
  }),
);

const affinityArb = fc.option(
  fc.record({
    key: fc.constantFrom('tier', 'zone'),
    operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist'),
    values: fc.constantFrom(['edge'], ['core', 'a'], ['b']),
  }),
  { nil: undefined },
);

const budgetArb = fc.oneof(
  fc.constant(undefined),
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
);

const dsArb: fc.Arbitrary<KObject> = fc
  .record({
    nodeSelector: fc.constantFrom(undefined, { tier: 'edge' }, { zone: 'a' }),
    affinity: affinityArb,
    nodeName: fc.constantFrom(undefined, undefined, undefined, 'node-2'),
    tolerations: fc.array(tolerationArb, { maxLength: 3 }),
    hostNetwork: fc.boolean(),
    type: fc.constantFrom('RollingUpdate', 'RollingUpdate', 'OnDelete'),
    maxUnavailable: budgetArb,
    maxSurge: budgetArb,
    minReadySeconds: fc.constantFrom(0, 5),
    image: fc.constantFrom('agent:v1', 'agent:v2'),
    collisionCount: fc.constantFrom(0, 0, 1),
  })
  .map((k) => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: 'agent',
      namespace: 'default',
      uid: 'uid-agent',
      resourceVersion: '1',
      creationTimestamp: formatTimestamp(0),
    },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      minReadySeconds: k.minReadySeconds,
      updateStrategy: {
        type: k.type,
        rollingUpdate: {
          ...(k.maxUnavailable === undefined ? {} : { maxUnavailable: k.maxUnavailable }),
          ...(k.maxSurge === undefined ? {} : { maxSurge: k.maxSurge }),
        },
      },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: {
          ...(k.nodeSelector ? { nodeSelector: k.nodeSelector } : {}),
          ...(k.nodeName ? { nodeName: k.nodeName } : {}),
          ...(k.affinity
            ? {
                affinity: {
                  nodeAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: {
                      nodeSelectorTerms: [
                        {
                          matchExpressions: [
                            k.affinity.operator === 'In' || k.affinity.operator === 'NotIn'
                              ? k.affinity
                              : { key: k.affinity.key, operator: k.affinity.operator },
                          ],
                        },
                      ],
                    },
                  },
                },
              }
            : {}),
          ...(k.hostNetwork ? { hostNetwork: true } : {}),
          tolerations: k.tolerations,
          containers: [{ name: 'agent', image: k.image }],
        },
      },
    },
    status: { collisionCount: k.collisionCount },
  })) as fc.Arbitrary<KObject>;

/** Daemon pods aimed at the nodes (bound or not), in every phase, some Ready, some deleting. */
const podsArb = (ds: KObject): fc.Arbitrary<KObject[]> =>
  fc
    .array(
      fc.record({
        node: fc.constantFrom(...NODES, 'node-9'),
        bound: fc.boolean(),
        phase: fc.constantFrom('Pending', 'Running', 'Running', 'Succeeded', 'Failed'),
        ready: fc.boolean(),
        readyAt: fc.integer({ min: 0, max: 20 }),
        createdAt: fc.integer({ min: 0, max: 5 }),
        deleting: fc.boolean(),
        current: fc.boolean(),
      }),
      { maxLength: 8 },
    )
    .map((specs) =>
      specs.map((p, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: `agent-${i}`,
          namespace: 'default',
          uid: `uid-pod-${i}`,
          resourceVersion: '1',
          creationTimestamp: formatTimestamp(p.createdAt * 1000),
          labels: { app: 'agent', 'controller-revision-hash': p.current ? templateHash(ds) : 'old' },
          ...(p.deleting ? { deletionTimestamp: formatTimestamp(30_000) } : {}),
        },
        spec: p.bound
          ? { nodeName: p.node, containers: [] }
          : withNodeNameAffinity({ containers: [] }, p.node),
        status: {
          phase: p.phase,
          conditions: [
            {
              type: 'Ready',
              status: p.ready ? 'True' : 'False',
              lastTransitionTime: formatTimestamp(p.readyAt * 1000),
            },
          ],
        },
      })),
    ) as unknown as fc.Arbitrary<KObject[]>;

const worldArb = fc
  .tuple(dsArb, fc.tuple(...NODES.map(nodeArb)), fc.integer({ min: 0, max: 20 }))
  .chain(([ds, nodes, desired]) => podsArb(ds).map((pods) => ({ ds, nodes, desired, pods })));

/** Fails naming both answers: the judge's and the controller's. */
function same<T>(what: string, judge: T, controller: T, input: unknown): void {
  const a = JSON.stringify(judge);
  const b = JSON.stringify(controller);
  if (a !== b)
    throw new Error(
      `${what}: the judge says ${a}, the controller says ${b}\ninput: ${JSON.stringify(input)}`,
    );
}

const groups = (m: ReadonlyMap<string, KObject[]>) =>
  [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([n, ps]) => [n, ps.map((p) => p.metadata.name)]);

/** The placement half of the property, against the controller's rules (a mutant's, to show it bites). */
function placementAgrees(rules?: Parameters<typeof nodeShouldRunDaemonPod>[2]) {
  return fc.property(worldArb, ({ ds, nodes }) => {
    for (const node of nodes)
      same(
        `placement on ${node.metadata.name}`,
        daemonPlacement(ds, node),
        { ...nodeShouldRunDaemonPod(ds, node, rules) },
        { ds: ds.spec, node },
      );
  });
}

describe('judge vs DaemonSet controller', () => {
  it('judge vs DaemonSet controller: a controller that evicts for NoSchedule disagrees, and both answers are named', () => {
    const out = fc.check(placementAgrees({ ignoreTaints: false, noScheduleEvicts: true }), { numRuns: 2000 });
    expect(out.failed).toBe(true);
    expect(String(out.errorInstance)).toMatch(
      /the judge says .*shouldContinueRunning":true.*the controller says .*shouldContinueRunning":false/,
    );
  });

  it('judge vs DaemonSet controller: placement, budgets, hashes, grouping and status agree', () => {
    fc.assert(
      fc.property(worldArb, ({ ds, nodes, desired, pods }) => {
        for (const node of nodes)
          same(
            `placement on ${node.metadata.name}`,
            daemonPlacement(ds, node),
            { ...nodeShouldRunDaemonPod(ds, node) },
            { ds: ds.spec, node },
          );
        same(
          `budget for ${desired} nodes`,
          rolloutBudget(ds, desired),
          updateBudget(ds, desired),
          ds.spec?.updateStrategy,
        );
        same('current hash', currentHash(ds), templateHash(ds), ds.spec?.template);
        for (const p of pods) {
          same(`node of ${p.metadata.name}`, daemonPodNode(p), podNode(p), p.spec);
          same(`hash of ${p.metadata.name}`, revisionHash(p), podHash(p), p.metadata.labels);
        }
        for (const withGone of [false, true])
          same(
            `pods per node (withGone=${withGone})`,
            groups(podsPerNode(pods, withGone)),
            groups(podsByNode(pods, withGone)),
            pods,
          );
        const now = 25_000;
        same(
          'status',
          daemonStatus(ds, nodes, podsPerNode(pods), now),
          statusCounts(ds, nodes, podsByNode(pods), templateHash(ds), now),
          { ds: ds.spec, nodes, pods },
        );
      }),
      { numRuns: 2000 },
    );
  });
});
