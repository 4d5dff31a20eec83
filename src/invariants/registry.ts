/**
 * Every invariant kubeprop checks. This list is the only wiring point: adding an invariant means one
 * new file and one line here.
 */
import { daemonsetCoverage } from './daemonset-coverage.ts';
import { daemonsetFailedPodBackoff } from './daemonset-failed-pod-backoff.ts';
import { daemonsetOnePerNode } from './daemonset-one-per-node.ts';
import { daemonsetPlacement } from './daemonset-placement.ts';
import { daemonsetReplacesTerminal } from './daemonset-replaces-terminal.ts';
import { daemonsetRolloutBudget } from './daemonset-rollout-budget.ts';
import { deploymentAvailabilityBounds } from './deployment-availability-bounds.ts';
import { deploymentHistoryLimit } from './deployment-history-limit.ts';
import { deploymentProportionalScaling } from './deployment-proportional-scaling.ts';
import { deploymentRecreateNoOverlap } from './deployment-recreate-no-overlap.ts';
import { deploymentRollback } from './deployment-rollback.ts';
import { deploymentSurgeBounds } from './deployment-surge-bounds.ts';
import { ownershipReleaseUnmatched } from './ownership-release-unmatched.ts';
import { ownershipSingleController } from './ownership-single-controller.ts';
import { replicasetDeletionRanking } from './replicaset-deletion-ranking.ts';
import { replicasetExactReplicas } from './replicaset-exact-replicas.ts';
import { replicasetNoOvershoot } from './replicaset-no-overshoot.ts';
import { serviceEndpointsConverge } from './service-endpoints-converge.ts';
import { serviceRoutesReady } from './service-routes-ready.ts';
import { STATEFULSET_INVARIANTS } from './statefulset-invariants.ts';
import { statefulsetStableNetworkId } from './statefulset-stable-network-id.ts';
import { statusConsistent } from './status-consistent.ts';
import type { InvariantDef } from './types.ts';
import { workloadConverges } from './workload-converges.ts';
import { workloadNoNeedlessWrites } from './workload-no-needless-writes.ts';

const INVARIANTS: readonly InvariantDef[] = [
  replicasetExactReplicas,
  replicasetNoOvershoot,
  replicasetDeletionRanking,
  daemonsetOnePerNode,
  daemonsetPlacement,
  daemonsetCoverage,
  daemonsetRolloutBudget,
  daemonsetFailedPodBackoff,
  daemonsetReplacesTerminal,
  ...STATEFULSET_INVARIANTS,
  deploymentSurgeBounds,
  deploymentAvailabilityBounds,
  deploymentRecreateNoOverlap,
  deploymentProportionalScaling,
  deploymentRollback,
  deploymentHistoryLimit,
  ownershipSingleController,
  ownershipReleaseUnmatched,
  workloadConverges,
  workloadNoNeedlessWrites,
  statusConsistent,
  serviceRoutesReady,
  serviceEndpointsConverge,
  statefulsetStableNetworkId,
];

const BY_ID = new Map(INVARIANTS.map((i) => [i.id, i]));

export function allInvariants(): readonly InvariantDef[] {
  return INVARIANTS;
}

export function getInvariant(id: string): InvariantDef | undefined {
  return BY_ID.get(id);
}
