/**
 * fast-check arbitraries for the ReplicaSet suite. The general plan (replicaSetScenarioArb): node,
 * pod and control-plane faults, a fault within 100 ms of a scale or of the start, a kubelet that
 * rejects pods for a while, delete and same-name recreate of the set. Focused plans: scale-down
 * victim order (rankingScenarioArb: orphans created at different times with
 * controller.kubernetes.io/pod-deletion-cost and application behaviours, crash-looping sets,
 * crash-pod faults, unready pods, two or three nodes, a bare set or one under a Deployment with or
 * without an older sibling set, then one or two scale-downs), staggered
 * readiness with minReadySeconds, the adoption race of kubernetes#42639, failed create batches.
 */
import fc from 'fast-check';
import { getFault } from '../src/chaos/registry.ts';
import type { KObject } from '../src/model/types.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import type { Scenario, ScenarioEvent } from '../src/scenario/types.ts';
import {
  clusterArb,
  eventArbs,
  faultPlanArb,
  orphanPod,
  plainNodes,
  registryKinds,
  replicaSet,
  scenarioOf,
} from './arbitraries.ts';

const SECOND = 1000;
const RS = 'replicaset/frontend';

export interface OrphanShape {
  cost?: number;
  behavior?: 'crashloop' | 'never-ready';
}

/** A bare pod the ReplicaSet will adopt, with a deletion cost and an application behaviour. */
export function rankedOrphan(name: string, o: OrphanShape): KObject {
  const annotations: Record<string, string> = {};
  if (o.cost !== undefined) annotations['controller.kubernetes.io/pod-deletion-cost'] = String(o.cost);
  if (o.behavior) annotations['kubeprop.io/behavior'] = o.behavior;
  return applyDefaults({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'web' }, annotations },
    spec: { containers: [{ name: 'app', image: 'registry.local/app:v1' }] },
  });
}

const orphanShapeArb: fc.Arbitrary<OrphanShape> = fc.record(
  {
    cost: fc.constantFrom(-5, 0, 3, 10),
    // Two crash-looping pods, both not Ready, are told apart by their restarts alone.
    behavior: fc.constantFrom<'crashloop' | 'never-ready'>('crashloop', 'crashloop', 'never-ready'),
  },
  { requiredKeys: [] },
);

/** Events that make the ReplicaSet's pods differ, at `at` within the first `maxAtMs`. */
function rankingEventArbs(maxAtMs: number): Record<string, fc.Arbitrary<ScenarioEvent[]>> {
  const at = fc.integer({ min: 0, max: Math.floor(maxAtMs / 100) }).map((t) => t * 100);
  const pod = fc.record({ owner: fc.constant(RS), index: fc.integer({ min: 0, max: 5 }) });
  const one = <T extends object>(kind: string, fields: fc.Arbitrary<T>) =>
    fc.tuple(at, fields).map(([t, f]) => [{ at: t, do: kind, ...f } as ScenarioEvent]);
  return {
    orphan: fc
      .tuple(at, fc.integer({ min: 1, max: 9 }), orphanShapeArb)
      .map(([t, i, o]) => [{ at: t, do: 'create-object', object: rankedOrphan(`stray-${i}`, o) }]),
    'crash-pod': one('crash-pod', fc.record({ pod })),
    // Restarts come in bursts: a pod that crashed once often crashes again.
    'crash-pod-twice': fc
      .tuple(at, pod, fc.integer({ min: 12, max: 40 }))
      .map(([t, p, gap]) => [
        { at: t, do: 'crash-pod', pod: p } as ScenarioEvent,
        { at: t + gap * SECOND, do: 'crash-pod', pod: p } as ScenarioEvent,
      ]),
    'unready-pod': one('unready-pod', fc.record({ pod, for: fc.constantFrom('15s', '90s') })),
    'delete-pod': one('delete-pod', fc.record({ pod })),
    scale: one('scale', fc.record({ target: fc.constant(RS), replicas: fc.integer({ min: 0, max: 7 }) })),
    'add-node': one('add-node', fc.record({ node: fc.constant('node-4') })),
  };
}

/**
 * The ReplicaSet `frontend`; a crash-looping template makes every pod unready, so restarts (which
 * grow with age) decide between them.
 */
function frontend(replicas: number, crashloop: boolean): KObject {
  const rs = replicaSet('frontend', replicas);
  if (!crashloop) return rs;
  const template = rs.spec!.template;
  return {
    ...rs,
    spec: {
      ...rs.spec,
      template: {
        ...template,
        metadata: { ...template.metadata, annotations: { 'kubeprop.io/behavior': 'crashloop' } },
      },
    },
  };
}

