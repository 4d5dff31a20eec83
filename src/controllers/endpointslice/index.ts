/** Registry entry of the EndpointSlice controller. */
import type { ControllerEntry } from '../types.ts';
import { EndpointSliceController } from './controller.ts';
import { endpointSliceMachine } from './machine.ts';
import { ENDPOINTSLICE_VARIANTS } from './variants.ts';

export const endpointSliceController: ControllerEntry = {
  name: 'endpointslice',
  workloadKind: 'Service',
  machine: endpointSliceMachine,
  variants: ENDPOINTSLICE_VARIANTS,
  create: (world, variant) => {
    const v = ENDPOINTSLICE_VARIANTS[variant];
    if (!v) throw new Error(`unknown endpointslice variant '${variant}'`);
    return new EndpointSliceController(world, v.variant);
  },
};
