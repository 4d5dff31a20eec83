import { removeNode } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** The Node object is deleted and its machine decommissioned; pod GC then removes its pods. */
export const removeNodeFault = nodeFault(
  'remove-node',
  {
    en: 'the Node object is deleted (pod GC removes its pods)',
    ko: 'Node 객체가 삭제된다 (Pod GC가 그 Node의 Pod를 지운다)',
  },
  removeNode,
);
