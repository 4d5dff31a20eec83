/**
 * persistentVolumeClaimRetentionPolicy (StatefulSetAutoDeletePVC) as owner references, the way
 * Kubernetes does it: the controller never deletes a PVC itself; it makes the StatefulSet (for
 * whenDeleted=Delete) or a condemned Pod (for whenScaled=Delete) an owner of the claim, and the
 * garbage collector deletes the claim when that owner goes.
 *
 *   Retain/Retain  no references
 *   whenDeleted=Delete               the set owns the claim
 *   whenScaled=Delete                a condemned pod owns its claims
 *   both                             the set while in range, the pod once condemned
 */
import type { KObject, OwnerReference } from '../../model/types.ts';

export type RetentionType = 'Retain' | 'Delete';

export interface RetentionPolicy {
  whenDeleted: RetentionType;
  whenScaled: RetentionType;
}

export function retentionPolicy(set: KObject): RetentionPolicy {
  const p = set.spec?.persistentVolumeClaimRetentionPolicy ?? {};
  return {
    whenDeleted: p.whenDeleted === 'Delete' ? 'Delete' : 'Retain',
    whenScaled: p.whenScaled === 'Delete' ? 'Delete' : 'Retain',
  };
}

/** Which owners a claim should name, given whether its pod is condemned (scaled down). */
export function wantedClaimOwners(
  policy: RetentionPolicy,
  condemned: boolean,
): { set: boolean; pod: boolean } {
  const podRef = policy.whenScaled === 'Delete' && condemned;
  const setRef = policy.whenDeleted === 'Delete' && !podRef;
  return { set: setRef, pod: podRef };
}

function hasRef(claim: KObject, uid: string): boolean {
  for (const r of claim.metadata.ownerReferences ?? []) if (r.uid === uid) return true;
  return false;
}

/** Another controller, or a stale reference of our kinds, means hands off (as Kubernetes does). */
export function claimIsForeign(claim: KObject, set: KObject): boolean {
  for (const r of claim.metadata.ownerReferences ?? [])
    if (r.controller === true && r.uid !== set.metadata.uid) return true;
  return false;
}

/** `claimOwnerMatchesSetAndPod`. `pod` is undefined when it does not exist yet. */
export function claimOwnersMatch(
  claim: KObject,
  set: KObject,
  pod: KObject | undefined,
  condemned: boolean,
  policy = retentionPolicy(set),
): boolean {
  const want = wantedClaimOwners(policy, condemned);
  if (hasRef(claim, set.metadata.uid) !== want.set) return false;
  if (!pod) return true;
  return hasRef(claim, pod.metadata.uid) === want.pod;
}

export function setOwnerRef(set: KObject): OwnerReference {
  return { apiVersion: 'apps/v1', kind: 'StatefulSet', name: set.metadata.name, uid: set.metadata.uid };
}

export function podOwnerRef(pod: KObject): OwnerReference {
  return { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name, uid: pod.metadata.uid };
}

/**
 * The owner references the claim should carry: ours (set or pod) set per policy, everything else
 * kept. `extraPodRef` is the mutant knob that makes every pod own its claims.
 */
export function claimOwnerRefs(
  claim: { metadata: { ownerReferences?: OwnerReference[] } },
  set: KObject,
  pod: KObject | undefined,
  condemned: boolean,
  policy: RetentionPolicy,
): OwnerReference[] | undefined {
  const want = wantedClaimOwners(policy, condemned);
  const drop = new Set([set.metadata.uid, ...(pod ? [pod.metadata.uid] : [])]);
  const refs = (claim.metadata.ownerReferences ?? []).filter((r) => !drop.has(r.uid));
  if (want.set) refs.push(setOwnerRef(set));
  if (want.pod && pod) refs.push(podOwnerRef(pod));
  return refs.length > 0 ? refs : undefined;
}

/** `PodClaimIsStale`: a claim still owned by an earlier pod of that name (whenScaled=Delete) must go first. */
export function claimIsStale(claim: KObject, podUid: string | undefined): boolean {
  for (const r of claim.metadata.ownerReferences ?? []) if (r.kind === 'Pod' && r.uid !== podUid) return true;
  return false;
}
