/**
 * pkg/controller/deployment/util/deployment_util_test.go → `deployment/util.ts` (fenceposts,
 * maxUnavailable, EqualIgnoreHash, FindNewReplicaSet) and `deployment/plan.ts` (NewRSNewReplicas,
 * DeploymentComplete): the arithmetic and lookups every sync of the controller rests on.
 */
import { expect } from 'vitest';
import {
  deploymentComplete,
  isSaturated,
  newRSNewReplicas,
} from '../../../src/controllers/deployment/plan.ts';
import {
  type DeploymentCondition,
  type DeploymentStatus,
  progressed,
  timedOut,
} from '../../../src/controllers/deployment/status.ts';
import {
  DESIRED_REPLICAS,
  equalIgnoreHash,
  fenceposts,
  findNewReplicaSet,
  MAX_REPLICAS,
  maxUnavailableOf,
  needsAnnotations,
  proportion,
  replicasAnnotations,
} from '../../../src/controllers/deployment/util.ts';
import { CORRECT } from '../../../src/controllers/deployment/variants.ts';
import { formatTimestamp, parseTimestamp } from '../../../src/model/time.ts';
import type { KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';
import { deployment, type IntOrPercent, rs } from './deployment_fake.ts';

export const SOURCE: Source = {
  controller: 'Deployment',
  file: 'pkg/controller/deployment/util/deployment_util_test.go',
  version: '00216e4596922fe546c0e5548921d01e2d91db12',
};

const at = (func: string, name: string, run: () => void): PortedCase => ({ source: SOURCE, func, name, run });

const NEW_RS_NEW_REPLICAS = [
  { name: 'can not scale up - to newRSReplicas', recreate: false, dep: 1, newRS: 5, surge: 1, expected: 5 },
  { name: 'scale up - to depReplicas', recreate: false, dep: 6, newRS: 2, surge: 10, expected: 6 },
  { name: 'recreate - to depReplicas', recreate: true, dep: 3, newRS: 1, surge: 1, expected: 3 },
].map((c) =>
  at('TestNewRSNewReplicas', c.name, () => {
    const d = deployment(c.dep, { maxSurge: c.surge, maxUnavailable: 1, recreate: c.recreate });
    expect(newRSNewReplicas(d, [rs('rs5', 5)], rs('new', c.newRS), CORRECT)).toBe(c.expected);
  }),
);

/** Numbered as the Go table (its cases 2 and 3, unparsable percentages, are not ported). */
const FENCEPOSTS: Array<[string, IntOrPercent, IntOrPercent, number, number, number]> = [
  ['0', '0%', '0%', 0, 0, 1],
  ['1', '39%', '39%', 10, 4, 3],
  ['4', 0, '39%', 10, 0, 3],
  ['5', '39%', 0, 10, 4, 0],
  ['6', 0, 0, 10, 0, 1],
];

const RESOLVE_FENCEPOSTS = FENCEPOSTS.map(([num, s, u, n, es, eu]) =>
  at('TestResolveFenceposts', num, () => {
    expect(fenceposts(deployment(n, { maxSurge: s, maxUnavailable: u }), CORRECT)).toEqual({
      maxSurge: es,
      maxUnavailable: eu,
    });
  }),
);

const MAX_UNAVAILABLE: Array<[string, KObject, number]> = [
  ['maxUnavailable less than replicas', deployment(10, { maxSurge: 1, maxUnavailable: 5 }), 5],
  ['maxUnavailable equal replicas', deployment(10, { maxSurge: 1, maxUnavailable: 10 }), 10],
  ['maxUnavailable greater than replicas', deployment(5, { maxSurge: 1, maxUnavailable: 10 }), 5],
  ['maxUnavailable with replicas is 0', deployment(0, { maxSurge: 1, maxUnavailable: 10 }), 0],
  ['maxUnavailable with Recreate deployment strategy', deployment(10, { recreate: true }), 0],
  [
    'maxUnavailable less than replicas with percents',
    deployment(10, { maxSurge: 1, maxUnavailable: '50%' }),
    5,
  ],
  [
    'maxUnavailable equal replicas with percents',
    deployment(10, { maxSurge: 1, maxUnavailable: '100%' }),
    10,
  ],
  [
    'maxUnavailable greater than replicas with percents',
    deployment(5, { maxSurge: 1, maxUnavailable: '100%' }),
    5,
  ],
];

const MAX_UNAVAILABLE_CASES = MAX_UNAVAILABLE.map(([name, d, expected]) =>
  at('TestMaxUnavailable', name, () => expect(maxUnavailableOf(d, CORRECT)).toBe(expected)),
);

const HASH = 'pod-template-hash';

/** generatePodTemplateSpec of the Go test. */
function podTemplate(
  name: string,
  node: string,
  annotations: Record<string, string>,
  labels: Record<string, string>,
) {
  return { metadata: { name, annotations, labels }, spec: { nodeName: node } };
}

const EQUAL_IGNORE_HASH: Array<
  [string, ReturnType<typeof podTemplate>, ReturnType<typeof podTemplate>, boolean]
> = [
  [
    'Same spec, same labels',
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }),
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }),
    true,
  ],
  [
    'Same spec, only pod-template-hash label value is different',
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }),
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-2', something: 'else' }),
    true,
  ],
  [
    "Same spec, the former doesn't have pod-template-hash label",
    podTemplate('foo', 'foo-node', {}, { something: 'else' }),
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-2', something: 'else' }),
    true,
  ],
  [
    "Same spec, the label is different, the former doesn't have pod-template-hash label, same number of labels",
    podTemplate('foo', 'foo-node', {}, { something: 'else' }),
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-2' }),
    false,
  ],
  [
    "Same spec, the label is different, the latter doesn't have pod-template-hash label, same number of labels",
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-1' }),
    podTemplate('foo', 'foo-node', {}, { something: 'else' }),
    false,
  ],
  [
    'Same spec, the label is different, and the pod-template-hash label value is the same',
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-1' }),
    podTemplate('foo', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }),
    false,
  ],
  [
    'Different spec, same labels',
    podTemplate('foo', 'foo-node', { former: 'value' }, { [HASH]: 'value-1', something: 'else' }),
    podTemplate('foo', 'foo-node', { latter: 'value' }, { [HASH]: 'value-1', something: 'else' }),
    false,
  ],
  [
    'Different spec, different pod-template-hash label value',
    podTemplate('foo-1', 'foo-node', {}, { [HASH]: 'value-1', something: 'else' }),
    podTemplate('foo-2', 'foo-node', {}, { [HASH]: 'value-2', something: 'else' }),
    false,
  ],
  [
    "Different spec, the former doesn't have pod-template-hash label",
    podTemplate('foo-1', 'foo-node-1', {}, { something: 'else' }),
    podTemplate('foo-2', 'foo-node-2', {}, { [HASH]: 'value-2', something: 'else' }),
    false,
  ],
  [
    'Different spec, different labels',
    podTemplate('foo', 'foo-node-1', {}, { something: 'else' }),
    podTemplate('foo', 'foo-node-2', {}, { nothing: 'else' }),
    false,
  ],
];

