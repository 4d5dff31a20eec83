/**
 * The judge (invariants/semantics/deployment.ts) and the accused (controllers/deployment/util.ts
 * and plan.ts) state Kubernetes' Deployment arithmetic separately. On generated Deployments they
 * must agree: the fenceposts (maxSurge rounds up, maxUnavailable down) and the sizes a resize during
 * a paused rollout gives each ReplicaSet (GetProportion, leftovers to the largest). A disagreement
 * names both answers; the swapped-rounding and scale-newest-only mutants disagree, so the property
 * can tell them from the real thing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planSync } from '../../src/controllers/deployment/plan.ts';
import { maxSurgeOf, maxUnavailableOf } from '../../src/controllers/deployment/util.ts';
import { CORRECT, DEPLOYMENT_VARIANTS } from '../../src/controllers/deployment/variants.ts';
import { fenceposts, proportionalSizes } from '../../src/invariants/semantics/deployment.ts';
import { formatTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';

const SEED = 20_261_206;
const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
);

function deployment(replicas: number, maxSurge: number | string, maxUnavailable: number | string): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', uid: 'd-1', resourceVersion: '9', generation: 3 },
    spec: {
      replicas,
      paused: true,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } },
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'v9' }] },
      },
    },
    status: { replicas: 0 },
  } as KObject;
}

function replicaSet(i: number, size: number, maxReplicas: number): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `web-${i}`,
      namespace: 'default',
      uid: `rs-${i}`,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: formatTimestamp(1_000 * (i % 3)),
      annotations: {
        'deployment.kubernetes.io/revision': String(i + 1),
        'deployment.kubernetes.io/desired-replicas': String(maxReplicas),
        'deployment.kubernetes.io/max-replicas': String(maxReplicas),
      },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd-1', controller: true },
      ],
    },
    spec: {
      replicas: size,
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: `v${i}` }] },
      },
    },
    status: { replicas: size, availableReplicas: size },
  } as KObject;
}

/** The sizes the controller's sync gives the sets, by name. */
function controllerSizes(d: KObject, sets: KObject[], variant = CORRECT): Record<string, number> {
  const plan = planSync({ d, sets, oldPodsRunning: () => false, nowMs: 10_000, v: variant });
  return Object.fromEntries(plan.sets.map((s) => [s.metadata.name, s.spec?.replicas ?? 0]));
}

const resizeArb = fc.record({
  replicas: fc.integer({ min: 0, max: 30 }),
  maxSurge: intOrPercent,
  maxUnavailable: intOrPercent,
  sizes: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 2, maxLength: 4 }),
  annotated: fc.integer({ min: 1, max: 30 }),
});

describe('judge vs Deployment controller', () => {
  it('fenceposts agree on every replicas, maxSurge and maxUnavailable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        intOrPercent,
        intOrPercent,
        (replicas, surge, unavailable) => {
          const d = deployment(replicas, surge, unavailable);
          const judge = fenceposts(d);
          expect({ maxSurge: maxSurgeOf(d, CORRECT), maxUnavailable: maxUnavailableOf(d, CORRECT) }).toEqual(
            judge,
          );
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });

  it('a resize during a paused rollout gives each ReplicaSet the size GetProportion gives', () => {
    fc.assert(
      fc.property(resizeArb, (p) => {
        const d = deployment(p.replicas, p.maxSurge, p.maxUnavailable);
        const sets = p.sizes.map((size, i) => replicaSet(i, size, p.annotated));
        expect(controllerSizes(d, sets)).toEqual(Object.fromEntries(proportionalSizes(d, sets)));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('the mutants swapped-rounding and scale-newest-only disagree with the judge', () => {
    const swapped = DEPLOYMENT_VARIANTS['swapped-rounding']!.variant;
    const d = deployment(10, '25%', '25%');
    expect(maxSurgeOf(d, swapped)).not.toBe(fenceposts(d).maxSurge);
    const newest = DEPLOYMENT_VARIANTS['scale-newest-only']!.variant;
    const big = deployment(20, 3, 0);
    const sets = [replicaSet(0, 8, 13), replicaSet(1, 5, 13)];
    expect(controllerSizes(big, sets, newest)).not.toEqual(Object.fromEntries(proportionalSizes(big, sets)));
  });
});
