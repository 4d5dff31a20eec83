/**
 * The judge (invariants/semantics/statefulset.ts) and the accused (controllers/statefulset) state
 * the StatefulSet pod predicates and the rolling-update rule separately. On generated pods the
 * predicates must give the same answer, and every update deletion the plan makes must be one the
 * judge allows; a disagreement names both answers. The rollout property fails for the mutant
 * ignores-unhealthy-rollout.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isHealthy,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminal,
  newPod,
} from '../../src/controllers/statefulset/identity.ts';
import { planSync } from '../../src/controllers/statefulset/plan.ts';
import { STATEFULSET_VARIANTS, type StatefulSetVariant } from '../../src/controllers/statefulset/variants.ts';
import {
  healthy,
  rolloutBlocker,
  runningAndAvailable,
  runningAndReady,
  terminal,
} from '../../src/invariants/semantics/statefulset.ts';
import { formatTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';
import { applyDefaults } from '../../src/scenario/manifests.ts';

const NOW_MS = 600_000;
const SEED = 20_261_206;
const CURRENT = 'web-r1';
const UPDATE = 'web-r2';

const stateArb = fc.record({
  phase: fc.constantFrom('Pending', 'Running', 'Running', 'Running', 'Succeeded', 'Failed', 'Unknown'),
  ready: fc.constantFrom<'True' | 'False' | undefined>('True', 'True', 'False', undefined),
  readyAgoS: fc.constantFrom(0, 1, 4, 5, 6, 14, 15, 16, 100),
  deleting: fc.constantFrom(false, false, false, true),
  updated: fc.boolean(),
  present: fc.constantFrom(true, true, true, false),
});

type PodState = typeof stateArb extends fc.Arbitrary<infer T> ? T : never;

function statefulSet(
  replicas: number,
  parallel: boolean,
  start: number,
  partition: number,
  minReady: number,
) {
  const obj = applyDefaults({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web' },
    spec: {
      replicas,
      minReadySeconds: minReady,
      serviceName: 'web',
      podManagementPolicy: parallel ? 'Parallel' : 'OrderedReady',
      ordinals: { start },
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'db:v1' }] },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition } },
    },
  });
  return { ...obj, metadata: { ...obj.metadata, uid: 'set-uid', resourceVersion: '10', generation: 1 } };
}

function pod(set: KObject, ordinal: number, s: PodState): KObject {
  const p = newPod(set, set.spec.template, ordinal, s.updated ? UPDATE : CURRENT);
  const conditions =
    s.ready === undefined
      ? []
      : [
          {
            type: 'Ready',
            status: s.ready,
            lastTransitionTime: formatTimestamp(NOW_MS - s.readyAgoS * 1000),
          },
        ];
  return {
    ...p,
    metadata: {
      ...p.metadata,
      uid: `uid-${ordinal}`,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: formatTimestamp(0),
      ...(s.deleting ? { deletionTimestamp: formatTimestamp(NOW_MS) } : {}),
    },
    status: { phase: s.phase, conditions },
  } as KObject;
}

const setArb = fc.record({
  replicas: fc.integer({ min: 1, max: 5 }),
  parallel: fc.boolean(),
  start: fc.constantFrom(0, 2),
  partition: fc.constantFrom(0, 0, 1, 2),
  minReady: fc.constantFrom(0, 5, 15),
  states: fc.array(stateArb, { minLength: 6, maxLength: 6 }),
});

describe('judge vs StatefulSet', () => {
  it(`judge vs StatefulSet: pod predicates agree (seed=${SEED})`, () => {
    fc.assert(
      fc.property(stateArb, fc.constantFrom(0, 5, 15), (s, minReady) => {
        const p = pod(statefulSet(1, false, 0, 0, 0), 0, s);
        const pairs: Array<[string, boolean, boolean]> = [
          ['running and ready', isRunningAndReady(p), runningAndReady(p)],
          ['healthy', isHealthy(p), healthy(p)],
          ['terminal', isTerminal(p), terminal(p)],
          [
            `available (minReadySeconds ${minReady})`,
            isRunningAndAvailable(p, minReady, NOW_MS),
            runningAndAvailable(p, minReady, NOW_MS),
          ],
        ];
        for (const [what, controller, judge] of pairs)
          if (controller !== judge)
            throw new Error(
              `${what}: controller says ${controller}, judge says ${judge} for ${JSON.stringify(s)}`,
            );
      }),
      { numRuns: 2000, seed: SEED },
    );
  });

  /** Null when every update deletion the plan makes is one the judge allows. */
  function rolloutDisagreement(c: SetCase, v: StatefulSetVariant): string | null {
    const set = statefulSet(c.replicas, c.parallel, c.start, c.partition, c.minReady);
    const pods = c.states
      .slice(0, c.replicas)
      .flatMap((s, i) => (s.present ? [pod(set, c.start + i, s)] : []));
    const template = set.spec.template;
    const plan = planSync({
      set,
      pods,
      claims: new Map(),
      revisions: { current: { name: CURRENT, template }, update: { name: UPDATE, template } },
      nowMs: NOW_MS,
      v,
    });
    const touched = new Set(plan.intents.filter((i) => i.type === 'create').map((i) => i.pod.metadata.name!));
    for (const i of plan.intents) {
      if (i.type !== 'updateDelete') continue;
      const why = rolloutBlocker(
        {
          setName: 'web',
          start: c.start,
          replicas: c.replicas,
          orderedReady: !c.parallel,
          minReadySeconds: c.minReady,
          nowMs: NOW_MS,
          updateRevision: UPDATE,
          pods,
          touched,
        },
        i.pod.metadata.name,
      );
      if (why) return `controller deletes ${i.pod.metadata.name} for the update, judge says wait: ${why.en}`;
    }
    return null;
  }

  it(`judge vs StatefulSet: every rolling-update deletion is one the judge allows (seed=${SEED})`, () => {
    fc.assert(
      fc.property(setArb, (c) => {
        const d = rolloutDisagreement(c, STATEFULSET_VARIANTS.correct!.variant);
        if (d) throw new Error(`${d}\n${JSON.stringify(c)}`);
      }),
      { numRuns: 3000, seed: SEED },
    );
  });

  it('judge vs StatefulSet: mutant ignores-unhealthy-rollout disagrees with the judge', () => {
    const v = STATEFULSET_VARIANTS['ignores-unhealthy-rollout']!.variant;
    const out = fc.check(
      fc.property(setArb, (c) => rolloutDisagreement(c, v) === null),
      { numRuns: 3000, seed: SEED },
    );
    expect(out.failed, 'ignores-unhealthy-rollout agreed with the judge on 3000 sets').toBe(true);
  });
});

type SetCase = typeof setArb extends fc.Arbitrary<infer T> ? T : never;
