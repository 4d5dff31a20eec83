/** Registry entry of the Deployment controller. */
import type { ControllerEntry } from '../types.ts';
import { DeploymentController } from './controller.ts';
import { deploymentMachine } from './machine.ts';
import { DEPLOYMENT_VARIANTS } from './variants.ts';

export const deploymentController: ControllerEntry = {
  name: 'deployment',
  workloadKind: 'Deployment',
  machine: deploymentMachine,
  variants: DEPLOYMENT_VARIANTS,
  create: (world, variant) => {
    const v = DEPLOYMENT_VARIANTS[variant];
    if (!v) throw new Error(`unknown deployment variant '${variant}'`);
    return new DeploymentController(world, v.variant);
  },
};
