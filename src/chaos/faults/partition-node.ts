import { partitionNode } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** The control plane loses contact with the node; its containers keep running. */
export const partitionNodeFault = nodeFault(
  'partition-node',
  {
    en: 'the control plane loses contact; pods keep running on it',
    ko: '컨트롤 플레인과 연결이 끊긴다. 파드는 그 노드에서 계속 실행된다',
  },
  partitionNode,
);
