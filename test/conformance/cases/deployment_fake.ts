/**
 * Fixtures shared by the Deployment case modules: the Go tests' newDeployment (maxSurge 0 and
 * maxUnavailable 0 unless a case sets them) and newReplicaSet (availableReplicas is the case's
 * ready pods), and one sync of kubeprop's Deployment controller (`plan.ts` `planSync`), whose
 * ReplicaSet writes are what the Go tests' fake client records.
 */
import { planSync, type RsWrite } from '../../../src/controllers/deployment/plan.ts';
import { REVISION } from '../../../src/controllers/deployment/util.ts';
import { CORRECT } from '../../../src/controllers/deployment/variants.ts';
import { formatTimestamp } from '../../../src/model/time.ts';
import type { KObject } from '../../../src/model/types.ts';

export type IntOrPercent = number | string;

export const NOW_MS = 1_000_000;

export const template = (image: string) => ({
  metadata: { labels: { app: 'foo' } },
  spec: { containers: [{ name: 'c', image }] },
});

export function deployment(
  replicas: number,
  opts: { maxSurge?: IntOrPercent; maxUnavailable?: IntOrPercent; image?: string; recreate?: boolean } = {},
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', uid: 'd-uid', resourceVersion: '1', generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'foo' } },
      strategy: opts.recreate
        ? { type: 'Recreate' }
        : {
            type: 'RollingUpdate',
            rollingUpdate: { maxSurge: opts.maxSurge ?? 0, maxUnavailable: opts.maxUnavailable ?? 0 },
          },
      template: template(opts.image ?? 'new'),
    },
    status: {},
  } as KObject;
}

/** A ReplicaSet of the Deployment; `ageS` orders creation (larger is older). */
export function rs(
  name: string,
  replicas: number,
  opts: {
    available?: number;
    image?: string;
    ageS?: number;
    revision?: number;
    annotations?: Record<string, string>;
  } = {},
): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `${name}-uid`,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: formatTimestamp(NOW_MS - (opts.ageS ?? 0) * 1000),
      annotations: { [REVISION]: String(opts.revision ?? 1), ...(opts.annotations ?? {}) },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: 'd-uid', controller: true },
      ],
    },
    spec: { replicas, minReadySeconds: 0, template: template(opts.image ?? 'new') },
    status: { replicas, availableReplicas: opts.available ?? replicas, observedGeneration: 1 },
  } as KObject;
}

/** One sync's ReplicaSet writes (no old pod is running: Recreate is not blocked). */
export function plan(d: KObject, sets: KObject[]): RsWrite[] {
  return planSync({ d, sets, oldPodsRunning: () => false, nowMs: NOW_MS, v: CORRECT }).writes;
}

/** The size each ReplicaSet ends at after the sync's writes. */
export function sizesAfter(writes: readonly RsWrite[], sets: readonly KObject[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) out[s.metadata.name] = s.spec?.replicas ?? 0;
  for (const w of writes) if (w.op !== 'delete') out[w.rs.metadata.name] = w.to;
  return out;
}
