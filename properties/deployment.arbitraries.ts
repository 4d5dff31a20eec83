/**
 * fast-check arbitraries for the Deployment suite. The general plan (deploymentScenarioArb): a
 * Deployment `web` (RollingUpdate with drawn maxSurge/maxUnavailable, or Recreate) under template
 * updates (images that never become ready or crash-loop included), scales, rollout undos,
 * pause/resume, a same-name delete and recreate, controller restarts, stalled watches, and node and
 * pod faults. Focused plans: a ReplicaSet that squats the new ReplicaSet's name (kubernetes#29735),
 * and a rollout away from a never-ready template (kubernetes#16737).
 */
import fc from 'fast-check';
import { computeHash } from '../src/model/hash.ts';
import type { KObject } from '../src/model/types.ts';
import { applyDefaults } from '../src/scenario/manifests.ts';
import type { Scenario, ScenarioEvent } from '../src/scenario/types.ts';
import { eventArbs, faultPlanArb, plainNodes, scenarioOf } from './arbitraries.ts';

const SECOND = 1000;
const WEB = 'deployment/web';

export interface DeploymentShape {
  replicas: number;
  image?: string;
  recreate?: boolean;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
}

/** The Deployment `web` (app=web) with Kubernetes defaults applied. */
export function deployment(s: DeploymentShape): KObject {
  const strategy = s.recreate
    ? { type: 'Recreate' }
    : {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: s.maxSurge ?? '25%', maxUnavailable: s.maxUnavailable ?? '25%' },
      };
  return applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: {
      replicas: s.replicas,
      strategy,
      minReadySeconds: s.minReadySeconds ?? 0,
      revisionHistoryLimit: s.revisionHistoryLimit ?? 10,
      progressDeadlineSeconds: s.progressDeadlineSeconds ?? 600,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: s.image ?? 'registry.local/app:v1' }] },
      },
    },
  });
}

/** maxSurge/maxUnavailable pairs, never both zero (validation refuses it). */
const fencepostsArb = fc.constantFrom<[number | string, number | string]>(
  ['25%', '25%'],
  ['25%', '25%'],
  ['50%', '10%'],
  ['30%', '30%'],
  [1, 0],
  [0, 1],
  [2, 1],
);

const shapeArb: fc.Arbitrary<DeploymentShape> = fc
  .record({
    replicas: fc.integer({ min: 1, max: 10 }),
    recreate: fc.constantFrom(false, false, false, true),
    fenceposts: fencepostsArb,
    minReadySeconds: fc.constantFrom(0, 0, 0, 5),
    revisionHistoryLimit: fc.constantFrom(0, 1, 2, 10),
    progressDeadlineSeconds: fc.constantFrom(30, 60, 600),
  })
  .map(({ fenceposts: [maxSurge, maxUnavailable], ...rest }) => ({ ...rest, maxSurge, maxUnavailable }));

const IMAGES = [
  'registry.local/app:v1',
  'registry.local/app:v2',
  'registry.local/app:v3',
  'registry.local/app:v2-never-ready',
  'registry.local/app:v3-crashloop',
];

/** Events aimed at the Deployment itself, within the first `maxAtMs`. */
function deploymentEventArbs(maxAtMs: number): Record<string, fc.Arbitrary<ScenarioEvent[]>> {
  const at = fc.integer({ min: 0, max: Math.floor(maxAtMs / 100) }).map((t) => t * 100);
  const one = <T extends object>(kind: string, fields: fc.Arbitrary<T>) =>
    fc.tuple(at, fields).map(([t, f]) => [{ at: t, do: kind, ...f } as ScenarioEvent]);
  return {
    'update-template': one(
      'update-template',
      fc.record({ target: fc.constant(WEB), image: fc.constantFrom(...IMAGES) }),
    ),
    scale: one('scale', fc.record({ target: fc.constant(WEB), replicas: fc.integer({ min: 0, max: 12 }) })),
    'rollout-undo': fc
      .tuple(at, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }))
      .map(([t, r]) => [
        (r === undefined
          ? { at: t, do: 'rollout-undo', target: WEB }
          : { at: t, do: 'rollout-undo', target: WEB, toRevision: r }) as ScenarioEvent,
      ]),
    // A pause is usually resumed: a Deployment left paused never finishes its rollout, by design.
    pause: fc
      .tuple(at, fc.option(fc.integer({ min: 5, max: 90 }), { nil: undefined, freq: 5 }))
      .map(([t, gap]) => [
        { at: t, do: 'pause-rollout', target: WEB } as ScenarioEvent,
        ...(gap === undefined
          ? []
          : [{ at: t + gap * SECOND, do: 'resume-rollout', target: WEB } as ScenarioEvent]),
      ]),
    'restart-controller': one(
      'restart-controller',
      fc.record({ controller: fc.constantFrom('deployment', 'deployment', 'replicaset') }),
    ),
    'delay-watch': one(
      'delay-watch',
      fc.record({
        controller: fc.constantFrom('deployment', 'replicaset'),
        for: fc.integer({ min: 1, max: 60 }).map((s) => `${s}s`),
      }),
    ),
  };
}

