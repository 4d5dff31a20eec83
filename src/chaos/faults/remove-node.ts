import { removeNode } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** The Node object is deleted and its machine decommissioned; pod GC then removes its pods. */
export const removeNodeFault = nodeFault(
  'remove-node',
  {
    en: 'the Node object is deleted (pod GC removes its pods)',
    ko: '노드 오브젝트가 삭제된다 (파드 가비지 수집이 그 노드의 파드를 지운다)',
  },
  removeNode,
);
