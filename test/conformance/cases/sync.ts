/**
 * pkg/controller/deployment/sync_test.go TestScale → one sync of `deployment/plan.ts` `planSync`
 * on a resized Deployment: the sizes every ReplicaSet ends at (proportional scaling, leftovers to
 * the newest or oldest set). Each set was last sized for the old Deployment, as the Go test's
 * SetReplicasAnnotations leaves it.
 */
import { expect } from 'vitest';
import { DESIRED_REPLICAS, MAX_REPLICAS } from '../../../src/controllers/deployment/util.ts';
import type { KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';
import { deployment, plan, rs, sizesAfter } from './deployment_fake.ts';

export const SOURCE: Source = {
  controller: 'Deployment',
  file: 'pkg/controller/deployment/sync_test.go',
  version: '78fc8e44052f699bf598f84b697b41e5a328c9c5',
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
    name: 'leftover distribution: 3 -> 4 (scales up the new replica set)',
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
    name: 'leftover distribution: 3 -> 2 (scales down the older replica set)',
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
    name: 'proportional scaling (no new rs): 4 -> 5 (scales up the latest replica set first)',
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
