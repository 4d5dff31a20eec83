/**
 * Volumes: the dynamic provisioner and binder, pvc-protection (a claim in use stays Terminating),
 * reclaim of the PV once its claim is gone, and the record the application appends to every mounted
 * volume each time its container starts. No controllers: the tests write pods and claims directly.
 */
import { describe, expect, it } from 'vitest';
import { bare, node, pod, runTo, worldWith } from '../../test/sim/helpers.ts';
import type { NewObject } from '../model/types.ts';
import { claimNames, PVC_PROTECTION } from './volumes.ts';
import type { World } from './world.ts';

function claim(name: string): NewObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '2Gi' } } },
  };
}

/** A pod mounting the given claims (volume name = claim name). */
function mounting(name: string, claims: string[], extra: Record<string, unknown> = {}): NewObject {
  return bare(name, {
    volumes: claims.map((c) => ({ name: c, persistentVolumeClaim: { claimName: c } })),
    ...extra,
  });
}

const pvc = (w: World, name: string) => w.store.get('PersistentVolumeClaim', `default/${name}`);

describe('volumes: provisioning and binding', () => {
  it('gives a new claim the pvc-protection finalizer, a PV after the provisioning delay, and binds both ways', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', claim('data'));
    expect(pvc(w, 'data')?.metadata.finalizers).toEqual([PVC_PROTECTION]);
    runTo(w, 250);
    expect(pvc(w, 'data')?.spec.volumeName).toBeUndefined();
    runTo(w, 400);
    const c = pvc(w, 'data')!;
    const pvName = c.spec.volumeName as string;
    expect(pvName).toBe(`pvc-${c.metadata.uid}`);
    expect(c.status?.phase).toBe('Bound');
    expect(c.status?.capacity).toEqual({ storage: '2Gi' });
    const pv = w.store.get('PersistentVolume', pvName)!;
    expect(pv.spec.claimRef).toMatchObject({ name: 'data', namespace: 'default', uid: c.metadata.uid });
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Delete');
    expect(w.volumes.boundVolume('default', 'data')).toBe(pvName);
    expect(w.volumes.data(pvName)).toEqual([]);
  });

  it('keeps a pod waiting while a claim is missing or unbound, and starts it once the claim is bound', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', mounting('web-0', ['data']));
    runTo(w, 3_000);
    expect(pod(w, 'web-0')?.status.phase).toBe('Pending');
    expect(w.trace.events.some((e) => e.text.includes('persistentvolumeclaim "data" not found'))).toBe(true);
    w.store.create('user', claim('data'));
    runTo(w, 8_000);
    expect(pod(w, 'web-0')?.status.phase).toBe('Running');
  });

  it('lists the claims a pod mounts, in volume order, ignoring other volumes', () => {
    const p = mounting('web-0', ['data-web-0', 'logs-web-0']);
    const withOther = {
      ...p,
      spec: { ...p.spec, volumes: [{ name: 'tmp', emptyDir: {} }, ...p.spec.volumes] },
    };
    expect(claimNames(withOther as never)).toEqual(['data-web-0', 'logs-web-0']);
    expect(claimNames(bare('x') as never)).toEqual([]);
  });
});

