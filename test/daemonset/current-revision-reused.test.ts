/**
 * Pods of a DaemonSet's current template carry the current ControllerRevision's hash label, and
 * that need not be `hash(template, collisionCount)`: a revision re-used by a rollback, or found
 * under its name after a same-name re-create, keeps the hash it was made with. The rollout-budget
 * and failed-pod-backoff judges computed the hash from the template alone, so such a DaemonSet's
 * current pods looked old: a surge beside them was a false alarm, and a hot loop on them was missed.
 */
import { describe, expect, it } from 'vitest';
import { daemonsetFailedPodBackoff } from '../../src/invariants/daemonset-failed-pod-backoff.ts';
import { daemonsetRolloutBudget } from '../../src/invariants/daemonset-rollout-budget.ts';
import { computeHash } from '../../src/model/hash.ts';
import type { KObject } from '../../src/model/types.ts';
import type { WriteRecord } from '../../src/sim/api/types.ts';
import { DEFAULT_SIM_OPTIONS } from '../../src/sim/options.ts';
import { World } from '../../src/sim/world.ts';

const TEMPLATE = {
  metadata: { labels: { app: 'agent' } },
  spec: { containers: [{ name: 'a', image: 'agent:v1' }] },
};
/** The hash the re-used revision was made with (under an earlier collisionCount). */
const REUSED = computeHash(TEMPLATE, 1);
const READY = [{ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }];

const daemonSet = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'agent', namespace: 'default', uid: 'ds-uid', resourceVersion: '1' },
  spec: {
    selector: { matchLabels: { app: 'agent' } },
    template: TEMPLATE,
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  },
  status: { collisionCount: 0, observedGeneration: 1 },
} as unknown as KObject;

/** A world whose store holds the DaemonSet's current revision, labelled with the re-used hash. */
function worldWithReusedRevision(): World {
  const world = new World({ seed: 1, sim: { ...DEFAULT_SIM_OPTIONS, keepTrace: false } });
  const created = world.store.create('test', {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `agent-${REUSED}`,
      labels: { 'controller-revision-hash': REUSED },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true },
      ],
    },
    data: { spec: { template: TEMPLATE } },
    revision: 3,
  } as unknown as KObject);
  if (!created.ok) throw new Error(created.message);
  return world;
}

function pod(name: string, node: string, hash: string, phase = 'Running'): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      resourceVersion: '1',
      labels: { app: 'agent', 'controller-revision-hash': hash },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true },
      ],
    },
    spec: { nodeName: node, containers: [{ name: 'a', image: 'agent:v1' }] },
    status: { phase, conditions: phase === 'Running' ? READY : [] },
  } as unknown as KObject;
}

const node = (name: string) =>
  ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, resourceVersion: '1' },
  }) as unknown as KObject;

describe('DaemonSet judges: the current revision is a re-used one', () => {
  it('daemonset.rollout-budget: a surge pod beside an old one, where a current pod already stands beside another, fits maxSurge 1', () => {
    const world = worldWithReusedRevision();
    // node-1: the current pod is available and its old pod not yet gone; node-2 runs the old pod.
    const view = {
      pods: [
        pod('agent-new1', 'node-1', REUSED),
        pod('agent-old1', 'node-1', 'old'),
        pod('agent-old2', 'node-2', 'old'),
      ],
      nodes: [node('node-1'), node('node-2')],
      atMs: 60_000,
    };
    const surge: WriteRecord = {
      verb: 'create',
      kind: 'Pod',
      key: 'default/agent-new2',
      actor: 'daemonset-controller',
      after: pod('agent-new2', 'node-2', REUSED, 'Pending'),
      removed: false,
      cause: {
        controller: 'daemonset',
        reason: 'surge',
        ownerUid: daemonSet.metadata.uid,
        node: 'node-2',
        nodeView: node('node-2'),
        dsView: daemonSet,
        process: 0,
        plannedAtMs: 0,
        rollView: view,
      },
    };
    world.store.stepWrites = [surge];
    expect(daemonsetRolloutBudget.check(world).map((f) => f.message)).toEqual([]);
  });

  it('daemonset.failed-pod-backoff: two Failed current pods deleted on one node 100 ms apart are a hot loop', () => {
    const world = worldWithReusedRevision();
    const deleteFailed = (name: string, plannedAtMs: number): WriteRecord => ({
      verb: 'delete',
      kind: 'Pod',
      key: `default/${name}`,
      actor: 'daemonset-controller',
      before: pod(name, 'node-1', REUSED, 'Failed'),
      removed: false,
      cause: {
        controller: 'daemonset',
        reason: 'failed',
        ownerUid: daemonSet.metadata.uid,
        node: 'node-1',
        nodeView: node('node-1'),
        dsView: daemonSet,
        process: 0,
        plannedAtMs,
      },
    });
    world.store.stepWrites = [deleteFailed('agent-a', 10_000)];
    expect(daemonsetFailedPodBackoff.check(world)).toEqual([]);
    world.store.stepWrites = [deleteFailed('agent-b', 10_100)];
    expect(daemonsetFailedPodBackoff.check(world).map((f) => f.message)).toEqual([
      'daemonset/agent deleted Failed pod/agent-b on node-1 100 ms after the previous Failed pod there, inside its back-off of 1000 ms (a create/delete hot loop)',
    ]);
  });
});
