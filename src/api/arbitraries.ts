/**
 * fast-check arbitraries for clusters, workload manifests and fault plans: the ones kubeprop's own
 * property suites use (properties/*.arbitraries.ts), exported as they are so users compose their
 * own properties from the same parts. Every value is plain data, so counterexamples shrink; a
 * generated {@link Scenario} runs with `runScenario` like a parsed file.
 */
export {
  clusterArb,
  describePlan,
  eventArbs,
  faultPlanArb,
  orphanPod,
  PERSISTENT_FAILURE_KINDS,
  plainNodes,
  replicaSet,
  type ScenarioParts,
  scenarioOf,
} from '../../properties/arbitraries.ts';
export { type DaemonKnobs, daemonScenarioArb, daemonSet } from '../../properties/daemonset.arbitraries.ts';
export {
  adoptionRaceArb,
  failedCreatesArb,
  rankingScenarioArb,
  replicaSetScenarioArb,
  staggeredReadinessArb,
} from '../../properties/replicaset.arbitraries.ts';
export {
  KINDS as STATEFULSET_FAULT_KINDS,
  type SetShape,
  setShapeArb,
  statefulSet,
  statefulSetScenarioArb,
  stsFaultArbs,
  swarmScenarioArb,
} from '../../properties/statefulset.arbitraries.ts';
export { defaultChaosKinds, expandChaos } from '../chaos/generate.ts';
export { generateScenario as campaignScenario } from '../run/campaign.ts';
