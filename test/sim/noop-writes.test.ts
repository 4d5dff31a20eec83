/**
 * The API server drops a write that changes nothing: no new resourceVersion, no watch event. The
 * simulated one used to store it, so a needless writer looked busier here than in a cluster; now
 * it drops it too and keeps a record (stepNoops, noopCount) so needless writes can be judged.
 */
import { describe, expect, it } from 'vitest';
import type { KObject, NewObject } from '../../src/model/types.ts';
import { sameValue } from '../../src/sim/api/sameObject.ts';
import { ApiStore } from '../../src/sim/api/store.ts';
import type { WatchEvent } from '../../src/sim/api/types.ts';
import { SimClock } from '../../src/sim/clock.ts';
import { rngFor } from '../../src/sim/prng.ts';
import { TraceRecorder } from '../../src/trace/recorder.ts';

function newStore() {
  const store = new ApiStore(new SimClock(), new TraceRecorder(true), rngFor(1, 'u'), rngFor(1, 'n'), true);
  const events: WatchEvent[] = [];
  store.watch((ev) => events.push(ev));
  return { store, events };
}

const rs: NewObject = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: 'web' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } } },
  status: { replicas: 0 },
};

describe('ApiStore: no-op writes', () => {
  it('store: an unchanged status update keeps the resourceVersion, emits nothing and is recorded', () => {
    const { store, events } = newStore();
    const created = store.create('user', rs);
    if (!created.ok) throw new Error('create failed');
    events.length = 0;
    const same = { ...created.obj, status: { replicas: 0 } } as KObject;
    const r = store.updateStatus('replicaset-controller', same);
    expect(r.ok && r.obj.metadata.resourceVersion).toBe(created.obj.metadata.resourceVersion);
    expect(events).toEqual([]);
    expect(store.stepWrites.length).toBe(1); // the create only
    expect(store.stepNoops.map((w) => `${w.actor} ${w.verb} ${w.key}`)).toEqual([
      'replicaset-controller status default/web',
    ]);
    expect(store.noopCount('replicaset-controller', 'ReplicaSet', 'default/web')).toBe(1);
  });

  it('store: a real change still bumps the resourceVersion and emits MODIFIED', () => {
    const { store, events } = newStore();
    const created = store.create('user', rs);
    if (!created.ok) throw new Error('create failed');
    const r = store.updateStatus('replicaset-controller', { ...created.obj, status: { replicas: 2 } });
    expect(r.ok && r.obj.metadata.resourceVersion).not.toBe(created.obj.metadata.resourceVersion);
    expect(events.at(-1)?.type).toBe('MODIFIED');
    expect(store.noopCount('replicaset-controller', 'ReplicaSet', 'default/web')).toBe(0);
  });

  it('store: a patch that rebuilds an equal object (other key order, undefined keys) is a no-op', () => {
    const { store, events } = newStore();
    store.create('user', rs);
    events.length = 0;
    store.patch('user', 'ReplicaSet', 'default/web', (o) => ({
      status: o.status,
      spec: { selector: o.spec?.selector, replicas: 2, paused: undefined },
      metadata: o.metadata,
      kind: o.kind,
      apiVersion: o.apiVersion,
    }));
    expect(events).toEqual([]);
    expect(store.noopCount('user', 'ReplicaSet', 'default/web')).toBe(1);
  });

  it('store: a stale update is still a conflict, not a no-op (the precondition comes first)', () => {
    const { store } = newStore();
    const created = store.create('user', rs);
    if (!created.ok) throw new Error('create failed');
    store.updateStatus('x', { ...created.obj, status: { replicas: 1 } });
    const r = store.updateStatus('x', { ...created.obj, status: { replicas: 1 } });
    expect(r).toMatchObject({ ok: false, code: 'Conflict' });
  });

  it('sameValue: arrays by position, objects by defined keys', () => {
    expect(sameValue({ a: [1, { b: 2 }] }, { a: [1, { b: 2, c: undefined }] })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 0 })).toBe(false);
    expect(sameValue({ a: null }, { a: undefined })).toBe(false);
  });
});
