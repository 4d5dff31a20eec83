/**
 * fast-check arbitraries for the StatefulSet suite: manifests (both pod management policies, all
 * four retention combinations, partitions, ordinals.start, OnDelete, minReadySeconds, one or two
 * volumeClaimTemplates) and fault plans as plain data. Node faults come as pairs (partition, crash
 * or graceful shutdown, then heal), so every plan ends with the cluster whole: a StatefulSet rightly
 * waits forever for a pod on a node that never comes back, and liveness is only claimed once faults
 * stop. Persistent failures (a revision whose pods exit or fail until it is fixed, a kubelet that
 * rejects pods for a while) and faults within 100 ms of a template update or of the set's creation
 * are drawn too; swarmScenarioArb narrows some runs to a random handful of fault kinds.
 */
import fc from 'fast-check';
import { getFault } from '../src/chaos/registry.ts';
import type { KObject } from '../src/model/types.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import type { Scenario, ScenarioEvent } from '../src/scenario/types.ts';
import { clusterArb, scenarioOf } from './arbitraries.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export interface SetShape {
  replicas: number;
  policy: 'OrderedReady' | 'Parallel';
  whenDeleted: 'Retain' | 'Delete';
  whenScaled: 'Retain' | 'Delete';
  partition: number;
  start: number;
  onDelete: boolean;
  templates: number;
  /** Default 0. */
  minReadySeconds?: number;
  /** Default 10 (Kubernetes' default). */
  revisionHistoryLimit?: number;
}

export const setShapeArb: fc.Arbitrary<SetShape> = fc.record({
  replicas: fc.integer({ min: 1, max: 5 }),
  policy: fc.constantFrom('OrderedReady', 'Parallel'),
  whenDeleted: fc.constantFrom('Retain', 'Delete'),
  whenScaled: fc.constantFrom('Retain', 'Delete'),
  partition: fc.integer({ min: 0, max: 3 }),
  start: fc.constantFrom(0, 1, 3),
  onDelete: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  templates: fc.integer({ min: 1, max: 2 }),
  minReadySeconds: fc.constantFrom(0, 0, 5, 15),
  revisionHistoryLimit: fc.constantFrom(10, 10, 0, 1, 2),
});

/** The StatefulSet `web` with Kubernetes defaults applied. */
export function statefulSet(s: SetShape): KObject {
  const claim = (name: string) => ({
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
  });
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas: s.replicas,
      minReadySeconds: s.minReadySeconds ?? 0,
      revisionHistoryLimit: s.revisionHistoryLimit ?? 10,
      serviceName: 'web',
      podManagementPolicy: s.policy,
      ordinals: { start: s.start },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: s.whenDeleted, whenScaled: s.whenScaled },
      updateStrategy: s.onDelete
        ? { type: 'OnDelete' }
        : { type: 'RollingUpdate', rollingUpdate: { partition: s.partition } },
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'registry.local/db:v1' }] },
      },
      volumeClaimTemplates: ['data', 'logs'].slice(0, s.templates).map(claim),
    },
  });
}

