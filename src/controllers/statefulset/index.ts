/** Registry entry of the StatefulSet controller. */
import type { ControllerEntry } from '../types.ts';
import { StatefulSetController } from './controller.ts';
import { statefulSetMachine } from './machine.ts';
import { STATEFULSET_VARIANTS } from './variants.ts';

export const statefulSetController: ControllerEntry = {
  name: 'statefulset',
  workloadKind: 'StatefulSet',
  machine: statefulSetMachine,
  variants: STATEFULSET_VARIANTS,
  create: (world, variant) => {
    const v = STATEFULSET_VARIANTS[variant];
    if (!v) throw new Error(`unknown statefulset variant '${variant}'`);
    return new StatefulSetController(world, v.variant);
  },
};
