/**
 * Per-kind knowledge the generic invariants workload.converges and status.consistent need: when is
 * a workload of this kind converged, and what its status must say, recomputed from the API store.
 * Adding a kind means one file here and one line in workloads/registry.ts.
 */
import type { Kind, KObject } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';

export interface WorkloadChecks {
  kind: Kind;
  /** Null when converged, else why not ("3/5 Ready: 2 pods unschedulable"). */
  notConverged(world: World, obj: KObject): string | null;
  /** A fingerprint of what the workload runs (uids of its pods), to see that it stays put. */
  fingerprint(world: World, obj: KObject): string;
  /** The status fields as recomputed from the store; compared one by one with obj.status. */
  expectedStatus(world: World, obj: KObject): Record<string, number | string | undefined>;
}