/** Fault groups (one or two events each) by kind, for a set starting at `start` on `nodes`. */
export function stsFaultArbs(
  nodes: string[],
  start: number,
  maxAtMs: number,
): Record<string, fc.Arbitrary<ScenarioEvent[]>> {
  const at = fc.integer({ min: 0, max: Math.floor(maxAtMs / 100) }).map((t) => t * 100);
  const node = fc.constantFrom(...nodes);
  // Low ordinals: most sets have them, and ordering bugs show between neighbours.
  const pod = fc.integer({ min: start, max: start + 2 }).map((o) => `web-${o}`);
  const one = <T extends object>(kind: string, fields: fc.Arbitrary<T>) =>
    fc.tuple(at, fields).map(([t, f]) => [{ at: t, do: kind, ...f } as ScenarioEvent]);
  const pair = (kind: string, maxMs: number) =>
    fc
      .tuple(at, node, fc.integer({ min: 10, max: maxMs / SECOND }))
      .map(([t, n, d]) => [
        { at: t, do: kind, node: n } as ScenarioEvent,
        { at: t + d * SECOND, do: 'heal-node', node: n } as ScenarioEvent,
      ]);
  const web = fc.constant('statefulset/web');
  const update = (t: number, behavior: string): ScenarioEvent => ({
    at: t,
    do: 'update-template',
    target: 'statefulset/web',
    patch: { metadata: { annotations: { 'kubeprop.io/behavior': behavior } } },
  });
  // A graceful shutdown ends the node's pods Succeeded or Failed, then the node comes back.
  const shutdown: Record<string, fc.Arbitrary<ScenarioEvent[]>> = getFault('shutdown-node')
    ? {
        'shutdown-node': fc
          .tuple(at, node, fc.constantFrom('Succeeded', 'Failed'), fc.integer({ min: 10, max: 300 }))
          .map(([t, n, phase, d]) => [
            { at: t, do: 'shutdown-node', node: n, phase } as ScenarioEvent,
            { at: t + d * SECOND, do: 'heal-node', node: n } as ScenarioEvent,
          ]),
      }
    : {};
  // The node's kubelet rejects pods at admission for a while: they end Failed, again and again.
  const reject: Record<string, fc.Arbitrary<ScenarioEvent[]>> = getFault('reject-pods')
    ? {
        'reject-pods': fc
          .tuple(at, node, fc.integer({ min: 10, max: 60 }))
          .map(([t, n, d]) => [{ at: t, do: 'reject-pods', node: n, for: `${d}s` } as ScenarioEvent]),
      }
    : {};
  return {
    ...shutdown,
    ...reject,
    'add-node': one('add-node', fc.record({ node: fc.constantFrom('node-7', 'node-8') })),
    'crash-node': pair('crash-node', 9 * MINUTE),
    'partition-node': pair('partition-node', 9 * MINUTE),
    'crash-pod': one('crash-pod', fc.record({ pod })),
    'fail-pod': one('fail-pod', fc.record({ pod })),
    'delete-pod': one('delete-pod', fc.record({ pod })),
    // Short probe failures, or one that outlasts the run (an application that stays unready).
    'unready-pod': one('unready-pod', fc.record({ pod, for: fc.constantFrom('20s', '40m') })),
    scale: one('scale', fc.record({ target: web, replicas: fc.integer({ min: 0, max: 6 }) })),
    'update-template': one(
      'update-template',
      fc.record({ target: web, image: fc.constantFrom('registry.local/db:v2', 'registry.local/db:v1') }),
    ),
    // A bad revision whose pods exit 0 (restarted with back-off) or fail, fixed by a later update:
    // left broken, pods that end again and again keep status.readyReplicas flapping through the
    // settle time.
    'bad-revision': fc
      .tuple(at, fc.constantFrom('complete', 'fail'), fc.integer({ min: 20, max: 120 }))
      .map(([t, behavior, fixAfter]) => [update(t, behavior), update(t + fixAfter * SECOND, 'normal')]),
    // Timing-coupled: a second fault within 100 ms of a template update (or of the set's creation).
    coupled: fc
      .tuple(at, fc.boolean(), fc.integer({ min: 0, max: 100 }), coupledArb(pod, web))
      .map(([t, onCreate, gap, second]): ScenarioEvent[] =>
        onCreate
          ? [{ ...second, at: gap } as ScenarioEvent]
          : [
              { at: t, do: 'update-template', target: 'statefulset/web', image: 'registry.local/db:v3' },
              { ...second, at: t + gap } as ScenarioEvent,
            ],
      ),
    'delete-pvc': one('delete-pvc', fc.record({ pvc: pod.map((p) => `data-${p}`) })),
    'restart-controller': one('restart-controller', fc.constant({ controller: 'statefulset' })),
    // Below 5 minutes, the claim's condition (design.md §5); the StatefulSet uses no expectations anyway.
    'delay-watch': one(
      'delay-watch',
      fc.record({
        controller: fc.constant('statefulset'),
        for: fc.integer({ min: 1, max: 240 }).map((s) => `${s}s`),
      }),
    ),
  };
}

/** The second fault of a timing-coupled pair (its `at` is set by the pair). */
function coupledArb(
  pod: fc.Arbitrary<string>,
  web: fc.Arbitrary<string>,
): fc.Arbitrary<Omit<ScenarioEvent, 'at'>> {
  return fc.oneof(
    fc.record({ do: fc.constant('delete-pod'), pod }),
    fc.record({ do: fc.constant('fail-pod'), pod }),
    fc.record({ do: fc.constant('crash-pod'), pod }),
    fc.record({ do: fc.constant('scale'), target: web, replicas: fc.integer({ min: 0, max: 6 }) }),
    fc.record({ do: fc.constant('restart-controller'), controller: fc.constant('statefulset') }),
    fc.record({ do: fc.constant('unready-pod'), pod, for: fc.constant('20s') }),
  ) as fc.Arbitrary<Omit<ScenarioEvent, 'at'>>;
}

