/** Registry entry of the DaemonSet controller. */
import type { ControllerEntry } from '../types.ts';
import { DaemonSetController } from './controller.ts';
import { daemonSetMachine } from './machine.ts';
import { DAEMONSET_VARIANTS } from './variants.ts';

export const daemonSetController: ControllerEntry = {
  name: 'daemonset',
  workloadKind: 'DaemonSet',
  machine: daemonSetMachine,
  variants: DAEMONSET_VARIANTS,
  create: (world, variant) => {
    const v = DAEMONSET_VARIANTS[variant];
    if (!v) throw new Error(`unknown daemonset variant '${variant}'`);
    return new DaemonSetController(world, v.variant);
  },
};
