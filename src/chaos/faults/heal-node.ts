import { healNode } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** A crashed machine boots again, or a partitioned one can report again. */
export const healNodeFault = nodeFault(
  'heal-node',
  { en: 'a crashed or partitioned node reports again', ko: '멈췄거나 고립된 노드가 다시 보고한다' },
  healNode,
);