const EQUAL_IGNORE_HASH_CASES = EQUAL_IGNORE_HASH.map(([name, former, latter, expected]) =>
  at('TestEqualIgnoreHash', name, () => {
    const before = JSON.stringify([former, latter]);
    // Both orders, as the Go test runs them; neither template may be changed.
    expect(equalIgnoreHash(former, latter)).toBe(expected);
    expect(equalIgnoreHash(latter, former)).toBe(expected);
    expect(JSON.stringify([former, latter])).toBe(before);
  }),
);

/**
 * TestFindNewReplicaSet's sets: newRS and newRSDup carry the Deployment's template (newRSDup is a
 * minute older), oldRS an older template. The two cases about fields the API server dropped behind
 * a disabled feature gate are not ported (feature gates are not modelled).
 */
function findNewCases(): PortedCase[] {
  const d = deployment(1, { image: 'nginx' });
  const withHash = (o: KObject, hash: string) => {
    o.metadata.labels = { app: 'foo', [HASH]: hash };
    return o;
  };
  const newRS = withHash(rs('newRS', 0, { image: 'nginx', ageS: 0 }), 'hash');
  const newRSDup = withHash(rs('newRSDup', 0, { image: 'nginx', ageS: 60 }), 'different-hash');
  const oldRS = rs('oldRS', 0, { image: 'nginx-old-1', ageS: 0 });
  const cases: Array<[string, KObject[], KObject | undefined]> = [
    [
      'Get new ReplicaSet with the same template as Deployment spec but different pod-template-hash value',
      [newRS, oldRS],
      newRS,
    ],
    [
      'Get the oldest new ReplicaSet when there are more than one ReplicaSet with the same template',
      [newRS, oldRS, newRSDup],
      newRSDup,
    ],
    ['Get nil new ReplicaSet', [oldRS], undefined],
  ];
  return cases.map(([name, sets, expected]) =>
    at('TestFindNewReplicaSet', name, () => expect(findNewReplicaSet(d, sets)).toBe(expected)),
  );
}

