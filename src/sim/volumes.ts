/**
 * Persistent volumes: a dynamic provisioner, PVC binding, the `kubernetes.io/pvc-protection`
 * finalizer, reclaim (Delete) of a PV once its claim is gone, and the data written to each volume.
 * The kubelet does not start a pod while one of its claims is missing, unbound or terminating, and
 * every time a container starts, the simulated application appends a record to each mounted PV.
 * That record log is what `statefulset.volume-retention` compares across incarnations of a pod.
 */
import type { KObject } from '../model/types.ts';
import type { WatchEvent } from './api/types.ts';
import type { ClaimWaitReason } from './kubelet.ts';
import type { World } from './world.ts';

/** One line the simulated application writes when it starts: who ran on this volume, and when. */
export interface VolumeRecord {
  pod: string;
  uid: string;
  atMs: number;
}

export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
const PROVISIONER = 'volume-provisioner';
const PROTECTION = 'pvc-protection-controller';
const BINDER = 'persistentvolume-binder';
/** Provisioning a volume and reclaiming one take a little while, as a cloud disk does. */
const PROVISION_MS = 300;
const RECLAIM_MS = 500;

/** Names of the PVCs a pod mounts, in volume order. */
export function claimNames(pod: KObject): string[] {
  const vols = (pod.spec?.volumes ?? []) as Array<{ persistentVolumeClaim?: { claimName?: string } }>;
  const names: string[] = [];
  for (const v of vols) if (v.persistentVolumeClaim?.claimName) names.push(v.persistentVolumeClaim.claimName);
  return names;
}

export class Volumes {
  private readonly written = new Map<string, VolumeRecord[]>();

  constructor(private readonly world: World) {
    // Admission (StorageObjectInUseProtection): every new claim gets the protection finalizer.
    world.store.addAdmission('PersistentVolumeClaim', (pvc) => {
      const finalizers = pvc.metadata.finalizers ?? [];
      if (finalizers.includes(PVC_PROTECTION)) return pvc;
      return { ...pvc, metadata: extend(pvc.metadata, { finalizers: [...finalizers, PVC_PROTECTION] }) };
    });
    world.store.watch((ev) => this.onEvent(ev));
    world.kubelet.admitChecks.push((pod) => this.admit(pod));
    world.kubelet.onStart.push((pod) => this.appendStartRecord(pod));
  }

  /** Records written to a PV, oldest first (empty for an unknown or reclaimed volume). */
  data(pvName: string): readonly VolumeRecord[] {
    return this.written.get(pvName) ?? [];
  }

  /** The PV a claim is bound to, from the store. */
  boundVolume(namespace: string, claim: string): string | undefined {
    const pvc = this.world.store.get('PersistentVolumeClaim', `${namespace}/${claim}`);
    return pvc?.status?.phase === 'Bound' ? (pvc.spec?.volumeName as string | undefined) : undefined;
  }

  private onEvent(ev: WatchEvent): void {
    const obj = ev.object;
    if (ev.kind === 'PersistentVolumeClaim') {
      if (ev.type === 'ADDED' && !obj.spec?.volumeName)
        this.later('provision', obj, () => this.provision(ev.key));
      else if (ev.type === 'DELETED' && obj.spec?.volumeName) {
        const pv = obj.spec.volumeName as string;
        this.later('reclaim', obj, () => this.reclaim(pv, obj.metadata.uid));
      } else if (obj.metadata.deletionTimestamp && !ev.old?.metadata.deletionTimestamp) {
        this.later('check use of', obj, () => this.release(ev.key));
      }
      return;
    }
    if (ev.kind !== 'Pod') return;
    // A pod that ends or leaves may free a terminating claim.
    const ended = ev.type === 'DELETED' || (isTerminal(obj) && !(ev.old && isTerminal(ev.old)));
    if (!ended) return;
    for (const claim of claimNames(obj)) {
      const key = `${obj.metadata.namespace ?? 'default'}/${claim}`;
      const pvc = this.world.store.get('PersistentVolumeClaim', key);
      if (pvc?.metadata.deletionTimestamp) this.later('check use of', pvc, () => this.release(key));
    }
  }

  private later(what: string, obj: KObject, run: () => void): void {
    const delay = what === 'provision' ? PROVISION_MS : what === 'reclaim' ? RECLAIM_MS : 20;
    this.world.clock.after(delay, `volumes: ${what} ${obj.kind.toLowerCase()}/${obj.metadata.name}`, run);
  }

