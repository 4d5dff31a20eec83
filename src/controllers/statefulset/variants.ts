/**
 * The StatefulSet controller and its mutants. Each mutant is the real controller with one behaviour
 * broken, modelled on a real bug or a tempting shortcut; the property suite must catch every one.
 */
export interface StatefulSetVariant {
  /** (a) OrderedReady behaves like Parallel: no waiting for lower ordinals. */
  orderedAsParallel?: boolean;
  /** (b) Scale-down removes the lowest condemned ordinal first. */
  condemnedAscending?: boolean;
  /** (c) Every pod owns its PVCs, so the GC deletes a claim with its pod even under Retain. */
  podOwnsClaims?: boolean;
  /** (d) A recreated pod gets a fresh PVC instead of its own (its data is lost). */
  freshClaimOnRecreate?: boolean;
  /** (e) A pod stuck Terminating past its grace period is force-deleted and replaced (kubernetes#54368). */
  forceDeleteStuck?: boolean;
  /** (f) A missing pod is recreated only when every existing pod is healthy (kubernetes#38418). */
  waitForAllReady?: boolean;
  /** (g) The partition compares absolute ordinals instead of slots from ordinals.start (kubernetes#128529). */
  partitionFromZero?: boolean;
  /** (h) The rolling update does not wait for an unhealthy pod above the next one to update. */
  ignoresUnhealthyRollout?: boolean;
  /** (k) Creates a pod on a claim that is being deleted (before PR #93457: the pod stays Pending). */
  ignoresTerminatingClaim?: boolean;
  /** (l) Never makes the update revision current once every pod runs it (completeRollingUpdate). */
  neverCompletesRollout?: boolean;
  /** (m) Prunes old revisions that pods still run (only the current and update revisions are kept). */
  prunesLiveRevisions?: boolean;
  /** (j) Never looks again when a Ready pod becomes available by the clock alone (minReadySeconds). */
  noAvailabilityRequeue?: boolean;
  /** (i) A pod that ended Succeeded is kept instead of deleted and recreated (cf. kubernetes#118716 for DaemonSets). */
  keepsSucceeded?: boolean;
}

export const CORRECT: StatefulSetVariant = {};

export const STATEFULSET_VARIANTS: Record<string, { variant: StatefulSetVariant; description: string }> = {
  correct: { variant: CORRECT, description: 'The StatefulSet controller as Kubernetes implements it.' },
  'ordered-as-parallel': {
    variant: { orderedAsParallel: true },
    description: 'OrderedReady behaves like Parallel: pods are created without waiting for lower ordinals.',
  },
  'scale-down-lowest-first': {
    variant: { condemnedAscending: true },
    description: 'Scale-down removes the lowest condemned ordinal first instead of the highest.',
  },
  'pvc-deleted-with-pod': {
    variant: { podOwnsClaims: true },
    description: 'Makes every pod own its PVCs, so a claim is deleted with its pod even under Retain.',
  },
  'fresh-pvc-on-recreate': {
    variant: { freshClaimOnRecreate: true },
    description:
      "A recreated pod gets a fresh PVC instead of its own: the earlier incarnation's data is lost.",
  },
  'replace-terminating': {
    variant: { forceDeleteStuck: true },
    description:
      'Force-deletes a pod stuck Terminating (e.g. on a partitioned node) and creates a replacement: two copies run (cf. kubernetes#54368).',
  },
  'wait-for-successors': {
    variant: { waitForAllReady: true },
    description:
      'Does not recreate a deleted pod while any other pod is unready, so a predecessor is never restored (cf. kubernetes#38418).',
  },
  'ignores-unhealthy-rollout': {
    variant: { ignoresUnhealthyRollout: true },
    description:
      'The rolling update deletes the next old pod while a pod above it is still unhealthy (not Running and Ready, or being replaced), so a Parallel set rolls many pods at once.',
  },
  'keeps-succeeded': {
    variant: { keepsSucceeded: true },
    description:
      'Replaces Failed pods but keeps pods that ended Succeeded (after a node shutdown, or an application that exits 0), so the ordinal stays down for good.',
  },
  'stale-available': {
    variant: { noAvailabilityRequeue: true },
    description:
      'With minReadySeconds, never looks again when a Ready pod becomes available by the clock alone, so availableReplicas stays stale and an OrderedReady set waits until something else happens (kubernetes#119352, #135428).',
  },
  'ignores-terminating-claim': {
    variant: { ignoresTerminatingClaim: true },
    description:
      'Creates a pod that mounts a claim being deleted; the kubelet never mounts it, so the pod stays Pending for good (kubernetes#74374, fixed by PR #93457).',
  },
  'never-completes-rollout': {
    variant: { neverCompletesRollout: true },
    description:
      'Never moves status.currentRevision to the update revision when a rolling update is done, so later pods below a partition come back at the old revision.',
  },
  'prunes-live-revisions': {
    variant: { prunesLiveRevisions: true },
    description:
      'Prunes the revision history down to revisionHistoryLimit without keeping the revisions pods still run, so an OnDelete or partitioned set loses the template its own pods came from.',
  },
  'partition-from-zero': {
    variant: { partitionFromZero: true },
    description: 'Counts the partition from ordinal 0 instead of ordinals.start (cf. kubernetes#128529).',
  },
};
