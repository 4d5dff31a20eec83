/**
 * The garbage collector collects dependents of owners that do not exist, not only of owners it
 * saw deleted (kubernetes test/integration/garbagecollector TestCreateWithNonExistentOwner): a
 * pod created with an owner reference to no object is deleted; one that also has a live owner
 * keeps it and loses only the dangling reference.
 */
import { describe, expect, test } from 'vitest';
import type { NewObject } from '../../src/model/types.ts';
import { bare, node, pod, runTo, worldWith } from './helpers.ts';

const ref = (kind: string, name: string, uid: string) => ({ apiVersion: 'v1', kind, name, uid });

function owned(name: string, ownerReferences: ReturnType<typeof ref>[]): NewObject {
  const p = bare(name);
  return { ...p, metadata: { ...p.metadata, ownerReferences } };
}

describe('sim: garbage collector: absent owners', () => {
  test('sim: gc: a pod created with a reference to an owner that does not exist is deleted', () => {
    const w = worldWith([node('node-1')]);
    expect(w.store.create('user', owned('orphaned', [ref('ConfigMap', 'gone', 'uid-never')])).ok).toBe(true);
    runTo(w, 5_000);
    const p = pod(w, 'orphaned');
    expect(p === undefined || p.metadata.deletionTimestamp !== undefined).toBe(true);
  });

  test('sim: gc: a pod with a live owner and an absent one keeps the live reference and lives', () => {
    const w = worldWith([node('node-1')]);
    const live = w.store.create('user', bare('owner'));
    expect(live.ok).toBe(true);
    const ownerUid = pod(w, 'owner')!.metadata.uid;
    const refs = [ref('Pod', 'owner', ownerUid), ref('ConfigMap', 'gone', 'uid-never')];
    expect(w.store.create('user', owned('shared', refs)).ok).toBe(true);
    runTo(w, 5_000);
    const p = pod(w, 'shared')!;
    expect(p.metadata.deletionTimestamp).toBeUndefined();
    expect(p.metadata.ownerReferences?.map((r) => r.uid)).toEqual([ownerUid]);
  });

  test('sim: gc: a pod whose owner lives is left alone', () => {
    const w = worldWith([node('node-1')]);
    w.store.create('user', bare('owner'));
    const ownerUid = pod(w, 'owner')!.metadata.uid;
    w.store.create('user', owned('child', [ref('Pod', 'owner', ownerUid)]));
    runTo(w, 5_000);
    expect(pod(w, 'child')!.metadata.deletionTimestamp).toBeUndefined();
    expect(pod(w, 'child')!.metadata.ownerReferences).toHaveLength(1);
  });
});
