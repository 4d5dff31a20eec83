/**
 * A StatefulSet deleted with --cascade=orphan while its condemned pod db-5 is terminating but held by
 * a finalizer, then created again (replicas 5, ordinals from 2). Shrunk from the false-alarm bench
 * (issue #11) seed 1024 run 126 (taint-node, add-finalizer, scale, delete-object, create-object):
 * workload.converges "db-5 is missing". The orphan is being deleted, so the new set never adopts it
 * (ClaimObject skips objects being deleted), and creating db-5 fails with AlreadyExists until the
 * finalizer goes: Kubernetes waits, OrderedReady holds db-6 behind it. A PASS that says why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.scenario.json`, import.meta.url), 'utf8')) as Scenario;
const scenario = fixture('recreate-name-held-by-finalizer');

describe('StatefulSet: re-created while a pod of its name is held by a finalizer', () => {
  it('passes and names the held pod (seed 1024 run 126)', () => {
    const r = runScenario(scenario, { keepTrace: true });
    const converges = r.invariants.find((i) => i.id === 'workload.converges');
    expect(converges?.status).not.toBe('violated');
    expect(r.outcome).toBe('pass');
    const held = (converges?.heldByDesign ?? []).map((h) => h.message).join('\n');
    expect(held).toContain(
      'db-5 cannot be created: a pod of that name that the set does not own is being deleted',
    );
    expect(held).toContain('kubeprop.io/hold');
  });

  it('holds the scale-down behind it too, with Parallel (chaos statefulset seed 1032 run 209)', () => {
    // Parallel: the failed create of db-0 ends the sync before condemned pods and the rollout.
    const r = runScenario(fixture('recreate-name-held-parallel-scale-down'), { keepTrace: true });
    const converges = r.invariants.find((i) => i.id === 'workload.converges');
    expect(converges?.status).not.toBe('violated');
    expect(r.outcome).toBe('pass');
    const held = (converges?.heldByDesign ?? []).map((h) => h.message).join('\n');
    expect(held).toContain('db-0 cannot be created');
  });

  it('creates the rest of the failed batch: db-4 beside the held db-3 (chaos statefulset seed 1 run 6635)', () => {
    // Parallel, ordinals from 2: slowStartBatch walks the slots db-2 | db-3 db-4 | db-5, existing
    // pods included. db-3's create fails (AlreadyExists: a foreign pod of that name is held by a
    // finalizer), but db-4 is in the same batch and is created again after a user deletes it; db-5,
    // in the next batch, waits. Batches counted over the creates alone put db-4 behind db-3.
    const r = runScenario(fixture('recreate-name-held-parallel-batch'), { keepTrace: true });
    const converges = r.invariants.find((i) => i.id === 'workload.converges');
    expect(converges?.violations ?? []).toEqual([]);
    expect(r.outcome).toBe('pass');
    const db4 = r.final.pods.find((p) => p.name === 'db-4');
    expect(db4).toMatchObject({ owner: 'statefulset/db', phase: 'Running', ready: true, terminating: false });
    expect(r.final.pods.map((p) => p.name)).not.toContain('db-5');
    const held = (converges?.heldByDesign ?? []).map((h) => h.message).join('\n');
    expect(held).toContain('db-3 cannot be created');
  });
});