describe('volumes: pvc-protection and reclaim', () => {
  it('keeps a deleted claim Terminating while a live pod mounts it, then lets it go and reclaims its PV', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', claim('data'));
    w.store.create('user', mounting('web-0', ['data']));
    runTo(w, 5_000);
    expect(pod(w, 'web-0')?.status.phase).toBe('Running');
    const pvName = w.volumes.boundVolume('default', 'data')!;

    w.store.delete('user', 'PersistentVolumeClaim', 'default/data');
    runTo(w, 10_000);
    // In use: the finalizer holds the claim, Terminating, and its volume and data stay.
    expect(pvc(w, 'data')?.metadata.deletionTimestamp).toBeDefined();
    expect(pvc(w, 'data')?.metadata.finalizers).toContain(PVC_PROTECTION);
    expect(w.store.get('PersistentVolume', pvName)).toBeDefined();
    expect(w.volumes.data(pvName)).toHaveLength(1);

    w.store.delete('user', 'Pod', 'default/web-0', { gracePeriodSeconds: 0 });
    runTo(w, 11_000);
    expect(pvc(w, 'data')).toBeUndefined();
    // Reclaim (Delete) takes a little while, then the PV and its records are gone.
    runTo(w, 12_000);
    expect(w.store.get('PersistentVolume', pvName)).toBeUndefined();
    expect(w.volumes.data(pvName)).toEqual([]);
  });

  it('releases a terminating claim when the pod mounting it fails (a terminal pod no longer uses it)', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', claim('data'));
    w.store.create('user', mounting('web-0', ['data']));
    runTo(w, 5_000);
    w.store.delete('user', 'PersistentVolumeClaim', 'default/data');
    runTo(w, 6_000);
    expect(pvc(w, 'data')).toBeDefined();
    w.store.patch('kubelet/node-a', 'Pod', 'default/web-0', (p) => ({
      ...p,
      status: { ...p.status, phase: 'Failed' },
    }));
    runTo(w, 7_000);
    expect(pvc(w, 'data')).toBeUndefined();
  });

  it('does not start a pod on a claim that is being deleted', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', claim('data'));
    w.store.create('user', mounting('holder', ['data'], { nodeName: 'node-a' }));
    runTo(w, 5_000);
    w.store.delete('user', 'PersistentVolumeClaim', 'default/data');
    w.store.create('user', mounting('web-0', ['data']));
    runTo(w, 10_000);
    expect(pod(w, 'web-0')?.status.phase).toBe('Pending');
    expect(w.trace.events.some((e) => e.text.includes('persistentvolumeclaim "data" is being deleted'))).toBe(
      true,
    );
  });
});

describe('volumes: application data', () => {
  it('appends one record per container start to every mounted volume: pod name, uid and time', () => {
    const w = worldWith([node('node-a')]);
    w.store.create('user', claim('data'));
    w.store.create('user', claim('logs'));
    w.store.create('user', mounting('web-0', ['data', 'logs']));
    runTo(w, 5_000);
    const first = pod(w, 'web-0')!;
    const data = w.volumes.boundVolume('default', 'data')!;
    const logs = w.volumes.boundVolume('default', 'logs')!;
    expect(data).not.toBe(logs);
    const started = w.machines.get('node-a')!.containers.get(first.metadata.uid)!.startedAtMs;
    expect(w.volumes.data(data)).toEqual([{ pod: 'web-0', uid: first.metadata.uid, atMs: started }]);
    expect(w.volumes.data(logs)).toEqual([{ pod: 'web-0', uid: first.metadata.uid, atMs: started }]);

    // A crash and restart in place: a second record from the same incarnation.
    const m = w.machines.get('node-a')!;
    w.kubelet.crash(m, m.containers.get(first.metadata.uid)!);
    runTo(w, 20_000);
    expect(w.volumes.data(data).map((r) => r.uid)).toEqual([first.metadata.uid, first.metadata.uid]);

    // A new incarnation with the same name and claim finds the earlier records and adds its own.
    w.store.delete('user', 'Pod', 'default/web-0', { gracePeriodSeconds: 0 });
    runTo(w, 21_000);
    w.store.create('user', mounting('web-0', ['data', 'logs']));
    runTo(w, 30_000);
    const second = pod(w, 'web-0')!;
    expect(second.metadata.uid).not.toBe(first.metadata.uid);
    expect(w.volumes.data(data).map((r) => r.uid)).toEqual([
      first.metadata.uid,
      first.metadata.uid,
      second.metadata.uid,
    ]);
    expect(w.volumes.data(data).at(-1)!.atMs).toBeGreaterThan(started);
  });

  it('writes nothing for an unknown volume', () => {
    const w = worldWith([node('node-a')]);
    expect(w.volumes.data('pvc-nope')).toEqual([]);
    expect(w.volumes.boundVolume('default', 'nope')).toBeUndefined();
  });
});