/** deployment(desired, current, updated, available, maxUnavailable, maxSurge) of the Go test. */
const COMPLETE: Array<[string, [number, number, number, number, number, number], boolean]> = [
  ['not complete: min but not all pods become available', [5, 5, 5, 4, 1, 0], false],
  ['not complete: min availability is not honored', [5, 5, 5, 3, 1, 0], false],
  ['complete', [5, 5, 5, 5, 0, 0], true],
  ['not complete: all pods are available but not updated', [5, 5, 4, 5, 0, 0], false],
  ['not complete: still running old pods', [1, 2, 1, 1, 0, 1], false],
  ['not complete: one replica deployment never comes up', [1, 1, 1, 0, 1, 1], false],
];

const DEPLOYMENT_COMPLETE = COMPLETE.map(([name, [desired, current, updated, available, mu, ms], expected]) =>
  at('TestDeploymentComplete', name, () => {
    const d = deployment(desired, { maxSurge: ms, maxUnavailable: mu });
    const status = {
      replicas: current,
      updatedReplicas: updated,
      availableReplicas: available,
      observedGeneration: 1,
    };
    expect(deploymentComplete(d, status)).toBe(expected);
  }),
);

/**
 * TestGetReplicaSetFraction, through `proportion` (GetProportion) with nothing yet added and an
 * allowance far larger than the fraction, where GetProportion returns the fraction itself. The
 * Deployment has maxUnavailable 1 and the case's maxSurge and status.replicas.
 */
const FRACTION: Array<
  [string, { dep: number; status?: number; surge?: number; rs: number; max?: string }, number]
> = [
  ['empty deployment always scales to 0', { dep: 0, rs: 10 }, -10],
  [
    'unsynced deployment does not scale when max-replicas annotation is missing (removed by a 3rd party)',
    { dep: 10, rs: 5 },
    0,
  ],
  [
    'unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0 (by a 3rd party)',
    { dep: 10, rs: 5, max: '0' },
    0,
  ],
  [
    'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing (removed by a 3rd party)',
    { dep: 120, status: 100, rs: 50 },
    10,
  ],
  [
    'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is incorrectly set to 0 (by a 3rd party)',
    { dep: 120, status: 100, rs: 50, max: '0' },
    10,
  ],
  ['scale up by 1/5 should increase RS replicas by 1/5', { dep: 120, rs: 50, max: '100' }, 10],
  [
    'scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5',
    { dep: 120, surge: 10, rs: 50, max: '110' },
    9,
  ],
  ['scale down by 1/6 should decrease RS replicas by 1/6', { dep: 10, rs: 6, max: '12' }, -1],
  [
    'scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6',
    { dep: 100, surge: 10, rs: 50, max: '130' },
    -8,
  ],
];

const UNBOUNDED = 1_000_000;

const REPLICA_SET_FRACTION = FRACTION.map(([name, c, expected]) =>
  at('TestGetReplicaSetFraction', name, () => {
    const d = deployment(c.dep, { maxSurge: c.surge ?? 0, maxUnavailable: 1 });
    d.status = { replicas: c.status ?? 0 };
    const set = rs('nginx', c.rs, { annotations: c.max === undefined ? {} : { [MAX_REPLICAS]: c.max } });
    // Either sign of allowance: min(fraction, +big) and max(fraction, −big) are the fraction.
    expect(proportion(set, d, UNBOUNDED, 0, CORRECT)).toBe(expected);
    expect(proportion(set, d, -UNBOUNDED, 0, CORRECT)).toBe(expected);
  }),
);

/** ReplicasAnnotationsNeedUpdate(rs, 10, 20). */
const NEED_UPDATE: Array<[string, Record<string, string> | undefined, boolean]> = [
  ['test Annotations nil', undefined, true],
  ['test desiredReplicas update', { [DESIRED_REPLICAS]: '8', [MAX_REPLICAS]: '20' }, true],
  ['test maxReplicas update', { [DESIRED_REPLICAS]: '10', [MAX_REPLICAS]: '16' }, true],
  ["test needn't update", { [DESIRED_REPLICAS]: '10', [MAX_REPLICAS]: '20' }, false],
];

const REPLICAS_ANNOTATIONS_NEED_UPDATE = NEED_UPDATE.map(([name, annotations, expected]) =>
  at('TestReplicasAnnotationsNeedUpdate', name, () => {
    const set = rs('hello', 0);
    set.metadata.annotations = annotations;
    const want = { [DESIRED_REPLICAS]: '10', [MAX_REPLICAS]: '20' };
    expect(needsAnnotations(set, want)).toBe(expected);
  }),
);

/**
 * TestAnnotationUtils' SetReplicasAnnotations (10 desired, 11 max: a Deployment of 10 with maxSurge
 * 1) and IsSaturated subtests. SetNewReplicaSetAnnotations is not ported: kubeprop does not write
 * the revision-history annotation.
 */
