/**
 * pkg/controller/deployment/rolling_test.go → one sync of `deployment/plan.ts` `planSync`: the Go
 * tests call reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas and
 * scaleDownOldReplicaSetsForRollingUpdate one at a time; kubeprop's sync runs them in that order
 * and tags each ReplicaSet write with the step that made it (`reason`), which is what is compared.
 * The Go tables are unnamed; each case is named by its inputs. The version read is the store's
 * copy of rolling_test.go, an early one (extensions/v1beta1); later releases may differ.
 */
import { expect } from 'vitest';
import type { PortedCase, Source } from '../harness.ts';
import { deployment, plan, rs, sizesAfter } from './deployment_fake.ts';

export const SOURCE: Source = {
  controller: 'Deployment',
  file: 'pkg/controller/deployment/rolling_test.go',
  version: '00bdb3fade2ef1ada898bd8fae2c6a1958da3a5d',
};

const at = (func: string, name: string, run: () => void): PortedCase => ({ source: SOURCE, func, name, run });

const RECONCILE_NEW = [
  { dep: 10, surge: 0, old: 10, new: 0, expected: undefined },
  { dep: 10, surge: 2, old: 10, new: 0, expected: 2 },
  { dep: 10, surge: 2, old: 5, new: 0, expected: 7 },
  { dep: 10, surge: 2, old: 10, new: 2, expected: undefined },
  // a new set above spec.replicas is scaled down to it
  { dep: 10, surge: 2, old: 2, new: 11, expected: 10 },
].map((c) =>
  at(
    'TestDeploymentController_reconcileNewReplicaSet',
    `deployment ${c.dep}, maxSurge ${c.surge}, old ${c.old}, new ${c.new} -> ${c.expected ?? 'no scale'}`,
    () => {
      const d = deployment(c.dep, { maxSurge: c.surge, maxUnavailable: 0 });
      const sets = [rs('foo-v1', c.old, { image: 'old', ageS: 60 }), rs('foo-v2', c.new, { revision: 2 })];
      const scaled = plan(d, sets).filter((w) => w.reason === 'scale-new');
      expect(scaled.map((w) => w.to)).toEqual(c.expected === undefined ? [] : [c.expected]);
    },
  ),
);

const RECONCILE_OLD = [
  { dep: 10, unavailable: 0, old: 10, new: 0, oldReady: 10, newReady: 0, expected: 9 },
  { dep: 10, unavailable: 2, old: 10, new: 0, oldReady: 10, newReady: 0, expected: 8 },
  // unhealthy replicas of old ReplicaSets are cleaned up first
  { dep: 10, unavailable: 2, old: 10, new: 0, oldReady: 8, newReady: 0, expected: 8 },
  // one unhealthy replica cleaned up, one ready one scaled down
  { dep: 10, unavailable: 2, old: 10, new: 0, oldReady: 9, newReady: 0, expected: 8 },
  // the new ReplicaSet's unavailable pods keep the old ones from scaling down further
  { dep: 10, unavailable: 2, old: 8, new: 2, oldReady: 8, newReady: 0, expected: undefined },
].map((c) =>
  at(
    'TestDeploymentController_reconcileOldReplicaSets',
    `deployment ${c.dep}, maxUnavailable ${c.unavailable}, old ${c.old} (${c.oldReady} ready), new ${c.new} -> ${c.expected ?? 'no scale'}`,
    () => {
      const d = deployment(c.dep, { maxSurge: 0, maxUnavailable: c.unavailable });
      const sets = [
        rs('foo-v1', c.old, { image: 'old', available: c.oldReady, ageS: 60 }),
        rs('foo-v2', c.new, { available: c.newReady, revision: 2 }),
      ];
      const writes = plan(d, sets).filter((w) => w.rs.metadata.name === 'foo-v1');
      if (c.expected === undefined) expect(writes).toEqual([]);
      else expect(sizesAfter(writes, sets)['foo-v1']).toBe(c.expected);
    },
  ),
);

/**
 * maxScaledDown (the clean-up budget) is the replicas asked for − minAvailable − the new set's
 * unavailable replicas: with 10 old replicas, a new set of 0 and maxSurge 0, it is maxUnavailable.
 * A budget of 0 is maxUnavailable 0 (with maxSurge 2, as the Go test's Deployment has, so the
 * fenceposts stay 0): reconcileOldReplicaSets then returns before clean-up, and nothing is cleaned.
 */
const CLEANUP = [
  { old: 10, ready: 8, maxCleanup: 1, cleaned: 1 },
  { old: 10, ready: 8, maxCleanup: 3, cleaned: 2 },
  { old: 10, ready: 8, maxCleanup: 0, cleaned: 0 },
  { old: 10, ready: 10, maxCleanup: 3, cleaned: 0 },
].map((c) =>
  at(
    'TestDeploymentController_cleanupUnhealthyReplicas',
    `old ${c.old}, ${c.ready} ready, budget ${c.maxCleanup} -> ${c.cleaned} cleaned up`,
    () => {
      const d = deployment(10, { maxSurge: c.maxCleanup === 0 ? 2 : 0, maxUnavailable: c.maxCleanup });
      const sets = [
        rs('foo-v1', c.old, { image: 'old', available: c.ready, ageS: 60 }),
        rs('foo-v2', 0, { revision: 2 }),
      ];
      const cleaned = plan(d, sets).filter((w) => w.reason === 'cleanup-unhealthy');
      expect(cleaned.reduce((n, w) => n + w.from - w.to, 0)).toBe(c.cleaned);
    },
  ),
);

const SCALE_DOWN_OLD = [
  { dep: 10, unavailable: 0, ready: 10, old: 10, expected: 9 },
  { dep: 10, unavailable: 2, ready: 10, old: 10, expected: 8 },
  { dep: 10, unavailable: 2, ready: 8, old: 10, expected: undefined },
  { dep: 10, unavailable: 2, ready: 10, old: 0, expected: undefined },
  { dep: 10, unavailable: 2, ready: 1, old: 10, expected: undefined },
].map((c) =>
  at(
    'TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate',
    `deployment ${c.dep}, maxUnavailable ${c.unavailable}, ${c.ready} ready of ${c.old} old -> ${c.expected ?? 'no scale'}`,
    () => {
      const d = deployment(c.dep, { maxSurge: 0, maxUnavailable: c.unavailable });
      // The unit under test sees the old set alone; the new set here asks for nothing yet.
      const sets = [
        rs('foo-v1', c.old, { image: 'old', available: c.ready, ageS: 60 }),
        rs('foo-v2', 0, { revision: 2 }),
      ];
      // With `ready` below `old`, clean-up takes the unhealthy replicas (TestReconcileOldReplicaSets);
      // this case checks only that the healthy ones are not scaled down.
      const scaled = plan(d, sets).filter((w) => w.reason === 'scale-down-old');
      if (c.expected === undefined) expect(scaled).toEqual([]);
      else expect(scaled.map((w) => w.to)).toEqual([c.expected]);
    },
  ),
);

export const cases: PortedCase[] = [...RECONCILE_NEW, ...RECONCILE_OLD, ...CLEANUP, ...SCALE_DOWN_OLD];
