/**
 * DaemonSet status (`updateDaemonSetStatus`): per node, whether a pod should run there and the
 * oldest of its pods (scheduled first). Shared by the controller (over its cache) and the
 * invariants (over the API store), so both count the same way.
 */
import { isPodReady } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { CORRECT_RULES, type EligibilityRules, nodeShouldRunDaemonPod } from './eligibility.ts';
import { emptyTally, type NodeTable } from './nodeTable.ts';
import { available, podHash } from './pods.ts';

export interface DaemonSetStatusCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  numberAvailable: number;
  updatedNumberScheduled: number;
  numberUnavailable: number;
}

/** The counts for the cached (or stored) nodes and the pods grouped by node, oldest first. */
export function statusCounts(
  ds: KObject,
  nodes: readonly KObject[],
  byNode: ReadonlyMap<string, KObject[]>,
  hash: string,
  nowMs: number,
  rules: EligibilityRules = CORRECT_RULES,
): DaemonSetStatusCounts {
  const entries = nodes.map((node) => ({
    name: node.metadata.name,
    node,
    e: nodeShouldRunDaemonPod(ds, node, rules),
    pods: byNode.get(node.metadata.name) ?? [],
  }));
  return statusFromTable(ds, { entries, quiet: emptyTally() }, hash, nowMs);
}

/** The counts from a node table: the quiet nodes' tally plus a look at every other node. */
export function statusFromTable(
  ds: KObject,
  table: NodeTable,
  hash: string,
  nowMs: number,
): DaemonSetStatusCounts {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const q = table.quiet;
  const c: DaemonSetStatusCounts = {
    desiredNumberScheduled: q.desired,
    currentNumberScheduled: q.current,
    numberMisscheduled: q.misscheduled,
    numberReady: q.ready,
    numberAvailable: q.available,
    updatedNumberScheduled: q.updated,
    numberUnavailable: 0,
  };
  for (const { node, e, pods } of table.entries) {
    if (!node) continue;
    const scheduled = pods.length > 0;
    if (!e.shouldRun) {
      if (scheduled) c.numberMisscheduled++;
      continue;
    }
    c.desiredNumberScheduled++;
    if (!scheduled) continue;
    c.currentNumberScheduled++;
    const pod = pods[0]!;
    if (isPodReady(pod as Pod)) {
      c.numberReady++;
      if (available(pod, minReady, nowMs)) c.numberAvailable++;
    }
    if (podHash(pod) === hash) c.updatedNumberScheduled++;
  }
  c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
  return c;
}

/** `storeDaemonSetStatus` skips the write when every field (and observedGeneration) is unchanged. */
export function statusChanged(ds: KObject, next: DaemonSetStatusCounts, observedGeneration: number): boolean {
  const cur = ds.status ?? {};
  if ((cur.observedGeneration ?? 0) !== observedGeneration) return true;
  return (Object.keys(next) as Array<keyof DaemonSetStatusCounts>).some((k) => (cur[k] ?? 0) !== next[k]);
}
