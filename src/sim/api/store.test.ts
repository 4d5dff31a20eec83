import { describe, expect, it } from 'vitest';
import type { NewObject } from '../../model/types.ts';
import { TraceRecorder } from '../../trace/recorder.ts';
import { SimClock } from '../clock.ts';
import { rngFor } from '../prng.ts';
import { ApiStore } from './store.ts';

function newStore() {
  const clock = new SimClock();
  const store = new ApiStore(clock, new TraceRecorder(true), rngFor(1, 'uids'), rngFor(1, 'names'), true);
  return { clock, store };
}

const pod = (name: string, nodeName?: string, extra: Partial<NewObject['metadata']> = {}): NewObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, ...extra },
  spec: {
    containers: [{ name: 'app' }],
    terminationGracePeriodSeconds: 30,
    ...(nodeName ? { nodeName } : {}),
  },
});

describe('ApiStore', () => {
  it('assigns uid, resourceVersion, generation and creationTimestamp; rejects duplicates', () => {
    const { store } = newStore();
    const r = store.create('user', pod('a'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.obj.metadata).toMatchObject({
      namespace: 'default',
      generation: 1,
      resourceVersion: '1',
      creationTimestamp: '2026-01-01T00:00:00Z',
    });
    expect(r.obj.metadata.uid).toMatch(/^[0-9a-f]{8}-/);
    const dup = store.create('user', pod('a'));
    expect(dup).toMatchObject({ ok: false, code: 'AlreadyExists' });
  });

  it('generateName gets a 5-character suffix from the seeded stream', () => {
    const { store } = newStore();
    const r = store.create('user', pod('', undefined, { generateName: 'web-' }));
    expect(r.ok && r.obj.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('update with a stale resourceVersion is a conflict; spec changes bump generation, status does not', () => {
    const { store } = newStore();
    const created = store.create('user', {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'rs' },
      spec: { replicas: 1 },
    });
    if (!created.ok) throw new Error('create failed');
    const up = store.update('user', { ...created.obj, spec: { replicas: 2 } });
    expect(up.ok && up.obj.metadata.generation).toBe(2);
    expect(store.update('user', { ...created.obj, spec: { replicas: 3 } })).toMatchObject({
      ok: false,
      code: 'Conflict',
    });
    if (!up.ok) return;
    const st = store.updateStatus('ctrl', { ...up.obj, status: { replicas: 2 } });
    expect(st.ok && st.obj.metadata.generation).toBe(2);
  });

  it('graceful pod deletion: a scheduled pod gets a deletionTimestamp; an unscheduled one goes at once', () => {
    const { store } = newStore();
    store.create('user', pod('bound', 'node-a'));
    store.create('user', pod('pending'));
    const g = store.delete('user', 'Pod', 'default/bound');
    expect(g.ok && g.obj.metadata.deletionTimestamp).toBe('2026-01-01T00:00:30Z');
    expect(store.get('Pod', 'default/bound')).toBeDefined();
    const p = store.delete('user', 'Pod', 'default/pending');
    expect(p.ok && p.removed).toBe(true);
    const force = store.delete('kubelet', 'Pod', 'default/bound', { gracePeriodSeconds: 0 });
    expect(force.ok && force.removed).toBe(true);
  });

  it('finalizers keep a deleted object until the last one is removed', () => {
    const { store } = newStore();
    store.create('user', {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', finalizers: ['kubernetes.io/pvc-protection'] },
      spec: {},
    });
    const d = store.delete('user', 'PersistentVolumeClaim', 'default/data');
    expect(d.ok && !d.removed).toBe(true);
    const gone = store.patch('pvc-protection', 'PersistentVolumeClaim', 'default/data', (c) => ({
      ...c,
      metadata: { ...c.metadata, finalizers: [] },
    }));
    expect(gone.ok && gone.removed).toBe(true);
    expect(store.get('PersistentVolumeClaim', 'default/data')).toBeUndefined();
  });

  it('foreground and orphan deletion add their finalizers', () => {
    const { store } = newStore();
    store.create('user', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'a' }, spec: {} });
    store.create('user', { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'b' }, spec: {} });
    const f = store.delete('user', 'ReplicaSet', 'default/a', { propagationPolicy: 'Foreground' });
    const o = store.delete('user', 'ReplicaSet', 'default/b', { propagationPolicy: 'Orphan' });
    expect(f.ok && f.obj.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(o.ok && o.obj.metadata.finalizers).toEqual(['orphan']);
  });

  it('rejects a second controller reference and honours uid preconditions', () => {
    const { store } = newStore();
    const ref = (uid: string) => ({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      name: uid,
      uid,
      controller: true,
    });
    const r = store.create('user', pod('a', undefined, { ownerReferences: [ref('one')] }));
    if (!r.ok) throw new Error('create failed');
    const twice = store.patch('x', 'Pod', 'default/a', (p) => ({
      ...p,
      metadata: { ...p.metadata, ownerReferences: [ref('one'), ref('two')] },
    }));
    expect(twice).toMatchObject({ ok: false, code: 'Invalid' });
    expect(store.delete('x', 'Pod', 'default/a', { uid: 'other' })).toMatchObject({
      ok: false,
      code: 'Conflict',
    });
  });

  it('injected failures hit the named controller, and by default only workload controllers', () => {
    const { store } = newStore();
    store.faults.failNext('create', 1);
    expect(store.create('kubelet/node-a', pod('k')).ok).toBe(true);
    expect(store.create('replicaset-controller', pod('r'))).toMatchObject({
      ok: false,
      code: 'InternalError',
    });
    expect(store.create('replicaset-controller', pod('r')).ok).toBe(true);
  });

  it('lists in key order and keeps the pods-by-node and by-controller indexes', () => {
    const { store } = newStore();
    store.create('user', pod('b', 'n1'));
    store.create(
      'user',
      pod('a', 'n1', {
        ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', controller: true }],
      }),
    );
    expect(store.list('Pod').map((p) => p.metadata.name)).toEqual(['a', 'b']);
    expect([...(store.index.podsByNode.get('n1') ?? [])].sort()).toEqual(['default/a', 'default/b']);
    expect([...(store.index.podsByController.get('u1') ?? [])]).toEqual(['default/a']);
  });
});