/** The Deployment deleted and created again under the same name, within 100 ms or seconds later. */
function recreateArb(shape: DeploymentShape): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 1500 }).map((t) => t * 100),
      fc.constantFrom('Background', 'Orphan'),
      fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1000, max: 20_000 })),
    )
    .map(([at, propagation, gap]) => [
      { at, do: 'delete-object', target: WEB, propagation } as ScenarioEvent,
      { at: at + gap, do: 'create-object', object: deployment(shape) } as ScenarioEvent,
    ]);
}

/** Node and pod faults the general plan mixes in (a crash or partition is healed later). */
const WORLD_KINDS = ['crash-pod', 'delete-pod', 'unready-pod', 'fail-pod', 'cordon-node', 'add-node'];

function nodeFaultArb(nodes: string[]): fc.Arbitrary<ScenarioEvent[]> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: 1500 }).map((t) => t * 100),
      fc.constantFrom(...nodes),
      fc.constantFrom('crash-node', 'partition-node'),
      fc.integer({ min: 20, max: 120 }),
    )
    .map(([at, node, kind, heal]) => [
      { at, do: kind, node } as ScenarioEvent,
      { at: at + heal * SECOND, do: 'heal-node', node } as ScenarioEvent,
    ]);
}

/** The general Deployment plan: rollouts, rollbacks, pauses and resizes under chaos. */
export function deploymentScenarioArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({
      nodes: fc.integer({ min: 2, max: 4 }),
      shape: shapeArb,
      seed: fc.integer({ min: 1, max: 1_000_000 }),
    })
    .chain((base) => {
      const nodes = plainNodes(base.nodes).map((n) => n.name);
      const own = deploymentEventArbs(150 * SECOND);
      const world = eventArbs(nodes, [WEB], 150 * SECOND);
      const plan = fc.tuple(
        fc.array(fc.oneof(...Object.values(own)), { minLength: 1, maxLength: 6 }),
        faultPlanArb(world, WORLD_KINDS, 4),
        fc.array(nodeFaultArb(nodes), { maxLength: 1 }),
        fc.array(recreateArb(base.shape), { maxLength: 1 }),
      );
      return plan.map(([mine, faults, nodeFaults, recreate]) =>
        scenarioOf({
          name: 'deployment-property',
          seed: base.seed,
          nodes: plainNodes(base.nodes),
          objects: [deployment(base.shape)],
          events: [...mine.flat(), ...faults, ...nodeFaults.flat(), ...recreate.flat()].sort(
            (a, b) => a.at - b.at,
          ),
          settleMs: 300 * SECOND,
          controllers: { deployment: variant },
        }),
      );
    });
}

/**
 * A ReplicaSet of another template already holds the name the Deployment's first ReplicaSet
 * would take (kubernetes#29735): only a collisionCount bump gets the Deployment a ReplicaSet.
 */
export function collisionArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      replicas: fc.integer({ min: 1, max: 5 }),
      own: fc.array(fc.oneof(...Object.values(deploymentEventArbs(60 * SECOND))), { maxLength: 2 }),
    })
    .map((p) => {
      const d = deployment({ replicas: p.replicas });
      const squatter = applyDefaults({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: { name: `web-${computeHash(d.spec?.template, 0)}` },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'other' } },
          template: {
            metadata: { labels: { app: 'other' } },
            spec: { containers: [{ name: 'other', image: 'registry.local/other:v1' }] },
          },
        },
      });
      return scenarioOf({
        name: 'deployment-collision',
        seed: p.seed,
        nodes: plainNodes(2),
        objects: [squatter, d],
        events: p.own.flat().sort((a, b) => a.at - b.at),
        settleMs: 180 * SECOND,
        controllers: { deployment: variant },
      });
    });
}

