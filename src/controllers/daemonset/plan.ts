/**
 * The pure manage step of the DaemonSet controller (daemon_controller.go `manage`,
 * `podsShouldBeOnNode`, `getUnscheduledPodsWithoutNode`): from the cached nodes and the DaemonSet's
 * pods grouped by node, which nodes need a pod and which pods must go, and why.
 */
import type { KObject } from '../../model/types.ts';
import type { DaemonSetDeleteReason } from '../../sim/api/types.ts';
import { backoffKey, type FailedPodBackoff } from './backoff.ts';
import type { EligibilityRules } from './eligibility.ts';
import type { NodeEntry, NodeTable } from './nodeTable.ts';
import { available, byAgeAndPhase, isTerminal, podHash } from './pods.ts';

/** Creations and deletions per sync are each capped (DaemonSet `BurstReplicas`). */
export const BURST_REPLICAS = 250;

/** Declared with the write causes that carry it (sim/api/types.ts), which the judge reads. */
export type DeleteReason = DaemonSetDeleteReason;

export interface PodDeletion {
  pod: KObject;
  reason: DeleteReason;
}

export interface ManagePlan {
  /** Nodes that need a daemon pod, in node-name order. */
  creates: string[];
  deletes: PodDeletion[];
  /** Failed pods waiting out their back-off: requeue the DaemonSet after this long (ms). */
  requeueAfterMs?: number;
}

/** What manage needs to know about the variant. */
export interface ManageKnobs {
  rules: EligibilityRules;
  /** Mutant (false): pods only for nodes that existed when the DaemonSet was created. */
  placeOnNewNodes: boolean;
  /** Mutant (false): a node whose only pod is terminating counts as empty (kubernetes#51464). */
  waitForTerminating: boolean;
  /** Mutant (false): a Succeeded pod is kept as if it ran; only Failed ones are replaced (before kubernetes#118716). */
  replaceSucceeded: boolean;
  /** Mutant (false): Failed pods are deleted at once, with no per-node back-off (a create/delete hot loop). */
  failedPodBackoff: boolean;
}

/** `intstr.GetScaledValueFromIntOrPercent(v, total, roundUp=true)`. */
export function scaledValue(v: number | string | undefined, total: number): number {
  if (v === undefined) return 0;
  if (typeof v === 'number') return v;
  const pct = Number(v.replace('%', ''));
  return Math.ceil((pct * total) / 100);
}

/** `AllowsSurge`: a RollingUpdate whose maxSurge is above 0 (percentages of 1, rounded up). */
export function allowsSurge(ds: KObject): boolean {
  const s = ds.spec?.updateStrategy;
  return s?.type !== 'OnDelete' && scaledValue(s?.rollingUpdate?.maxSurge, 1) > 0;
}

export interface ManageInput {
  ds: KObject;
  /** The nodes that need a look (quiet nodes need nothing from manage). */
  table: NodeTable;
  hash: string;
  nowMs: number;
  backoff: FailedPodBackoff;
  knobs: ManageKnobs;
}

export function planManage(input: ManageInput): ManagePlan {
  const plan: ManagePlan = { creates: [], deletes: [] };
  const surge = allowsSurge(input.ds);
  for (const entry of input.table.entries) if (entry.node) planNode(input, entry, surge, plan);
  // Unscheduled pods aimed at nodes that no longer exist: no kubelet and no pod GC will remove them.
  for (const entry of input.table.entries) {
    if (entry.node) continue;
    for (const pod of entry.pods) {
      if (!pod.spec?.nodeName) plan.deletes.push({ pod, reason: 'node-gone' });
    }
  }
  return plan;
}

/** `podsShouldBeOnNode` for one node. */
function planNode(input: ManageInput, entry: NodeEntry, surge: boolean, plan: ManagePlan): void {
  const { ds, knobs } = input;
  const { name, pods } = entry;
  const node = entry.node!;
  const { shouldRun, shouldContinueRunning } = entry.e;
  const exists = knobs.waitForTerminating ? pods.length > 0 : pods.some((p) => !p.metadata.deletionTimestamp);
  if (shouldRun && !exists) {
    if (knobs.placeOnNewNodes || node.metadata.creationTimestamp <= ds.metadata.creationTimestamp)
      plan.creates.push(name);
    return;
  }
  if (!shouldContinueRunning) {
    for (const pod of pods)
      if (!pod.metadata.deletionTimestamp) plan.deletes.push({ pod, reason: 'misscheduled' });
    return;
  }
  const running: KObject[] = [];
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (pod.status?.phase === 'Failed') {
      // Back off per node, so a pod the kubelet keeps rejecting is not recreated in a hot loop.
      const key = backoffKey(ds, name);
      if (knobs.failedPodBackoff && input.backoff.inBackoff(key, input.nowMs)) {
        const wait = input.backoff.remaining(key, input.nowMs);
        plan.requeueAfterMs = Math.min(plan.requeueAfterMs ?? wait, wait);
        continue;
      }
      input.backoff.next(key, input.nowMs);
      plan.deletes.push({ pod, reason: 'failed' });
    } else if (pod.status?.phase === 'Succeeded' && knobs.replaceSucceeded)
      plan.deletes.push({ pod, reason: 'succeeded' });
    else running.push(pod);
  }
  if (!surge) {
    // More than one running pod: keep the oldest. (An only pod that is terminating gets no
    // replacement until it is gone: that is what `exists` above counted.)
    for (const extra of running.slice(1)) plan.deletes.push({ pod: extra, reason: 'duplicate' });
    return;
  }
  planSurgeNode(input, running, shouldRun, name, plan);
}

/** With surge: keep the oldest new-hash and the oldest old-hash pod; the old one goes when it is unready or the new one is available. */
function planSurgeNode(
  input: ManageInput,
  running: KObject[],
  shouldRun: boolean,
  name: string,
  plan: ManagePlan,
): void {
  if (running.length === 0) {
    if (shouldRun) plan.creates.push(name);
    return;
  }
  if (running.length === 1) return;
  let oldestNew: KObject | undefined;
  let oldestOld: KObject | undefined;
  for (const pod of [...running].sort(byAgeAndPhase)) {
    const isNew = podHash(pod) === input.hash;
    if (isNew && !oldestNew) oldestNew = pod;
    else if (!isNew && !oldestOld) oldestOld = pod;
    else plan.deletes.push({ pod, reason: 'duplicate' });
  }
  if (!oldestNew || !oldestOld) return;
  const minReady = input.ds.spec?.minReadySeconds ?? 0;
  const oldReady = (oldestOld.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
  if (!oldReady || available(oldestNew, minReady, input.nowMs))
    plan.deletes.push({ pod: oldestOld, reason: 'surge-replaced' });
}

export { isTerminal };
