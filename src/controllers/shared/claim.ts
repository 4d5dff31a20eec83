/**
 * Claim / adopt / release (controller_ref_manager.go), as a pure decision. For each candidate:
 * another controller's object is ignored; ours and matching is kept; ours and no longer matching is
 * released (unless the owner is being deleted); an orphan that matches is adopted, unless the owner
 * is being deleted or the orphan itself is being deleted.
 */
import { type CompiledSelector, selectorMatches } from '../../model/labels.ts';
import { getControllerOf } from '../../model/pod.ts';
import type { KObject, OwnerReference } from '../../model/types.ts';
import type { AdoptionCause } from '../../sim/api/types.ts';

export interface ClaimOptions {
  ownerUid: string;
  ownerDeleting: boolean;
  selector: CompiledSelector;
  /** Extra membership test (StatefulSet: the name must be `<set>-<ordinal>`). */
  filter?: (obj: KObject) => boolean;
  /** Mutant knob: steal objects controlled by someone else. */
  adoptForeign?: boolean;
  /** Mutant knob (false): keep objects that no longer match instead of releasing them. */
  releaseUnmatched?: boolean;
}

export interface ClaimPlan<T extends KObject> {
  owned: T[];
  adopt: T[];
  release: T[];
}

/** metav1.GetControllerOf, under the name the controllers use. */
export const controllerRefOf: (obj: KObject) => OwnerReference | undefined = getControllerOf;

/** `reflect.DeepEqual` of two controllerRefs (either may be absent). */
export function sameControllerRef(a: OwnerReference | undefined, b: OwnerReference | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.uid === b.uid &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.apiVersion === b.apiVersion &&
    a.controller === b.controller &&
    a.blockOwnerDeletion === b.blockOwnerDeletion
  );
}

export function planClaims<T extends KObject>(objs: readonly T[], o: ClaimOptions): ClaimPlan<T> {
  const plan: ClaimPlan<T> = { owned: [], adopt: [], release: [] };
  for (const obj of objs) {
    const matches = selectorMatches(o.selector, obj.metadata.labels) && (o.filter?.(obj) ?? true);
    const ref = controllerRefOf(obj);
    if (ref && ref.uid !== o.ownerUid) {
      if (o.adoptForeign && matches && !o.ownerDeleting && !obj.metadata.deletionTimestamp)
        plan.adopt.push(obj);
      continue;
    }
    if (ref) {
      if (matches || o.releaseUnmatched === false) plan.owned.push(obj);
      else if (!o.ownerDeleting) plan.release.push(obj);
      continue;
    }
    if (o.ownerDeleting || !matches || obj.metadata.deletionTimestamp) continue;
    plan.adopt.push(obj);
  }
  return plan;
}

/** The adoption patch: add our controllerRef (a mutant replaces a foreign one instead). */
export function withAdoption(obj: KObject, ref: OwnerReference, replaceForeign: boolean): KObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter(
    (r) => !(replaceForeign && r.controller === true) && r.uid !== ref.uid,
  );
  return { ...obj, metadata: { ...obj.metadata, ownerReferences: [...refs, ref] } };
}

/**
 * Why an adoption patch was written, with the orphan as the cache showed it when the claim was
 * planned: the patch carries only a uid precondition (AdoptPod), so a pod that started terminating
 * after the cache last saw it is adopted on a real cluster too, and the judge must know (design §5).
 */
export function adoptionCause(
  controller: AdoptionCause['controller'],
  ownerUid: string,
  cached: KObject,
): AdoptionCause {
  return { controller, ownerUid, reason: 'adopt', observedTerminating: !!cached.metadata.deletionTimestamp };
}

/** The release patch: drop our ownerReference. */
export function withRelease(obj: KObject, ownerUid: string): KObject {
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== ownerUid);
  const metadata = { ...obj.metadata, ownerReferences: refs.length > 0 ? refs : undefined };
  if (!metadata.ownerReferences) delete metadata.ownerReferences;
  return { ...obj, metadata };
}
