import { setUnschedulable } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** spec.unschedulable = true: no new pods are scheduled there (DaemonSet pods still are). */
export const cordonNodeFault = nodeFault(
  'cordon-node',
  { en: 'set spec.unschedulable', ko: 'spec.unschedulable을 설정한다 (새 파드 배치 금지)' },
  (world, node) => setUnschedulable(world, node, true),
);