export const KINDS = Object.keys(stsFaultArbs(['node-1'], 0, 1000));

/**
 * A StatefulSet scenario with up to `maxGroups` fault groups drawn from `kinds` (default: all),
 * sorted by time (stable). A mutant test may narrow the kinds to the faults that concern its claim.
 */
export function statefulSetScenarioArb(
  variant: string,
  kinds: readonly string[] = KINDS,
  maxGroups = 6,
): fc.Arbitrary<Scenario> {
  return fc
    .record({
      nodes: clusterArb.filter((n) => n.length >= 2),
      shape: setShapeArb,
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .chain(({ nodes, shape, seed }) => {
      const arbs = stsFaultArbs(
        nodes.map((n) => n.name),
        shape.start,
        4 * MINUTE,
      );
      return fc.array(fc.oneof(...kinds.map((k) => arbs[k]!)), { maxLength: maxGroups }).map((groups) =>
        scenarioOf({
          name: 'statefulset-property',
          seed,
          nodes,
          objects: [statefulSet(shape)],
          events: groups.flat().sort((a, b) => a.at - b.at),
          settleMs: 5 * MINUTE,
          controllers: { statefulset: variant },
        }),
      );
    });
}

/**
 * Swarm testing: a third of the runs draw from every fault kind, a third from a random handful of
 * kinds, a third from one of the focused mixes (FOCUS: two specific faults in order, such as a
 * claim deleted then its pod), so a conjunction a bug needs comes up often enough for the
 * correct-controller property to meet it.
 */
export function swarmScenarioArb(variant: string): fc.Arbitrary<Scenario> {
  const handful = fc.subarray(KINDS, { minLength: 2, maxLength: 4 });
  const focused = fc.constantFrom(...Object.values(FOCUS));
  return fc.oneof(
    statefulSetScenarioArb(variant),
    handful.chain((kinds) => statefulSetScenarioArb(variant, kinds)),
    focused.chain((kinds) => statefulSetScenarioArb(variant, kinds)),
  );
}

/** Which invariant must catch each mutant. */
export const CAUGHT_BY: Record<string, string> = {
  'ordered-as-parallel': 'statefulset.ordered-ready',
  'scale-down-lowest-first': 'statefulset.ordered-ready',
  'pvc-deleted-with-pod': 'statefulset.volume-retention',
  'fresh-pvc-on-recreate': 'statefulset.volume-retention',
  'replace-terminating': 'statefulset.at-most-one',
  'wait-for-successors': 'workload.converges',
  'partition-from-zero': 'statefulset.partition',
  'ignores-unhealthy-rollout': 'statefulset.rollout-budget',
  'keeps-succeeded': 'statefulset.replaces-terminal',
  'stale-available': 'status.consistent',
  'never-completes-rollout': 'status.consistent',
  'prunes-live-revisions': 'statefulset.revision-history',
  'ignores-terminating-claim': 'statefulset.volume-retention',
};

/**
 * The fault kinds a mutant's search draws from (default: all). A deleted predecessor behind a pod
 * that stays unready, or a pod replaced while its node is cut off, needs two specific faults in
 * order; narrowing the mix (as swarm testing does) finds them within the default run count.
 */
export const FOCUS: Record<string, string[]> = {
  'wait-for-successors': ['unready-pod', 'delete-pod', 'fail-pod'],
  'replace-terminating': ['partition-node', 'update-template', 'delete-pod', 'scale'],
  'scale-down-lowest-first': ['scale', 'scale', 'delete-pod', 'update-template'],
  'ignores-terminating-claim': ['delete-pvc', 'delete-pod', 'delete-pod', 'scale'],
  'prunes-live-revisions': ['update-template', 'update-template', 'coupled', 'delete-pod'],
  'ignores-unhealthy-rollout': ['update-template', 'unready-pod', 'bad-revision', 'coupled'],
  // A pod of a StatefulSet (restartPolicy Always) ends Succeeded only through a node shutdown.
  'keeps-succeeded': ['shutdown-node', 'shutdown-node', 'delete-pod', 'scale'],
};
