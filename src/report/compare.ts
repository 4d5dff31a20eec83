/**
 * The side-by-side comparison: when a scenario runs more than one kind of workload (ReplicaSet,
 * DaemonSet, StatefulSet) through the same faults, what happened to each one's Pods at each fault
 * (replaced elsewhere under a new name, created again under the same name with the same volume,
 * restarted in place, kept, removed) and how each ended up (placement, scaling, identity, storage,
 * network identity).
 *
 * Derived from the trace's structured events (plus the final state), in three steps:
 * - reading the run (compare/read.ts): the workloads, and the trace replayed into Pod incarnations;
 * - judging fates (compare/fates.ts): each Pod a fault hits (its Node's Pods for node faults, the
 *   named Pod for Pod faults, every Pod of the workload for a scale, a new template or a delete of
 *   it) gets one {@link Fate}, followed until the next fault that hits it again (or the end of the
 *   run); Pods that appear or disappear without being hit are listed in the row of the fault they
 *   follow ("start" before the first fault);
 * - summarising (compare/summary.ts): how each workload ended up.
 */
export { compareWorkloads } from './compare/fates.ts';
export { isComparison, ownerOf, workloadsOf } from './compare/read.ts';
export type {
  CompareRow,
  Comparison,
  Fate,
  Workload,
  WorkloadKind,
  WorkloadSummary,
} from './compare/types.ts';
