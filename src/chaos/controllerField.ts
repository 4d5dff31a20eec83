import type { ControllerName } from './types.ts';

/** The controllers an event may name (`restart-controller`, `delay-watch`, `fail-api`). */
export const CONTROLLER_NAMES: readonly ControllerName[] = [
  'replicaset',
  'daemonset',
  'statefulset',
  'deployment',
  'endpointslice',
];

export function isControllerName(name: string): name is ControllerName {
  return CONTROLLER_NAMES.some((c) => c === name);
}