/**
 * Crash-looping pods flap between Ready and not for ever, so the status can never be judged
 * settled; once they have been ranked, the set winds down to zero.
 */
function windDown(crashloop: boolean, last: readonly ScenarioEvent[]): ScenarioEvent[] {
  if (!crashloop) return [];
  const at = Math.max(...last.map((e) => e.at)) + 30 * SECOND;
  return [{ at, do: 'scale', target: RS, replicas: 0 } as ScenarioEvent];
}

/** Who controls `frontend`: nobody, or a Deployment (alone, or with an older sibling set). */
type Lineage = 'bare' | 'owned' | 'sibling';

/**
 * The Deployment that stands over the ReplicaSets of a ranking plan. No Deployment object is
 * created (its controller would resize the sets the plan scales): the reference alone makes the
 * sets siblings, which is all the ranking reads (getReplicaSetsWithSameController), and the
 * simulated garbage collector acts on an owner's deletion only, so it leaves them be.
 */
const DEPLOYMENT_REF = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  name: 'web',
  uid: 'deployment-web',
  controller: true,
  blockOwnerDeletion: true,
};

/** `rs` under the Deployment stand-in. */
function underDeployment(rs: KObject): KObject {
  return { ...rs, metadata: { ...rs.metadata, ownerReferences: [DEPLOYMENT_REF] } } as KObject;
}

/**
 * The sets of one lineage. Kubernetes ranks a bare ReplicaSet's pods 0 on co-location; under a
 * Deployment they count the pods of every sibling on their node, so an older sibling's pods (label
 * app: web-old, never adopted by `frontend`) crowd some nodes and not others.
 */
function lineageSets(lineage: Lineage, front: KObject, oldReplicas: number): KObject[] {
  if (lineage === 'bare') return [front];
  if (lineage === 'owned') return [underDeployment(front)];
  return [underDeployment(front), underDeployment(replicaSet('frontend-old', oldReplicas, 'web-old'))];
}

/**
 * A ReplicaSet whose pods come to differ (ages, costs, restarts, readiness, nodes) and then shrink:
 * the fault plan ends with one or two scale-downs, some after minutes (log2 age buckets differ).
 */
export function rankingScenarioArb(variant: string): fc.Arbitrary<Scenario> {
  const arbs = rankingEventArbs(150 * SECOND);
  const finalScale = fc
    .tuple(fc.integer({ min: 160, max: 600 }), fc.constantFrom(0, 1, 1, 2, 3))
    .map(([t, r]) => ({ at: t * SECOND, do: 'scale', target: RS, replicas: r }) as ScenarioEvent);
  return fc
    .record({
      // One node half the time: colocation then ties, and the later rungs decide.
      nodes: fc.constantFrom(1, 1, 2, 3),
      // Co-location ranks only under a controller (a bare set ranks every pod 0 on it).
      lineage: fc.constantFrom<Lineage>('bare', 'owned', 'owned', 'sibling', 'sibling'),
      oldReplicas: fc.integer({ min: 1, max: 3 }),
      replicas: fc.integer({ min: 2, max: 5 }),
      crashloop: fc.constantFrom(false, false, false, true),
      initial: fc.array(orphanShapeArb, { maxLength: 2 }),
      groups: fc.array(fc.oneof(...Object.values(arbs)), { minLength: 1, maxLength: 8 }),
      last: fc.array(finalScale, { minLength: 1, maxLength: 2 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map((p) =>
      scenarioOf({
        name: 'replicaset-ranking',
        seed: p.seed,
        nodes: plainNodes(p.nodes),
        objects: [
          ...lineageSets(p.lineage, frontend(p.replicas, p.crashloop), p.oldReplicas),
          ...p.initial.map((o, i) => rankedOrphan(`seed-${i}`, o)),
        ],
        events: [...p.groups.flat(), ...p.last, ...windDown(p.crashloop, p.last)].sort((a, b) => a.at - b.at),
        settleMs: 720 * SECOND,
        controllers: { replicaset: variant },
      }),
    );
}

/** The plan's fault kinds: the registry's ReplicaSet faults, less those drawn apart or left out. */
const KINDS = registryKinds('replicaset', {
  'label-node': 'the generated ReplicaSets select no nodes, so a node label changes nothing for them',
  'delete-object': 'recreateArb draws it, with the create-object that brings the set back',
  'reject-pods': 'rejectArb draws it, at most once a plan (a window of rejections on one node)',
});

/** Faults that land within 100 ms of a scale (the creates or deletes it starts), or of the start. */
const COUPLED = [
  'delete-pod',
  'crash-pod',
  'fail-pod',
  'restart-controller',
  'delay-watch',
  'fail-api',
  'relabel-pod',
];

/** A timing-coupled pair: a scale (or the ReplicaSet's creation at 0) and a second fault 0–100 ms later. */
function coupledArb(arbs: Record<string, fc.Arbitrary<ScenarioEvent>>): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(
      arbs.scale!,
      fc.boolean(),
      fc.integer({ min: 0, max: 100 }),
      fc.oneof(...COUPLED.map((k) => arbs[k]!)),
    )
    .map(([scale, onCreate, gap, second]) =>
      onCreate ? [{ ...second, at: gap }] : [scale, { ...second, at: scale.at + gap }],
    );
}

/**
 * `kubectl delete` of the ReplicaSet (Orphan or Background) and `kubectl create` of it again under
 * the same name, within 100 ms (while the garbage collector still works) or seconds later: the new
 * set adopts the orphans, never while it or they are going away (kubernetes#42639).
 */
function recreateArb(replicas: number): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 1800 }).map((t) => t * 100),
      fc.constantFrom('Orphan', 'Orphan', 'Background'),
      fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1000, max: 30_000 })),
    )
    .map(([at, propagation, gap]) => [
      { at, do: 'delete-object', target: RS, propagation } as ScenarioEvent,
      { at: at + gap, do: 'create-object', object: replicaSet('frontend', replicas) } as ScenarioEvent,
    ]);
}

