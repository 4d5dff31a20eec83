/**
 * The writes of a StatefulSet sync (stateful_pod_control.go): create a pod's claims and then the
 * pod, create the missing claims of a pending pod, fix a pod's identity and its claims' owner
 * references, delete a pod. Each returns an error message or undefined. Claims are looked up in the
 * controller's cache, as the real controller reads its PVC lister.
 */

import { extend } from '../../model/objects.ts';
import type { KObject, NewObject } from '../../model/types.ts';
import type { ApiResult, StatefulSetCause } from '../../sim/api/types.ts';
import type { Informer } from '../../sim/informer.ts';
import type { World } from '../../sim/world.ts';
import { claimsFor, identityMatches, ordinalOf, repairedPod, storageMatches } from './identity.ts';
import { claimIsForeign, claimOwnerRefs, type RetentionPolicy, retentionPolicy } from './retention.ts';
import type { StatefulSetVariant } from './variants.ts';

export interface PodControl {
  world: World;
  actor: string;
  informer: Informer;
  set: KObject;
  v: StatefulSetVariant;
}

const key = (obj: { metadata: { namespace?: string; name?: string } }) =>
  `${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`;

/** The policy the claims are managed under (the pvc-deleted-with-pod mutant: every pod owns them). */
export function effectivePolicy(c: PodControl): RetentionPolicy {
  return c.v.podOwnsClaims ? { whenDeleted: 'Retain', whenScaled: 'Delete' } : retentionPolicy(c.set);
}

/**
 * `createPersistentVolumeClaims`: a missing claim is created (owned by the set under
 * whenDeleted=Delete); an existing one is reused, unless it is being deleted (PR #93457: a pod
 * created on a terminating claim would stay Pending forever). Returns the claim names to mount.
 */
export function createClaims(
  c: PodControl,
  ordinal: number,
  cause: StatefulSetCause,
  fresh = false,
): { names: string[]; error?: string } {
  const names: string[] = [];
  const policy = effectivePolicy(c);
  for (const claim of claimsFor(c.set, ordinal)) {
    const cached = c.informer.get('PersistentVolumeClaim', key(claim));
    if (cached && !fresh) {
      if (cached.metadata.deletionTimestamp && !c.v.ignoresTerminatingClaim)
        return { names, error: `pvc ${cached.metadata.name} is being deleted` };
      names.push(cached.metadata.name);
      continue;
    }
    const obj: NewObject = { ...claim, metadata: { ...claim.metadata } };
    // The fresh-pvc-on-recreate mutant: a new claim beside the pod's own, so nothing earlier is mounted.
    if (cached && fresh) {
      obj.metadata.generateName = `${claim.metadata.name}-`;
      delete obj.metadata.name;
    }
    const refs = claimOwnerRefs(obj, c.set, undefined, false, policy);
    if (refs) obj.metadata.ownerReferences = refs;
    const r = c.world.store.create(c.actor, obj, { cause: { ...cause, reason: 'claim' } });
    if (!r.ok) return { names, error: `failed to create PVC ${claim.metadata.name}: ${r.message}` };
    names.push(r.obj.metadata.name);
  }
  return { names };
}

/** `CreateStatefulPod`: claims first, then the pod mounting them. */
export function createPod(
  c: PodControl,
  pod: NewObject,
  cause: StatefulSetCause,
): { obj?: KObject; error?: string } {
  const ordinal = ordinalOf(c.set, pod as KObject)!;
  const fresh = !!c.v.freshClaimOnRecreate;
  const claims = createClaims(c, ordinal, cause, fresh);
  if (claims.error) return { error: claims.error };
  let toCreate = pod;
  if (fresh) {
    const vols = (pod.spec?.volumes ?? []) as Array<{
      name: string;
      persistentVolumeClaim?: { claimName: string };
    }>;
    let i = 0;
    const volumes = vols.map((v) =>
      v.persistentVolumeClaim ? { ...v, persistentVolumeClaim: { claimName: claims.names[i++]! } } : v,
    );
    toCreate = { ...pod, spec: { ...pod.spec, volumes } };
  }
  const r = c.world.store.create(c.actor, toCreate, { cause });
  return r.ok ? { obj: r.obj } : { error: `create Pod ${pod.metadata.name} failed: ${r.message}` };
}

/** Deletes a pod (graceful unless `grace` is given), guarded by its uid. */
export function deletePod(c: PodControl, pod: KObject, cause: StatefulSetCause, grace?: number): ApiResult {
  return c.world.store.delete(c.actor, 'Pod', key(pod), {
    uid: pod.metadata.uid,
    cause,
    ...(grace !== undefined ? { gracePeriodSeconds: grace } : {}),
  });
}

/**
 * `UpdateStatefulPod`: identity and storage fixed in place (never the containers or the revision),
 * then the owner references of its claims set per policy. Claims of other controllers are left alone.
 */
export function repairPod(
  c: PodControl,
  pod: KObject,
  condemned: boolean,
  cause: StatefulSetCause,
): string | undefined {
  if (!identityMatches(c.set, pod) || !storageMatches(c.set, pod)) {
    const r = c.world.store.patch(c.actor, 'Pod', key(pod), (p) => repairedPod(c.set, p), {
      uid: pod.metadata.uid,
      cause: { ...cause, reason: 'identity' },
    });
    if (!r.ok && r.code !== 'NotFound') return r.message;
  }
  const policy = effectivePolicy(c);
  const podCondemned = condemned || !!c.v.podOwnsClaims;
  for (const claim of claimsFor(c.set, ordinalOf(c.set, pod)!)) {
    const cached = c.informer.get('PersistentVolumeClaim', key(claim));
    if (!cached || claimIsForeign(cached, c.set)) continue;
    const refs = claimOwnerRefs(cached, c.set, pod, podCondemned, policy);
    if (JSON.stringify(refs ?? []) === JSON.stringify(cached.metadata.ownerReferences ?? [])) continue;
    const r = c.world.store.patch(
      c.actor,
      'PersistentVolumeClaim',
      key(cached),
      (cl) => {
        const metadata = {
          ...cl.metadata,
          ownerReferences: claimOwnerRefs(cl, c.set, pod, podCondemned, policy),
        };
        if (!metadata.ownerReferences) delete metadata.ownerReferences;
        return { ...cl, metadata };
      },
      {
        uid: cached.metadata.uid,
        cause: extend(cause, { reason: 'claim-owners', condemned, pod: pod.metadata.name }),
      },
    );
    if (!r.ok && r.code !== 'NotFound') return r.message;
  }
  return undefined;
}
