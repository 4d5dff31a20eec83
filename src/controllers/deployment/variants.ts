/**
 * The Deployment controller and its mutants: the real controller with one behaviour broken, each a
 * tempting shortcut or a real bug. The property suite must catch every one; selectable from tests
 * and scenario files (`spec.controllers.deployment`), never by default.
 */
export interface DeploymentVariant {
  /** ResolveFenceposts' rounding: surge up and unavailable down, or the other way (mutant a). */
  rounding: 'kubernetes' | 'swapped';
  /** Bump status.collisionCount on a name collision with another template (false: retry the same name for ever). */
  collisionCount: boolean;
  /** Scale during a rollout or pause: proportionally across ReplicaSets, or all to the newest (mutant c). */
  scaling: 'proportional' | 'newest-only';
  /** Scale down unhealthy old replicas first (cleanupUnhealthyReplicas, kubernetes#16737). */
  cleanupUnhealthy: boolean;
  /** Recreate: wait until no old pod runs before scaling up the new ReplicaSet. */
  recreateWaits: boolean;
  /** Reuse an old ReplicaSet whose template equals the Deployment's (false: a rollback makes a new one). */
  reuseOnRollback: boolean;
  /** NewRSNewReplicas' room under maxSurge: over all sets' replicas, or the new set's alone (mutant g). */
  surgeCounts: 'all-sets' | 'new-only';
  /** Delete old ReplicaSets beyond revisionHistoryLimit once the rollout is complete (mutant h). */
  historyCleanup: boolean;
  /**
   * scale() with one active ReplicaSet already of the right size refreshes its stale desired-replicas
   * annotation (false: returns early, as Kubernetes does until kubernetes#138036; the annotation then
   * makes every sync a scaling event and the rollout never resumes).
   */
  refreshScaleAnnotations: boolean;
}

export const CORRECT: DeploymentVariant = {
  rounding: 'kubernetes',
  collisionCount: true,
  scaling: 'proportional',
  cleanupUnhealthy: true,
  recreateWaits: true,
  reuseOnRollback: true,
  surgeCounts: 'all-sets',
  historyCleanup: true,
  refreshScaleAnnotations: true,
};

export const DEPLOYMENT_VARIANTS: Record<string, { variant: DeploymentVariant; description: string }> = {
  correct: { variant: CORRECT, description: 'The Deployment controller as Kubernetes implements it.' },
  'swapped-rounding': {
    variant: { ...CORRECT, rounding: 'swapped' },
    description:
      'Rounds a percent maxSurge down and maxUnavailable up: with 25% of 10 replicas it surges 2 instead of 3 and lets 3 go unavailable instead of 2 (deployment.availability-bounds catches it).',
  },
  'stale-scale-annotation': {
    variant: { ...CORRECT, refreshScaleAnnotations: false },
    description:
      "A scale that finds the one active ReplicaSet already of the right size leaves its desired-replicas annotation stale (Kubernetes' own behaviour, open as kubernetes#138036 and #138840): a scale during a maxSurge 0 rollout wedges it, every sync a scaling event (workload.converges catches it).",
  },
  'no-collision-count': {
    variant: { ...CORRECT, collisionCount: false },
    description:
      'Ignores a ReplicaSet name collision with another template (no status.collisionCount bump, kubernetes#29735): the rollout retries the same name for ever (workload.converges catches it).',
  },
  'scale-newest-only': {
    variant: { ...CORRECT, scaling: 'newest-only' },
    description:
      'A scale during a rollout or pause goes to the newest ReplicaSet only instead of proportionally across ReplicaSets (kubernetes#28145; deployment.proportional-scaling catches it).',
  },
  'no-unhealthy-cleanup': {
    variant: { ...CORRECT, cleanupUnhealthy: false },
    description:
      'Does not scale down unhealthy old replicas first (kubernetes#16737): a rollout whose old pods are unavailable blocks (workload.converges catches it).',
  },
  'recreate-overlaps': {
    variant: { ...CORRECT, recreateWaits: false },
    description:
      'Recreate scales up the new ReplicaSet as soon as the old ones are scaled to zero, while their pods still run (deployment.recreate-no-overlap catches it).',
  },
  'rollback-new-replicaset': {
    variant: { ...CORRECT, reuseOnRollback: false },
    description:
      'A rollback creates a new ReplicaSet (under a new collision count) instead of reusing the old one with the same template (deployment.rollback catches it).',
  },
  'surge-counts-new-only': {
    variant: { ...CORRECT, surgeCounts: 'new-only' },
    description:
      "Counts maxSurge against the new ReplicaSet alone, forgetting the old ones' replicas: the first scale-up of a rollout asks for every replica on top of the old pods (deployment.surge-bounds catches it).",
  },
  'keeps-history': {
    variant: { ...CORRECT, historyCleanup: false },
    description:
      'Never deletes old ReplicaSets beyond revisionHistoryLimit: every template change leaves one more behind (deployment.history-limit catches it).',
  },
};