/** A node whose kubelet rejects pods at admission for a while (they end Failed and are replaced). */
function rejectArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(fc.integer({ min: 0, max: 1800 }), fc.constantFrom(...nodes), fc.integer({ min: 10, max: 60 }))
    .map(([t, node, d]) => [{ at: t * 100, do: 'reject-pods', node, for: `${d}s` } as ScenarioEvent]);
}

/** A ReplicaSet scenario: sometimes a second ReplicaSet with an overlapping selector, sometimes an orphan. */
export function replicaSetScenarioArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({
      nodes: clusterArb,
      replicas: fc.integer({ min: 0, max: 6 }),
      overlapping: fc.boolean(),
      orphan: fc.boolean(),
      // Sometimes a pod counts as available only some time after it turns Ready.
      minReadySeconds: fc.constantFrom(0, 0, 0, 5, 15),
      // Sometimes the nodes are nearly full, so some replicas stay Pending for good.
      podCapacity: fc.constantFrom(110, 110, 2),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .map((base) => ({ ...base, nodes: base.nodes.map((n) => ({ ...n, podCapacity: base.podCapacity })) }))
    .chain((base) => {
      const targets = ['replicaset/frontend', ...(base.overlapping ? ['replicaset/canary'] : [])];
      const arbs = eventArbs(
        base.nodes.map((n) => n.name),
        targets,
        180_000,
      );
      const persistent = getFault('reject-pods')
        ? fc.array(rejectArb(base.nodes.map((n) => n.name)), { maxLength: 1 })
        : fc.constant([] as ScenarioEvent[][]);
      const plan = fc
        .tuple(
          faultPlanArb(arbs, KINDS, 12),
          persistent,
          fc.array(coupledArb(arbs), { maxLength: 1 }),
          fc.array(recreateArb(base.replicas), { maxLength: 1 }),
        )
        .map(([events, rejects, pairs, recreate]) =>
          [...events, ...rejects.flat(), ...pairs.flat(), ...recreate.flat()].sort((a, b) => a.at - b.at),
        );
      return plan.map((events) =>
        scenarioOf({
          name: 'replicaset-property',
          seed: base.seed,
          nodes: base.nodes,
          objects: [
            replicaSet('frontend', base.replicas, 'web', base.minReadySeconds),
            ...(base.overlapping ? [replicaSet('canary', 1)] : []),
            ...(base.orphan ? [orphanPod('stray')] : []),
          ],
          events,
          settleMs: 480_000,
          controllers: { replicaset: variant },
        }),
      );
    });
}

/**
 * Pods that turn Ready again a few seconds apart (readiness probes failing for a while) while one
 * replica cannot be placed, with minReadySeconds: the availability of the later pod is only ever
 * noticed by a sync scheduled for it (kubernetes#108266). The general plan rarely lines this up.
 */
export function staggeredReadinessArb(variant: string): fc.Arbitrary<Scenario> {
  const unready = fc.record({
    index: fc.integer({ min: 0, max: 2 }),
    at: fc.integer({ min: 30_000, max: 90_000 }),
    for: fc.integer({ min: 1_000, max: 15_000 }),
  });
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      minReadySeconds: fc.integer({ min: 3, max: 20 }),
      replicas: fc.integer({ min: 3, max: 4 }),
      unready: fc.array(unready, { minLength: 1, maxLength: 3 }),
    })
    .map((p) =>
      scenarioOf({
        name: 'replicaset-staggered-readiness',
        seed: p.seed,
        nodes: [{ name: 'node-1', labels: {}, taints: [], unschedulable: false, podCapacity: 2 }],
        objects: [replicaSet('frontend', p.replicas, 'web', p.minReadySeconds)],
        events: p.unready
          .map(
            (u): ScenarioEvent => ({
              at: u.at,
              do: 'unready-pod',
              pod: { owner: 'replicaset/frontend', index: u.index },
              for: u.for,
            }),
          )
          .sort((a, b) => a.at - b.at),
        settleMs: 180_000,
        controllers: { replicaset: variant },
      }),
    );
}

