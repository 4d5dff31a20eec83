/** The workload kinds the generic invariants know how to judge. */
import { daemonSetChecks } from './daemonset.ts';
import { deploymentChecks } from './deployment.ts';
import { replicaSetChecks } from './replicaset.ts';
import { statefulSetChecks } from './statefulset.ts';
import type { WorkloadChecks } from './types.ts';

export const WORKLOAD_CHECKS: readonly WorkloadChecks[] = [
  replicaSetChecks,
  daemonSetChecks,
  statefulSetChecks,
  deploymentChecks,
];
