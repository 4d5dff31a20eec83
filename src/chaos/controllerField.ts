/** The workload controllers an event may name (`restart-controller`, `delay-watch`, `fail-api`). */
export const CONTROLLER_NAMES = ['replicaset', 'daemonset', 'statefulset', 'deployment'];
