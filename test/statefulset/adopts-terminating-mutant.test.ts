/**
 * The terminating-orphan rule of ownership.single-controller has teeth: a controller whose claim
 * also adopts orphans its cache already shows terminating (ClaimPods without its deletionTimestamp
 * check) is caught, while the correct one passes the same scenario. The mutant is local to this
 * file (planClaims wrapped through vi.mock), so the catalogue and its campaigns are unchanged.
 */
import { describe, expect, it, vi } from 'vitest';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const mutant = vi.hoisted(() => ({ on: false }));

vi.mock('../../src/controllers/shared/claim.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/controllers/shared/claim.ts')>();
  return {
    ...real,
    planClaims<T extends KObject>(objs: readonly T[], o: Parameters<typeof real.planClaims>[1]) {
      const plan = real.planClaims(objs, o);
      if (!mutant.on || o.ownerDeleting) return plan;
      const dying = real.planClaims(
        objs.map((p) => ({ ...p, metadata: { ...p.metadata, deletionTimestamp: undefined } })),
        o,
      );
      const extra = objs.filter(
        (p) => p.metadata.deletionTimestamp && dying.adopt.some((d) => d.metadata.uid === p.metadata.uid),
      );
      return { ...plan, adopt: [...plan.adopt, ...extra] };
    },
  };
});

const SCENARIO = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: adopts-terminating-orphan }
spec:
  seed: 7
  cluster: { nodes: [{ count: 1 }] }
  objects:
    - apiVersion: apps/v1
      kind: StatefulSet
      metadata: { name: db }
      spec:
        replicas: 2
        serviceName: db
        selector: { matchLabels: { app: db } }
        template:
          metadata: { labels: { app: db } }
          spec: { containers: [{ name: db, image: db:1 }] }
  events:
    - { at: 25s, do: add-finalizer, pod: db-0, finalizer: example.com/hold }
    - { at: 30s, do: delete-pod, pod: db-0 }
    - { at: 31s, do: delete-object, target: statefulset/db, propagation: Orphan }
    - at: 33s
      do: create-object
      object:
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: { name: db }
        spec:
          replicas: 2
          serviceName: db
          selector: { matchLabels: { app: db } }
          template:
            metadata: { labels: { app: db } }
            spec: { containers: [{ name: db, image: db:1 }] }
    - { at: 60s, do: remove-finalizer, finalizer: example.com/hold }
  settle: 3m
`;

function verdict(on: boolean) {
  mutant.on = on;
  try {
    const r = runScenario(parseScenarioText(SCENARIO, 'adopts-terminating-orphan.yaml'));
    return r.invariants.find((i) => i.id === 'ownership.single-controller');
  } finally {
    mutant.on = false;
  }
}

describe('StatefulSet: adopting an orphan the cache shows terminating', () => {
  it('the correct controller passes', () => {
    expect(verdict(false)?.status).toBe('held');
  });

  it('a claim that adopts terminating orphans is caught by ownership.single-controller', () => {
    const v = verdict(true);
    expect(v?.status).toBe('violated');
    expect(v?.violations[0]?.message).toMatch(
      /^statefulset\/db adopted pod\/db-0 although it was terminating$/,
    );
  });
});
