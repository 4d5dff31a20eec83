/**
 * Per-kind knowledge the generic invariants workload.converges and status.consistent need: when is
 * a workload of this kind converged, and what its status must say, recomputed from the API store.
 * Adding a kind means one file here and one line in workloads/registry.ts.
 */
import type { Kind, KObject } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import type { Explanation } from '../types.ts';

export interface WorkloadChecks {
  kind: Kind;
  /**
   * Null when converged, else why not: `{ en, ko }` ("3/5 pods, 2 Ready: 1 pod unschedulable" and
   * its Korean, see Finding in ../types.ts). A plain string is English only: the Korean report of
   * workload.converges then shows the English sentence.
   */
  notConverged(world: World, obj: KObject): Explanation | string | null;
  /**
   * Why a workload that notConverged lets pass is held where it is on purpose (a rollout held at
   * maxUnavailable, a surge nothing wakes): workload.converges records it with `ctx.held`.
   */
  heldByDesign?(world: World, obj: KObject): Explanation | null;
  /**
   * Why status fields that differ from expectedStatus (`wrong`, by name) are a lag Kubernetes leaves
   * on purpose (a failing StatefulSet sync skips its minReadySeconds requeue): status.consistent
   * records it with `ctx.held` instead of a finding.
   */
  statusHeldByDesign?(world: World, obj: KObject, wrong: readonly string[]): Explanation | null;
  /** A fingerprint of what the workload runs (uids of its pods), to see that it stays put. */
  fingerprint(world: World, obj: KObject): string;
  /** The status fields as recomputed from the store; compared one by one with obj.status. */
  expectedStatus(world: World, obj: KObject): Record<string, number | string | undefined>;
}
