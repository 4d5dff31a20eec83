import { onlyFields } from './fields.ts';
import type { FieldError } from './types.ts';

export const CONTROLLER_NAMES = ['replicaset', 'daemonset', 'statefulset', 'deployment'];

/** `controller`: one of the workload controllers. */
export function controllerField(
  ev: Readonly<Record<string, unknown>>,
  required: boolean,
  allowed: string[],
): FieldError | null {
  const only = onlyFields(ev, allowed);
  if (only) return only;
  const v = ev.controller;
  if (v === undefined && !required) return null;
  if (typeof v !== 'string' || !CONTROLLER_NAMES.includes(v)) {
    return { field: 'controller', message: `\`controller\` must be one of ${CONTROLLER_NAMES.join(', ')}` };
  }
  return null;
}