/**
 * The adoption race of kubernetes#42639: an orphan appears, the ReplicaSet's sync goes to adopt it,
 * and within the round trip the ReplicaSet is deleted with --cascade=orphan (sometimes created
 * again later). Only the uncached re-read of the owner before adopting tells the sync to give up.
 */
export function adoptionRaceArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      replicas: fc.integer({ min: 1, max: 3 }),
      at: fc.integer({ min: 20, max: 60 }).map((s) => s * SECOND),
      gap: fc.integer({ min: 0, max: 20 }).map((g) => g * 5),
      recreate: fc.boolean(),
    })
    .map((p) =>
      scenarioOf({
        name: 'replicaset-adoption-race',
        seed: p.seed,
        nodes: plainNodes(2),
        objects: [replicaSet('frontend', p.replicas)],
        events: [
          { at: p.at, do: 'create-object', object: orphanPod('stray') } as ScenarioEvent,
          { at: p.at + p.gap, do: 'delete-object', target: RS, propagation: 'Orphan' } as ScenarioEvent,
          ...(p.recreate
            ? [
                {
                  at: p.at + 30 * SECOND,
                  do: 'create-object',
                  object: replicaSet('frontend', p.replicas),
                } as ScenarioEvent,
              ]
            : []),
        ],
        settleMs: 120 * SECOND,
        controllers: { replicaset: variant },
      }),
    );
}

/**
 * Creates that fail part-way through a slow-start batch (fail-api on create) while the set scales
 * up, with no other fault: the skipped creations' expectations must be lowered at once, so the set
 * is complete well within the 5-minute expectations timeout (settle is 90 s).
 */
export function failedCreatesArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      from: fc.integer({ min: 0, max: 2 }),
      to: fc.integer({ min: 3, max: 9 }),
      at: fc.integer({ min: 20, max: 60 }).map((s) => s * SECOND),
      count: fc.integer({ min: 1, max: 3 }),
    })
    .map((p) =>
      scenarioOf({
        name: 'replicaset-failed-creates',
        seed: p.seed,
        nodes: plainNodes(2),
        objects: [replicaSet('frontend', p.from)],
        events: [
          {
            at: p.at,
            do: 'fail-api',
            verb: 'create',
            count: p.count,
            controller: 'replicaset',
          } as ScenarioEvent,
          { at: p.at + 10, do: 'scale', target: RS, replicas: p.to } as ScenarioEvent,
        ],
        settleMs: 90 * SECOND,
        controllers: { replicaset: variant },
      }),
    );
}

/** The generator a mutant is hunted with: the general plan unless its bug needs a narrower one. */
export const ARB_FOR: Record<string, (variant: string) => fc.Arbitrary<Scenario>> = {
  'stale-available': staggeredReadinessArb,
  'no-adopt-recheck': adoptionRaceArb,
  'keeps-skipped-expectations': failedCreatesArb,
  'ignores-deletion-cost': rankingScenarioArb,
  'ignores-colocation': rankingScenarioArb,
  'ignores-restarts': rankingScenarioArb,
  'older-first': rankingScenarioArb,
};

/** Which invariant must catch each mutant: the property a mutant test falsifies is exactly that claim. */
export const CAUGHT_BY: Record<string, string> = {
  'no-expectations': 'replicaset.no-overshoot',
  'failed-counted-active': 'replicaset.exact-replicas',
  'terminating-counted-active': 'replicaset.exact-replicas',
  'adopts-foreign': 'ownership.single-controller',
  'no-release': 'ownership.release-unmatched',
  'no-adopt-recheck': 'ownership.single-controller',
  'keeps-skipped-expectations': 'replicaset.exact-replicas',
  'ignores-ranking': 'replicaset.deletion-ranking',
  'ignores-deletion-cost': 'replicaset.deletion-ranking',
  'ignores-colocation': 'replicaset.deletion-ranking',
  'ignores-restarts': 'replicaset.deletion-ranking',
  'older-first': 'replicaset.deletion-ranking',
  'writes-unchanged-status': 'workload.no-needless-writes',
  'stale-available': 'status.consistent',
};