const ANNOTATION_UTILS = [
  at('TestAnnotationUtils', 'SetReplicasAnnotations', () => {
    expect(replicasAnnotations(deployment(10, { maxSurge: 1, maxUnavailable: 1 }), CORRECT)).toEqual({
      [DESIRED_REPLICAS]: '10',
      [MAX_REPLICAS]: '11',
    });
  }),
  at('TestAnnotationUtils', 'IsSaturated', () => {
    const set = rs('nginx', 1, { available: 1, annotations: { [DESIRED_REPLICAS]: '1' } });
    expect(isSaturated(deployment(1), set)).toBe(true);
  }),
];

type Counts = [number, number, number, number];

/** deployment(current, updated, ready, available) and newStatus(...) of the Go test. */
const PROGRESSING: Array<[string, Counts, Counts, boolean]> = [
  ['progressing: updated pods', [10, 4, 4, 4], [10, 6, 4, 4], true],
  ['not progressing', [10, 4, 4, 4], [10, 4, 4, 4], false],
  ['progressing: old pods removed', [10, 4, 6, 6], [8, 4, 6, 6], true],
  ['not progressing: less new pods', [10, 7, 3, 3], [10, 6, 3, 3], false],
  ['progressing: less overall but more new pods', [10, 4, 7, 7], [8, 8, 5, 5], true],
  ['progressing: more ready pods', [10, 10, 9, 8], [10, 10, 10, 8], true],
  ['progressing: more available pods', [10, 10, 10, 9], [10, 10, 10, 10], true],
];

const counts = ([replicas, updatedReplicas, readyReplicas, availableReplicas]: Counts) => ({
  replicas,
  updatedReplicas,
  readyReplicas,
  availableReplicas,
});

const DEPLOYMENT_PROGRESSING = PROGRESSING.map(([name, before, after, expected]) =>
  at('TestDeploymentProgressing', name, () => {
    const d = deployment(10);
    d.status = counts(before);
    expect(progressed(d, counts(after) as DeploymentStatus)).toBe(expected);
  }),
);

/** timeFn(min, sec) of the Go test: 2016-01-01 00:min:sec UTC. */
const timeFn = (min: number, sec: number) => Date.UTC(2016, 0, 1, 0, min, sec);

/** [name, progressDeadlineSeconds, reason, condition lastUpdateTime, now, expected]. */
const TIMED_OUT: Array<[string, number | undefined, string, number, number, boolean]> = [
  ['nil progressDeadlineSeconds specified - no timeout', undefined, '', timeFn(1, 9), timeFn(1, 20), false],
  [
    'infinite progressDeadlineSeconds specified - no timeout',
    2_147_483_647,
    '',
    timeFn(1, 9),
    timeFn(1, 20),
    false,
  ],
  [
    'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:09 => 11s',
    10,
    '',
    timeFn(1, 9),
    timeFn(1, 20),
    true,
  ],
  [
    'progressDeadlineSeconds: 10s, now - started => 00:01:20 - 00:01:11 => 9s',
    10,
    '',
    timeFn(1, 11),
    timeFn(1, 20),
    false,
  ],
  [
    'previous status was a complete deployment',
    undefined,
    'NewReplicaSetAvailable',
    parseTimestamp('0001-01-01T00:00:00Z'),
    timeFn(1, 20),
    false,
  ],
];

const DEPLOYMENT_TIMED_OUT = TIMED_OUT.map(([name, pds, reason, from, now, expected]) =>
  at('TestDeploymentTimedOut', name, () => {
    const d = deployment(1);
    if (pds !== undefined) (d.spec as Record<string, unknown>).progressDeadlineSeconds = pds;
    const t = formatTimestamp(from);
    const cond: DeploymentCondition = {
      type: 'Progressing',
      status: 'True',
      reason,
      message: '',
      lastUpdateTime: t,
      lastTransitionTime: t,
    };
    expect(timedOut(d, cond, now)).toBe(expected);
  }),
);

export const cases: PortedCase[] = [
  ...NEW_RS_NEW_REPLICAS,
  ...RESOLVE_FENCEPOSTS,
  ...MAX_UNAVAILABLE_CASES,
  ...EQUAL_IGNORE_HASH_CASES,
  ...findNewCases(),
  ...DEPLOYMENT_COMPLETE,
  ...REPLICA_SET_FRACTION,
  ...REPLICAS_ANNOTATIONS_NEED_UPDATE,
  ...ANNOTATION_UTILS,
  ...DEPLOYMENT_PROGRESSING,
  ...DEPLOYMENT_TIMED_OUT,
];
