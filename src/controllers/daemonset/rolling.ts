/**
 * RollingUpdate (update.go `rollingUpdate`, `updatedDesiredNodeCounts`, `findUpdatedPodsOnNode`).
 * Without surge, old pods are deleted while the unavailable count stays within maxUnavailable and
 * manage() recreates them; with surge, new pods are created beside old ones (at most maxSurge at a
 * time) and an old pod goes once its replacement is available. Nodes are visited in name order
 * (Kubernetes iterates a map, so its order is arbitrary; ours is defined).
 */
import type { KObject } from '../../model/types.ts';
import type { NodeTable } from './nodeTable.ts';
import { allowsSurge, type PodDeletion, scaledValue } from './plan.ts';
import { available, podHash } from './pods.ts';

export interface RollingPlan {
  maxSurge: number;
  maxUnavailable: number;
  creates: string[];
  deletes: PodDeletion[];
}

/** maxSurge and maxUnavailable for `desired` nodes, rounded up; both 0 means maxUnavailable 1. */
export function updateBudget(ds: KObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxSurge = allowsSurge(ds) ? scaledValue(ru.maxSurge, desired) : 0;
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/** At most one new and one old non-deleting pod on the node, or undefined when there are more. */
function splitNode(
  pods: readonly KObject[],
  hash: string,
): { newPod?: KObject; oldPod?: KObject } | undefined {
  let newPod: KObject | undefined;
  let oldPod: KObject | undefined;
  for (const p of pods) {
    if (p.metadata.deletionTimestamp) continue;
    if (podHash(p) === hash) {
      if (newPod) return undefined;
      newPod = p;
    } else {
      if (oldPod) return undefined;
      oldPod = p;
    }
  }
  return { newPod, oldPod };
}

/** How a variant bends the rolling update (the correct controller honours both budgets). */
export interface RollingKnobs {
  /** Mutant (false): deletes every available old pod at once, whatever maxUnavailable says. */
  honourMaxUnavailable: boolean;
  /** Mutant (false): creates a surge pod on every node at once, whatever maxSurge says. */
  honourMaxSurge: boolean;
}

export const CORRECT_ROLLING: RollingKnobs = { honourMaxUnavailable: true, honourMaxSurge: true };

export interface RollingInput {
  ds: KObject;
  /** Nodes that need a look; quiet nodes only add to the available and unavailable counts. */
  table: NodeTable;
  desired: number;
  hash: string;
  nowMs: number;
  knobs?: RollingKnobs;
}

export function planRollingUpdate(input: RollingInput): RollingPlan {
  const budget = updateBudget(input.ds, input.desired);
  return budget.maxSurge === 0
    ? planWithoutSurge(input, budget.maxUnavailable)
    : planWithSurge(input, budget.maxSurge, budget.maxUnavailable);
}

function planWithoutSurge(input: RollingInput, maxUnavailable: number): RollingPlan {
  const honour = (input.knobs ?? CORRECT_ROLLING).honourMaxUnavailable;
  const minReady = input.ds.spec?.minReadySeconds ?? 0;
  // A quiet node's pod is current: it only counts (as unavailable, when not Ready). Counting those
  // first changes nothing: the gate below matters only when the final count leaves no room anyway.
  let numUnavailable = input.table.quiet.podsUnavailable;
  const forced: KObject[] = [];
  const candidates: KObject[] = [];
  for (const entry of input.table.entries) {
    if (entry.pods.length === 0) continue;
    const split = splitNode(entry.pods, input.hash);
    if (!split) {
      numUnavailable++;
      continue;
    }
    const { newPod, oldPod } = split;
    if (!!newPod === !!oldPod) numUnavailable++;
    else if (newPod) {
      if (!available(newPod, minReady, input.nowMs)) numUnavailable++;
    } else if (!available(oldPod!, minReady, input.nowMs)) {
      forced.push(oldPod!);
      numUnavailable++;
    } else if (numUnavailable < maxUnavailable || !honour) candidates.push(oldPod!);
  }
  const room = honour
    ? Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length)
    : candidates.length;
  const deletes = [...forced, ...candidates.slice(0, room)].map((pod) => ({
    pod,
    reason: 'rolling-update' as const,
  }));
  return { maxSurge: 0, maxUnavailable, creates: [], deletes };
}

function planWithSurge(input: RollingInput, maxSurge: number, maxUnavailable: number): RollingPlan {
  const honour = (input.knobs ?? CORRECT_ROLLING).honourMaxSurge;
  const minReady = input.ds.spec?.minReadySeconds ?? 0;
  const isAvailable = (p: KObject) => available(p, minReady, input.nowMs);
  const deletes: PodDeletion[] = [];
  const sunset: KObject[] = [];
  const candidates: string[] = [];
  const allowed: string[] = [];
  let numSurge = 0;
  let numAvailable = input.table.quiet.podsAvailable;
  for (const { name, pods, e } of input.table.entries) {
    if (pods.length === 0) continue;
    const shouldRun = e.shouldRun;
    const split = splitNode(pods, input.hash);
    if (!split) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = split;
    const counted = oldPod ?? newPod;
    if (counted && isAvailable(counted)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!isAvailable(oldPod)) {
        if (shouldRun) allowed.push(name);
        else deletes.push({ pod: oldPod, reason: 'rolling-update' });
      } else if (!shouldRun) sunset.push(oldPod);
      else if (numSurge < maxSurge || !honour) candidates.push(name);
      continue;
    }
    if (!isAvailable(newPod)) numSurge++;
    else deletes.push({ pod: oldPod, reason: 'surge-replaced' });
  }
  // Only retire pods on nodes that stopped being eligible while more than `desired` are available.
  const deletable = Math.min(Math.max(0, numAvailable - input.desired), sunset.length);
  for (const pod of sunset.slice(0, deletable)) deletes.push({ pod, reason: 'rolling-update' });
  const room = honour ? Math.min(Math.max(0, maxSurge - numSurge), candidates.length) : candidates.length;
  return { maxSurge, maxUnavailable, creates: [...allowed, ...candidates.slice(0, room)], deletes };
}