/**
 * A rollout away from a template whose pods never become ready (kubernetes#16737): the old pods
 * serve no one, so they may go first; sometimes a resize or a pod fault on the way.
 */
export function unhealthyRolloutArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      replicas: fc.integer({ min: 2, max: 8 }),
      fenceposts: fc.constantFrom<[number | string, number | string]>([0, 1], ['25%', '25%'], [1, 1], [1, 0]),
      at: fc.integer({ min: 10, max: 60 }).map((s) => s * SECOND),
      extra: fc.array(fc.oneof(...Object.values(eventArbs(['node-1', 'node-2'], [WEB], 90 * SECOND))), {
        maxLength: 1,
      }),
    })
    .map((p) =>
      scenarioOf({
        name: 'deployment-unhealthy-rollout',
        seed: p.seed,
        nodes: plainNodes(2),
        objects: [
          deployment({
            replicas: p.replicas,
            image: 'registry.local/app:v1-never-ready',
            maxSurge: p.fenceposts[0],
            maxUnavailable: p.fenceposts[1],
          }),
        ],
        events: [
          { at: p.at, do: 'update-template', target: WEB, image: 'registry.local/app:v2' } as ScenarioEvent,
          ...p.extra.filter((e) => e.do === 'scale' || e.do === 'delete-pod' || e.do === 'crash-pod'),
        ].sort((a, b) => a.at - b.at),
        settleMs: 240 * SECOND,
        controllers: { deployment: variant },
      }),
    );
}

/**
 * A scale to the old ReplicaSet's size right after a maxSurge 0 rollout starts (chaos seed 6 run
 * 4008, kubernetes#138036): the first rolling sync sizes the old set replicas-1 under the old
 * desired-replicas annotation, then the Deployment is scaled to replicas-1 before the next sync.
 */
export function scaleDuringRolloutArb(variant: string): fc.Arbitrary<Scenario> {
  return fc
    .record({
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      replicas: fc.integer({ min: 3, max: 8 }),
      at: fc.integer({ min: 10, max: 60 }).map((s) => s * SECOND),
      afterMs: fc.integer({ min: 30, max: 120 }),
    })
    .map((p) =>
      scenarioOf({
        name: 'deployment-scale-during-rollout',
        seed: p.seed,
        nodes: plainNodes(3),
        objects: [deployment({ replicas: p.replicas, maxSurge: 0, maxUnavailable: 1 })],
        events: [
          { at: p.at, do: 'update-template', target: WEB, image: 'registry.local/app:v2' } as ScenarioEvent,
          { at: p.at + p.afterMs, do: 'scale', target: WEB, replicas: p.replicas - 1 } as ScenarioEvent,
        ],
        settleMs: 240 * SECOND,
        controllers: { deployment: variant },
      }),
    );
}

/** The generator a mutant is hunted with: the general plan unless its bug needs a narrower one. */
export const ARB_FOR: Record<string, (variant: string) => fc.Arbitrary<Scenario>> = {
  'no-collision-count': collisionArb,
  'no-unhealthy-cleanup': unhealthyRolloutArb,
  'stale-scale-annotation': scaleDuringRolloutArb,
};

/** Which invariant must catch each mutant: the property a mutant test falsifies is exactly that claim. */
export const CAUGHT_BY: Record<string, string> = {
  'swapped-rounding': 'deployment.availability-bounds',
  'no-collision-count': 'workload.converges',
  'scale-newest-only': 'deployment.proportional-scaling',
  'no-unhealthy-cleanup': 'workload.converges',
  'recreate-overlaps': 'deployment.recreate-no-overlap',
  'rollback-new-replicaset': 'deployment.rollback',
  'surge-counts-new-only': 'deployment.surge-bounds',
  'keeps-history': 'deployment.history-limit',
  'stale-scale-annotation': 'workload.converges',
};
