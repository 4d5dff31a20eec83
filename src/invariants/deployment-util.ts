/** Helpers the Deployment invariants share: the controller's ReplicaSet writes and its syncs. */
import type { KObject } from '../model/types.ts';
import type { DeploymentCause, WriteRecord } from '../sim/api/types.ts';
import type { World } from '../sim/world.ts';
import { specReplicas } from './semantics/deployment.ts';

export interface DeploymentWrite {
  w: WriteRecord;
  c: DeploymentCause;
  /** The ReplicaSet as written (the last state for a delete). */
  rs: KObject;
  /** spec.replicas before and after the write, as the sync held the set (0 for a create's before). */
  from: number;
  to: number;
  /** Replicas this sync took off old ReplicaSets by scale-down-old before this write. */
  scaledDownBefore: number;
  /** Replicas this sync took off by cleanup-unhealthy before this write. */
  cleanedBefore: number;
  /** The sets as the sync held them when it began on the old ReplicaSets (reconcileOldReplicaSets). */
  oldStart?: readonly KObject[];
  /** The sets as the sync held them at its first proportional resize. */
  resizeStart?: readonly KObject[];
}

/**
 * What one sync of a Deployment has done so far: Kubernetes carries the sizes it set from one
 * ReplicaSet call to the next, so a claim about a sync's budget adds up its writes. A sync is told
 * apart from the next by the time it was planned at and the Deployment object it planned from.
 */
interface SyncTally {
  plannedAtMs: number;
  deployment: KObject;
  scaledDown: number;
  cleaned: number;
  oldStart?: readonly KObject[];
  resizeStart?: readonly KObject[];
  /** The last write of the sync: the next one's view shows it (a fresh sync's may not). */
  last?: { name: string; to: number; removed: boolean };
}

/** Whether the sync's view still shows its last write, as every later write of one sync does. */
function continues(t: SyncTally, c: DeploymentCause): boolean {
  if (!t.last) return true;
  const { name, to, removed } = t.last;
  const held = c.observedReplicaSets.find((s) => s.metadata.name === name);
  return removed ? !held : specReplicas(held) === to;
}

const tallies = new WeakMap<World, Map<string, SyncTally>>();
const seen = new WeakMap<WriteRecord, DeploymentWrite>();

function tallyOf(world: World, c: DeploymentCause): SyncTally {
  const byOwner = tallies.get(world) ?? new Map<string, SyncTally>();
  tallies.set(world, byOwner);
  const cur = byOwner.get(c.ownerUid);
  const same = cur && cur.plannedAtMs === c.plannedAtMs && cur.deployment === c.observedDeployment;
  if (cur && same && continues(cur, c)) return cur;
  const fresh: SyncTally = {
    plannedAtMs: c.plannedAtMs,
    deployment: c.observedDeployment,
    scaledDown: 0,
    cleaned: 0,
  };
  byOwner.set(c.ownerUid, fresh);
  return fresh;
}

/** One write read against its sync's tally (once: every invariant asks for the same records). */
function tallied(world: World, w: WriteRecord, c: DeploymentCause): DeploymentWrite {
  const known = seen.get(w);
  if (known) return known;
  const rs = (w.after ?? w.before)!;
  const held = c.observedReplicaSets.find((s) => s.metadata.name === rs.metadata.name);
  const from = w.verb === 'create' ? 0 : specReplicas(held ?? w.before);
  const to = w.removed ? 0 : specReplicas(w.after);
  const t = tallyOf(world, c);
  if ((c.reason === 'cleanup-unhealthy' || c.reason === 'scale-down-old') && !t.oldStart)
    t.oldStart = c.observedReplicaSets;
  if (c.reason === 'proportional' && !t.resizeStart) t.resizeStart = c.observedReplicaSets;
  const dw: DeploymentWrite = {
    w,
    c,
    rs,
    from,
    to,
    scaledDownBefore: t.scaledDown,
    cleanedBefore: t.cleaned,
    oldStart: t.oldStart,
    resizeStart: t.resizeStart,
  };
  t.last = { name: rs.metadata.name, to, removed: w.removed };
  if (c.reason === 'scale-down-old') t.scaledDown += Math.max(0, from - to);
  if (c.reason === 'cleanup-unhealthy') t.cleaned += Math.max(0, from - to);
  seen.set(w, dw);
  return dw;
}

/** This step's ReplicaSet writes by the Deployment controller, in the order they were made. */
export function deploymentWrites(world: World): DeploymentWrite[] {
  const out: DeploymentWrite[] = [];
  for (const w of world.stepWrites) {
    const c = w.cause;
    // Only sync writes carry the sync's view (an adoption patch does not).
    if (w.kind !== 'ReplicaSet' || c?.controller !== 'deployment' || !('observedDeployment' in c)) continue;
    out.push(tallied(world, w, c));
  }
  return out;
}

/** The name of the Deployment a cause belongs to. */
export function deploymentName(c: DeploymentCause): string {
  return c.observedDeployment.metadata.name;
}

export function sumOf(sets: readonly KObject[], f: (rs: KObject) => number): number {
  return sets.reduce((n, rs) => n + f(rs), 0);
}

/** The sets as the sync held them with one of them resized. */
export function withSize(
  sets: readonly KObject[],
  name: string,
  to: number,
): Array<{ name: string; size: number }> {
  const out = sets.map((s) => ({
    name: s.metadata.name,
    size: s.metadata.name === name ? to : specReplicas(s),
  }));
  if (!sets.some((s) => s.metadata.name === name)) out.push({ name, size: to });
  return out;
}
