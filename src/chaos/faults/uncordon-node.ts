import { setUnschedulable } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** spec.unschedulable = false. */
export const uncordonNodeFault = nodeFault(
  'uncordon-node',
  { en: 'clear spec.unschedulable', ko: 'spec.unschedulable을 해제한다' },
  (world, node) => setUnschedulable(world, node, false),
);
