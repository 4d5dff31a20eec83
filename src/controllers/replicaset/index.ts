/** Registry entry of the ReplicaSet controller. */
import type { ControllerEntry } from '../types.ts';
import { ReplicaSetController } from './controller.ts';
import { replicaSetMachine } from './machine.ts';
import { REPLICASET_VARIANTS } from './variants.ts';

export const replicaSetController: ControllerEntry = {
  name: 'replicaset',
  workloadKind: 'ReplicaSet',
  machine: replicaSetMachine,
  variants: REPLICASET_VARIANTS,
  create: (world, variant) => {
    const v = REPLICASET_VARIANTS[variant];
    if (!v) throw new Error(`unknown replicaset variant '${variant}'`);
    return new ReplicaSetController(world, v.variant);
  },
};
