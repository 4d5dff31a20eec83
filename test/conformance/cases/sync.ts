/**
 * pkg/controller/deployment/sync_test.go TestScale → one sync of `deployment/plan.ts` `planSync`
 * on a resized Deployment: the sizes every ReplicaSet ends at (proportional scaling, leftovers to
 * the newest or oldest set). Each set was last sized for the old Deployment, as the Go test's
 * SetReplicasAnnotations leaves it.
 */
import { expect } from 'vitest';
import { DESIRED_REPLICAS, MAX_REPLICAS, REVISION } from '../../../src/controllers/deployment/util.ts';
import type { KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';
import { deployment, plan, rs, sizesAfter } from './deployment_fake.ts';

export const SOURCE: Source = {
  controller: 'Deployment',
  file: 'pkg/controller/deployment/sync_test.go',
  version: '003e86297d18a8538c9da3619871393f9703bf70',
};

interface Case {
  name: string;
  dep: number;
  oldDep: number;
  surge?: number;
  oldSurge?: number;
  unavailable?: number;
  newRS?: [string, number, number?];
  oldRSs: Array<[string, number]>;
  expected: Record<string, number>;
  desiredAnnotations?: Record<string, number>;
}
const SCALE: Case[] = [
  {
    name: 'normal scaling event: 10 -> 12',
    dep: 12,
    oldDep: 10,
    newRS: ['foo-v1', 10],
    oldRSs: [],
    expected: { 'foo-v1': 12 },
  },
  {
    name: 'normal scaling event: 10 -> 5',
    dep: 5,
    oldDep: 10,
    newRS: ['foo-v1', 10],
    oldRSs: [],
    expected: { 'foo-v1': 5 },
  },
  {
    name: 'proportional scaling: 5 -> 10',
    dep: 10,
    oldDep: 5,
    newRS: ['foo-v2', 2],
    oldRSs: [['foo-v1', 3]],
    expected: { 'foo-v2': 4, 'foo-v1': 6 },
  },
  {
    name: 'proportional scaling: 5 -> 3',
    dep: 3,
    oldDep: 5,
    newRS: ['foo-v2', 2],
    oldRSs: [['foo-v1', 3]],
    expected: { 'foo-v2': 1, 'foo-v1': 2 },
  },
  {
    name: 'proportional scaling: 9 -> 4',
    dep: 4,
    oldDep: 9,
    newRS: ['foo-v2', 8],
    oldRSs: [['foo-v1', 1]],
    expected: { 'foo-v2': 4, 'foo-v1': 0 },
  },
  {
    name: 'proportional scaling: 7 -> 10',
    dep: 10,
    oldDep: 7,
    newRS: ['foo-v3', 2],
    oldRSs: [
      ['foo-v2', 3],
      ['foo-v1', 2],
    ],
    expected: { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 },
  },
  {
    name: 'proportional scaling: 13 -> 8',
    dep: 8,
    oldDep: 13,
    newRS: ['foo-v3', 2],
    oldRSs: [
      ['foo-v2', 8],
      ['foo-v1', 3],
    ],
    expected: { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 },
  },
  {
    name: 'leftover distribution: 3 -> 4',
    dep: 4,
    oldDep: 3,
    newRS: ['foo-v3', 1],
    oldRSs: [
      ['foo-v2', 1],
      ['foo-v1', 1],
    ],
    expected: { 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 },
  },
  {
    name: 'leftover distribution: 3 -> 2',
    dep: 2,
    oldDep: 3,
    newRS: ['foo-v3', 1],
    oldRSs: [
      ['foo-v2', 1],
      ['foo-v1', 1],
    ],
    expected: { 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 },
  },
  {
    name: 'proportional scaling (no new rs): 4 -> 5',
    dep: 5,
    oldDep: 4,
    oldRSs: [
      ['foo-v2', 2],
      ['foo-v1', 2],
    ],
    expected: { 'foo-v2': 3, 'foo-v1': 2 },
  },
  {
    name: 'proportional scaling: 6 -> 0',
    dep: 0,
    oldDep: 6,
    newRS: ['foo-v3', 3],
    oldRSs: [
      ['foo-v2', 2],
      ['foo-v1', 1],
    ],
    expected: { 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 },
  },
  {
    name: 'proportional scaling: 0 -> 6',
    dep: 6,
    oldDep: 6,
    newRS: ['foo-v3', 0],
    oldRSs: [
      ['foo-v2', 0],
      ['foo-v1', 0],
    ],
    expected: { 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 },
    desiredAnnotations: { 'foo-v3': 0 },
  },
  {
    name: 'failed rs update',
    dep: 5,
    oldDep: 5,
    newRS: ['foo-v3', 2],
    oldRSs: [
      ['foo-v2', 1],
      ['foo-v1', 1],
    ],
    expected: { 'foo-v3': 2, 'foo-v2': 2, 'foo-v1': 1 },
    desiredAnnotations: { 'foo-v2': 3 },
  },
  {
    name: 'deployment with surge pods',
    dep: 20,
    oldDep: 10,
    surge: 2,
    oldSurge: 2,
    newRS: ['foo-v2', 6],
    oldRSs: [['foo-v1', 6]],
    expected: { 'foo-v2': 11, 'foo-v1': 11 },
  },
  {
    name: 'change both surge and size',
    dep: 50,
    oldDep: 10,
    surge: 6,
    oldSurge: 3,
    newRS: ['foo-v2', 5],
    oldRSs: [['foo-v1', 8]],
    expected: { 'foo-v2': 22, 'foo-v1': 34 },
  },
  {
    name: 'change both size and template',
    dep: 14,
    oldDep: 10,
    oldRSs: [
      ['foo-v2', 7],
      ['foo-v1', 3],
    ],
    expected: { 'foo-v2': 10, 'foo-v1': 4 },
  },
  {
    name: 'saturated but broken new replica set does not affect old pods',
    dep: 2,
    oldDep: 2,
    surge: 1,
    oldSurge: 1,
    unavailable: 1,
    newRS: ['foo-v2', 2, 0],
    oldRSs: [['foo-v1', 1]],
    expected: { 'foo-v2': 2, 'foo-v1': 1 },
  },
];

function runScale(c: Case): void {
  const d = deployment(c.dep, { maxSurge: c.surge ?? 0, maxUnavailable: c.unavailable ?? 0 });
  const annotate = (name: string) => {
    const desired = c.desiredAnnotations?.[name] ?? c.oldDep;
    return { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(desired + (c.oldSurge ?? 0)) };
  };
  const sets: KObject[] = c.oldRSs.map(([name, n], i) =>
    rs(name, n, {
      image: `old-${name}`,
      ageS: 100 * (i + 1),
      revision: c.oldRSs.length - i,
      annotations: annotate(name),
    }),
  );
  if (c.newRS) {
    const [name, n, available] = c.newRS;
    sets.push(
      rs(name, n, { available: available ?? n, revision: c.oldRSs.length + 1, annotations: annotate(name) }),
    );
  }
  expect(sizesAfter(plan(d, sets), sets)).toEqual(c.expected);
}

export const cases: PortedCase[] = SCALE.map((c) => ({
  source: SOURCE,
  func: 'TestScale',
  name: c.name,
  run: () => runScale(c),
}));

/**
 * cleanupDeployment: kubeprop runs it in a paused Deployment's sync (and after a complete
 * rollout); the Go test calls it on the old sets alone. Each case is one paused sync with no new
 * ReplicaSet and spec.replicas equal to what the sets already ask for, so the scale step changes
 * nothing and the deletes are cleanupDeployment's. `[name, spec.replicas, status.replicas,
 * revision ("" for none), age]`; a larger age is older.
 */
type OldSet = [string, number, number, string, number];

function cleanupSync(oldSets: OldSet[], limit: number, deleting: string[] = []): string[] {
  const sets = oldSets.map(([name, spec, status, revision, ageS]) => {
    const o = rs(name, spec, { image: `old-${name}`, ageS });
    o.status = { ...o.status, replicas: status };
    if (revision === '') delete o.metadata.annotations![REVISION];
    else o.metadata.annotations![REVISION] = revision;
    if (!deleting.includes(name)) return o;
    return { ...o, metadata: { ...o.metadata, deletionTimestamp: '2026-01-01T00:00:00Z' } } as KObject;
  });
  const d = deployment(
    sets.reduce((n, s) => n + (s.spec?.replicas ?? 0), 0),
    { maxSurge: 0, maxUnavailable: 1 },
  );
  d.spec = { ...d.spec, paused: true, revisionHistoryLimit: limit };
  return plan(d, sets)
    .filter((w) => w.op === 'delete')
    .map((w) => w.rs.metadata.name)
    .sort();
}

const oldSet = (name: string, spec: number, status: number, i: number): OldSet => [
  name,
  spec,
  status,
  String(i),
  100 - i,
];

const CLEANUP: Array<[string, OldSet[], number, number, string[]?]> = [
  ['0 (three empty sets, limit 1)', ['foo-1', 'foo-2', 'foo-3'].map((n, i) => oldSet(n, 0, 0, i + 1)), 1, 2],
  [
    '1 (only the set with spec and status replicas 0)',
    [oldSet('foo-1', 0, 0, 1), oldSet('foo-2', 0, 1, 2), oldSet('foo-3', 1, 0, 3), oldSet('foo-4', 1, 1, 4)],
    0,
    1,
  ],
  ['2 (two empty sets, limit 0)', [oldSet('foo-1', 0, 0, 1), oldSet('foo-2', 0, 0, 2)], 0, 2],
  ['3 (two sets with replicas, limit 0)', [oldSet('foo-1', 1, 1, 1), oldSet('foo-2', 1, 1, 2)], 0, 0],
  ['4 (a set already being deleted)', [oldSet('foo-1', 0, 0, 1)], 0, 0, ['foo-1']],
  [
    '5 (unlimited revisionHistoryLimit)',
    ['foo-1', 'foo-2', 'foo-3'].map((n, i) => oldSet(n, 0, 0, i + 1)),
    2_147_483_647,
    0,
  ],
];

const CLEANUP_CASES: PortedCase[] = CLEANUP.map(([name, oldSets, limit, deletions, deleting]) => ({
  source: SOURCE,
  func: 'TestDeploymentController_cleanupDeployment',
  name,
  run: () => expect(cleanupSync(oldSets, limit, deleting)).toHaveLength(deletions),
}));

/** newRSWithRevisionAndCreationTimestamp: rs1 < rs2 < rs3 < rs4 by creation; the case's revisions. */
const ordered = (specs: Array<[number, string]>): OldSet[] =>
  specs.map(([replicas, revision], i) => [`foo-${i + 1}`, replicas, replicas, revision, 100 - i * 60]);

const CLEANUP_ORDER: Array<[string, OldSet[], number, string[]]> = [
  [
    'revision order: rs1 < rs2, delete rs1',
    ordered([
      [0, '1'],
      [0, '2'],
    ]),
    1,
    ['foo-1'],
  ],
  [
    'revision order: rs2 < rs1, delete rs2',
    ordered([
      [0, '2'],
      [0, '1'],
    ]),
    1,
    ['foo-2'],
  ],
  [
    "rs1 has revision but rs2 doesn't have revision, delete rs2",
    ordered([
      [0, '1'],
      [0, ''],
    ]),
    1,
    ['foo-2'],
  ],
  [
    "rs1 doesn't have revision while rs2 has revision, delete rs1",
    ordered([
      [0, ''],
      [0, '2'],
    ]),
    1,
    ['foo-1'],
  ],
  [
    'revision order: rs1 < rs2 < r3, but rs1 has replicas, delete rs2',
    ordered([
      [1, '1'],
      [0, '2'],
      [0, '3'],
    ]),
    1,
    ['foo-2'],
  ],
  [
    "revision order: rs1 < rs2 < r3, both rs1 && rs2 have replicas, don't delete",
    ordered([
      [1, '1'],
      [1, '2'],
      [0, '3'],
    ]),
    1,
    [],
  ],
  [
    'revision order: rs2 < rs4 < rs1 < rs3, delete rs2 && rs4',
    ordered([
      [0, '3'],
      [0, '1'],
      [0, '4'],
      [0, '2'],
    ]),
    2,
    ['foo-2', 'foo-4'],
  ],
];

const CLEANUP_ORDER_CASES: PortedCase[] = CLEANUP_ORDER.map(([name, oldSets, limit, deleted]) => ({
  source: SOURCE,
  func: 'TestDeploymentController_cleanupDeploymentOrder',
  name,
  run: () => expect(cleanupSync(oldSets, limit)).toEqual(deleted),
}));

cases.push(...CLEANUP_CASES, ...CLEANUP_ORDER_CASES);
