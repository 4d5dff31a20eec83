import { drainNode } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** kubectl drain: cordon, then evict every pod on the node that is not a daemon pod. */
export const drainNodeFault = nodeFault(
  'drain-node',
  {
    en: 'cordon, then evict every pod on it that is not a daemon pod',
    ko: 'cordon 후 DaemonSet Pod가 아닌 모든 Pod를 축출한다',
  },
  drainNode,
);
