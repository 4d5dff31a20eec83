import { drainNode } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** kubectl drain: cordon, then evict every pod on the node that is not a daemon pod. */
export const drainNodeFault = nodeFault(
  'drain-node',
  {
    en: 'cordon, then evict every pod on it that is not a daemon pod',
    ko: '코든 후 데몬셋 파드가 아닌 모든 파드를 축출한다',
  },
  drainNode,
);
