import { crashNode } from '../../sim/nodeOps.ts';
import { nodeFault } from '../nodeFault.ts';

/** The machine loses power: its containers stop and its kubelet stops reporting. */
export const crashNodeFault = nodeFault(
  'crash-node',
  {
    en: 'the machine stops: its pods stop, its kubelet stops reporting',
    ko: '머신이 멈춘다: 파드가 멈추고 kubelet이 보고를 멈춘다',
  },
  crashNode,
);
