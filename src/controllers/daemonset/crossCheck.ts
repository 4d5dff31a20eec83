/**
 * A self-check for tests: the incremental node table must lead to exactly the decisions the full
 * walk of every node leads to (manage, the rolling update and the status counts). When the world's
 * options ask for it (`crossCheckNodeTable`, passed by runScenario's options), the
 * controller plans both ways and throws on the first difference, so a property run that exercises
 * it fails with the DaemonSet, the time and both answers.
 */
import type { KObject } from '../../model/types.ts';
import { FailedPodBackoff } from './backoff.ts';
import type { NodeTable } from './nodeTable.ts';
import { type ManageKnobs, planManage } from './plan.ts';
import { planRollingUpdate } from './rolling.ts';
import { statusFromTable } from './status.ts';

function decisions(ds: KObject, table: NodeTable, hash: string, nowMs: number, knobs: ManageKnobs): string {
  // A fresh back-off for each side: planManage records deletions of failed pods in it.
  const manage = planManage({ ds, table, hash, nowMs, backoff: new FailedPodBackoff(), knobs });
  let desired = table.quiet.desired;
  for (const entry of table.entries) if (entry.node && entry.e.shouldRun) desired++;
  const rolling = planRollingUpdate({ ds, table, desired, hash, nowMs });
  const pods = (ds: { pod: KObject; reason: string }[]) =>
    ds.map((d) => `${d.pod.metadata.name}:${d.reason}`);
  return JSON.stringify({
    manage: { creates: manage.creates, deletes: pods(manage.deletes), requeue: manage.requeueAfterMs },
    rolling: { creates: rolling.creates, deletes: pods(rolling.deletes) },
    desired,
    status: statusFromTable(ds, table, hash, nowMs),
  });
}

/** Throws when the two tables lead to different decisions. */
export function assertSameDecisions(
  ds: KObject,
  incremental: NodeTable,
  full: NodeTable,
  hash: string,
  nowMs: number,
  knobs: ManageKnobs,
): void {
  const a = decisions(ds, incremental, hash, nowMs, knobs);
  const b = decisions(ds, full, hash, nowMs, knobs);
  if (a !== b)
    throw new Error(
      `daemonset/${ds.metadata.name} at ${nowMs} ms: incremental node table ${a} differs from the full walk ${b}`,
    );
}
