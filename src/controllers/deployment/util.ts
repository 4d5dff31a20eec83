/**
 * The helpers of pkg/controller/deployment/util (deployment_util.go) the sync needs: the rolling
 * fenceposts, revisions and the three ReplicaSet annotations, template equality ignoring the
 * pod-template-hash label, the orders ReplicaSets are visited in, and proportional scaling.
 */
import { stableStringify } from '../../model/hash.ts';
import { parseTimestamp } from '../../model/time.ts';
import type { KObject } from '../../model/types.ts';
import type { DeploymentVariant } from './variants.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';

export function replicasOf(o: KObject | undefined): number {
  return o?.spec?.replicas ?? 0;
}

export function isRollingUpdate(d: KObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** intstr.GetScaledValueFromIntOrPercent: an integer, or a percent of `total` rounded up or down. */
export function scaledValue(v: unknown, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const exact = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  return Number(v ?? 0) || 0;
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable down; both zero means maxUnavailable 1
 * (validation refuses both zero as written; a percent can still round to zero). Mutant (a)
 * rounds the other way.
 */
export function fenceposts(d: KObject, v: DeploymentVariant): { maxSurge: number; maxUnavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const desired = replicasOf(d);
  const surgeUp = v.rounding === 'kubernetes';
  const maxSurge = scaledValue(ru.maxSurge ?? '25%', desired, surgeUp);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? '25%', desired, !surgeUp);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** MaxSurge(d): 0 unless RollingUpdate. */
export function maxSurgeOf(d: KObject, v: DeploymentVariant): number {
  return isRollingUpdate(d) ? fenceposts(d, v).maxSurge : 0;
}

/** MaxUnavailable(d): 0 unless RollingUpdate with replicas; never more than replicas. */
export function maxUnavailableOf(d: KObject, v: DeploymentVariant): number {
  if (!isRollingUpdate(d) || replicasOf(d) === 0) return 0;
  return Math.min(fenceposts(d, v).maxUnavailable, replicasOf(d));
}

/** Revision(obj): the revision annotation as a number, 0 when absent or unparsable. */
export function revisionOf(o: KObject): number {
  const n = Number(o.metadata.annotations?.[REVISION] ?? 0);
  return Number.isInteger(n) && n >= 0 ? n : 0;
}

export function maxRevision(sets: readonly KObject[]): number {
  return sets.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

/** Rendered templates by object: stored objects never change, and every sync compares each set's. */
const renderedTemplates = new WeakMap<object, string>();

/** A template without its pod-template-hash label, rendered stably (EqualIgnoreHash compares these). */
export function templateKey(template: unknown): string {
  const t = (template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  const cached =
    typeof template === 'object' && template !== null ? renderedTemplates.get(template) : undefined;
  if (cached !== undefined) return cached;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[HASH_LABEL];
  const key = stableStringify({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
  if (typeof template === 'object' && template !== null) renderedTemplates.set(template, key);
  return key;
}

export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return templateKey(a) === templateKey(b);
}

function createdMs(o: KObject): number {
  return o.metadata.creationTimestamp ? parseTimestamp(o.metadata.creationTimestamp) : 0;
}

/** ReplicaSetsByCreationTimestamp: oldest first, ties by name. */
export function byCreation(a: KObject, b: KObject): number {
  // Equal stamps (the usual tie) need no parse: the difference is 0 (or NaN) either way.
  const same = a.metadata.creationTimestamp === b.metadata.creationTimestamp;
  return (same ? 0 : createdMs(a) - createdMs(b)) || a.metadata.name.localeCompare(b.metadata.name);
}

/**
 * The sets oldest first (ReplicaSetsByCreationTimestamp): `sets` itself when already in that order,
 * as a sync's sets mostly are (a stable sort would keep them as they are), else a sorted copy.
 */
export function inCreationOrder(sets: readonly KObject[]): readonly KObject[] {
  for (let i = 1; i < sets.length; i++)
    if (byCreation(sets[i - 1]!, sets[i]!) > 0) return [...sets].sort(byCreation);
  return sets;
}

/** ReplicaSetsByRevision: lowest revision first, ties by creation. */
export function byRevision(a: KObject, b: KObject): number {
  return revisionOf(a) - revisionOf(b) || byCreation(a, b);
}

/** ReplicaSetsBySizeNewer: largest first, ties newest first (where a scale-up's leftovers go). */
export function bySizeNewer(a: KObject, b: KObject): number {
  return replicasOf(b) - replicasOf(a) || byCreation(b, a);
}

/** ReplicaSetsBySizeOlder: largest first, ties oldest first (where a scale-down's leftovers go). */
export function bySizeOlder(a: KObject, b: KObject): number {
  return replicasOf(b) - replicasOf(a) || byCreation(a, b);
}

/**
 * FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (several can
 * match after a hash collision; the oldest wins, as in Kubernetes).
 */
export function findNewReplicaSet(d: KObject, sets: readonly KObject[]): KObject | undefined {
  const key = templateKey(d.spec?.template);
  return inCreationOrder(sets).find((rs) => templateKey(rs.spec?.template) === key);
}

/** The annotations SetReplicasAnnotations writes: desired-replicas and max-replicas. */
export function replicasAnnotations(
  d: KObject,
  v: DeploymentVariant,
  maxSurge = maxSurgeOf(d, v),
): Record<string, string> {
  const desired = replicasOf(d);
  return { [DESIRED_REPLICAS]: String(desired), [MAX_REPLICAS]: String(desired + maxSurge) };
}

export function needsAnnotations(rs: KObject, want: Record<string, string>): boolean {
  const a = rs.metadata.annotations ?? {};
  for (const k in want) if (a[k] !== want[k]) return true;
  return false;
}

/** Go's integer.RoundToInt32: half away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/**
 * getNonNegativeInt32FromAnnotation: decimal digits only, at most MaxInt32; anything else (a
 * negative, "1e2", "0x10", " 12") is not a valid annotation.
 */
function annotationInt32(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^[0-9]+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n <= 2_147_483_647 ? n : undefined;
}

/**
 * getReplicaSetFraction: the set's share of a resize, from the size the Deployment had when the
 * set was last sized (the max-replicas annotation; when it is missing, invalid or 0, as a third
 * party may leave it, status.replicas).
 */
function fraction(rs: KObject, d: KObject, v: DeploymentVariant): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const target = replicasOf(d) + maxSurgeOf(d, v);
  const annotated = annotationInt32(rs.metadata.annotations?.[MAX_REPLICAS]) || (d.status?.replicas ?? 0);
  if (annotated === 0) return 0;
  return roundHalfAway((replicasOf(rs) * target) / annotated) - replicasOf(rs);
}

/** GetProportion: how many replicas this set gains or loses, within what is still to add. */
export function proportion(
  rs: KObject,
  d: KObject,
  toAdd: number,
  added: number,
  v: DeploymentVariant,
): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(rs, d, v);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}