  /** The dynamic provisioner creates a PV for the claim; the binder binds both ways. */
  private provision(key: string): void {
    const pvc = this.world.store.get('PersistentVolumeClaim', key);
    if (!pvc || pvc.spec?.volumeName || pvc.metadata.deletionTimestamp) return;
    const name = `pvc-${pvc.metadata.uid}`;
    const created = this.world.store.create(PROVISIONER, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name },
      spec: {
        capacity: { storage: pvc.spec?.resources?.requests?.storage ?? '1Gi' },
        accessModes: pvc.spec?.accessModes ?? ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        claimRef: {
          kind: 'PersistentVolumeClaim',
          namespace: pvc.metadata.namespace,
          name: pvc.metadata.name,
          uid: pvc.metadata.uid,
        },
      },
      status: { phase: 'Bound' },
    });
    if (!created.ok) return;
    this.written.set(name, []);
    this.world.store.patch(
      BINDER,
      'PersistentVolumeClaim',
      key,
      (c) => ({ ...c, spec: extend(c.spec, { volumeName: name }) }),
      {
        uid: pvc.metadata.uid,
      },
    );
    this.world.store.patch(
      BINDER,
      'PersistentVolumeClaim',
      key,
      (c) => ({ ...c, status: extend(c.status, { phase: 'Bound', capacity: created.obj.spec.capacity }) }),
      { uid: pvc.metadata.uid, status: true },
    );
  }

  /** pvc-protection: drop the finalizer of a terminating claim once no live pod mounts it. */
  private release(key: string): void {
    const pvc = this.world.store.get('PersistentVolumeClaim', key);
    if (!pvc?.metadata.deletionTimestamp || !pvc.metadata.finalizers?.includes(PVC_PROTECTION)) return;
    const [ns, name] = key.split('/') as [string, string];
    const inUse = this.world.store
      .list('Pod')
      .some((p) => p.metadata.namespace === ns && !isTerminal(p) && claimNames(p).includes(name));
    if (inUse) return;
    this.world.store.patch(
      PROTECTION,
      'PersistentVolumeClaim',
      key,
      (c) => ({
        ...c,
        metadata: {
          ...c.metadata,
          finalizers: (c.metadata.finalizers ?? []).filter((f) => f !== PVC_PROTECTION),
        },
      }),
      { uid: pvc.metadata.uid },
    );
  }

  /** Reclaim policy Delete: the PV and its data go once its claim has left the store. */
  private reclaim(pvName: string, claimUid: string): void {
    const pv = this.world.store.get('PersistentVolume', pvName);
    if (!pv || pv.spec?.claimRef?.uid !== claimUid) return;
    this.world.store.delete(BINDER, 'PersistentVolume', pvName, { uid: pv.metadata.uid });
    this.written.delete(pvName);
  }

  /** Kubelet volume manager: wait until every claim exists, is bound and is not terminating. */
  private admit(pod: KObject): { wait: ClaimWaitReason } | null {
    const ns = pod.metadata.namespace ?? 'default';
    for (const claim of claimNames(pod)) {
      const pvc = this.world.store.get('PersistentVolumeClaim', `${ns}/${claim}`);
      if (!pvc) return { wait: { claim, wait: 'missing' } };
      if (pvc.metadata.deletionTimestamp) return { wait: { claim, wait: 'deleting' } };
      if (pvc.status?.phase !== 'Bound') return { wait: { claim, wait: 'unbound' } };
    }
    return null;
  }

  /** The application starts: it writes who it is to every volume it mounts. */
  private appendStartRecord(pod: KObject): void {
    const ns = pod.metadata.namespace ?? 'default';
    for (const claim of claimNames(pod)) {
      const pv = this.boundVolume(ns, claim);
      if (!pv) continue;
      let log = this.written.get(pv);
      if (!log) {
        log = [];
        this.written.set(pv, log);
      }
      log.push({ pod: pod.metadata.name, uid: pod.metadata.uid, atMs: this.world.now });
    }
  }
}

/**
 * `{ ...base, ...extra }` without the spread: in Node 20 a literal that spreads an object and then
 * adds keys it did not have costs 3–6 µs (V8 leaves its fast clone path); this costs ~0.2 µs.
 */
function extend<A extends object, B extends object>(base: A | undefined, extra: B): A & B {
  const out: Record<string, unknown> = {};
  if (base) for (const k in base) out[k] = (base as Record<string, unknown>)[k];
  for (const k in extra) out[k] = (extra as Record<string, unknown>)[k];
  return out as A & B;
}

function isTerminal(p: KObject): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}
