/**
 * A StatefulSet deleted (Background) and created again under the same name and template while the
 * garbage collector still holds the old one's ControllerRevision. Shrunk from the false-alarm bench
 * (issue #11) seed 1032 run 30 (scale, delete, create): status.consistent "updatedReplicas=2
 * (expected 0), updateRevision=db-8df5dbb75 (expected db-67c4d767f4)".
 *
 * `CreateControllerRevision` returns the existing revision when its data equals the template
 * (`bytes.Equal`), so no collision is counted; and the update revision is the set's highest-numbered
 * revision equal to its template, whatever hash its name carries, so the judge looks it up rather
 * than recomputing hash(template, collisionCount).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newRevision } from '../../src/controllers/shared/history.ts';
import { expectedUpdateRevision, updateRevisionIn } from '../../src/invariants/workloads/statefulset.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { World } from '../../src/sim/world.ts';

const scenario = JSON.parse(
  readFileSync(new URL('./fixtures/recreate-same-name-status.scenario.json', import.meta.url), 'utf8'),
) as Scenario;

function set(uid: string, image: string, collisionCount = 0): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      name: 'db',
      namespace: 'default',
      uid,
      resourceVersion: '1',
      generation: 1,
      creationTimestamp: '',
    },
    spec: {
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: { containers: [{ name: 'c', image }] } },
    },
    status: { collisionCount },
  };
}

function storeOf(revisions: KObject[]): World {
  return { store: { values: () => revisions.values() } } as unknown as World;
}

describe('StatefulSet: same-name delete and re-create while GC runs', () => {
  it('status.consistent and workload.converges pass, no collision counted (seed 1032 run 30)', () => {
    const r = runScenario(scenario, { keepTrace: true });
    for (const id of ['status.consistent', 'workload.converges'])
      expect(r.invariants.find((i) => i.id === id)?.status, id).not.toBe('violated');
    expect(r.outcome).toBe('pass');
    const db = r.final.workloads.find((w) => w.name === 'db');
    expect((db?.status as { collisionCount?: number } | undefined)?.collisionCount ?? 0).toBe(0);
  });

  it("the judge's update revision is the set's newest revision equal to its template", () => {
    const owner = set('u', 'v1', 1);
    const kept = newRevision(owner, 3, 0) as unknown as KObject; // named before a collision bump
    const old = newRevision(set('u', 'v0'), 4) as unknown as KObject;
    const foreign = newRevision(set('other', 'v1'), 5, 0) as unknown as KObject;
    expect(kept.metadata.name).not.toBe(expectedUpdateRevision(owner));
    expect(updateRevisionIn(storeOf([old, kept, foreign]), owner)).toBe(kept.metadata.name);
    expect(updateRevisionIn(storeOf([old, foreign]), owner)).toBe(expectedUpdateRevision(owner));
  });
});
