/**
 * The ReplicaSet controller's sync as a recorded path of phases (shared/phases.ts): claim pods,
 * then wait for expectations, create pods in slow-start batches or delete the surplus, then write
 * status (syncReplicaSet → manageReplicas → updateReplicaSetStatus). The host decides each move
 * from its plan (plan.ts) and sends the event naming it; the machine lists the moves a sync may
 * make and runs each phase's entry action.
 */
import { setup } from 'xstate';
import { type OutcomeMove, phaseStates } from '../shared/phases.ts';

export type Phase =
  | 'idle'
  | 'claimingPods'
  | 'waitingForExpectations'
  | 'creatingPods'
  | 'deletingPods'
  | 'writingStatus';

/** The event that enters each phase. */
export const ENTERS = {
  idle: 'SYNC_DONE',
  claimingPods: 'CLAIM_PODS',
  waitingForExpectations: 'WAIT_FOR_EXPECTATIONS',
  creatingPods: 'CREATE_PODS',
  deletingPods: 'DELETE_PODS',
  writingStatus: 'WRITE_STATUS',
} as const satisfies Record<Phase, string>;

/** Moves that carry an effect of their own: the owner is gone, a claim or a create batch failed. */
const OUTCOMES = [
  { from: 'idle', event: 'OWNER_GONE', target: 'idle', actions: 'forgetOwner' },
  { from: 'claimingPods', event: 'CLAIM_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
  { from: 'creatingPods', event: 'BATCH_FAILED', target: 'writingStatus', actions: 'skipRemainingBatches' },
] as const satisfies ReadonlyArray<OutcomeMove<Phase, Action>>;

type Action =
  | 'forgetOwner'
  | 'requeueWithBackoff'
  | 'adoptAndReleasePods'
  | 'createPodBatch'
  | 'skipRemainingBatches'
  | 'deleteSurplusPods'
  | 'writeStatus';

export type ReplicaSetEvent = { type: (typeof ENTERS)[Phase] | (typeof OUTCOMES)[number]['event'] };

const MANAGE: Phase[] = ['waitingForExpectations', 'creatingPods', 'deletingPods', 'writingStatus'];

export const replicaSetMachine = setup({
  types: { events: {} as ReplicaSetEvent },
  actions: {
    forgetOwner: () => {},
    requeueWithBackoff: () => {},
    adoptAndReleasePods: () => {},
    createPodBatch: () => {},
    skipRemainingBatches: () => {},
    deleteSurplusPods: () => {},
    writeStatus: () => {},
  },
}).createMachine({
  id: 'replicaset',
  initial: 'idle',
  states: phaseStates<Phase, Action>(
    ENTERS,
    {
      idle: { next: ['claimingPods', ...MANAGE] },
      claimingPods: { entry: 'adoptAndReleasePods', next: MANAGE },
      waitingForExpectations: { entry: 'writeStatus', next: ['idle'] },
      creatingPods: { entry: 'createPodBatch', next: ['creatingPods', 'writingStatus'] },
      deletingPods: { entry: 'deleteSurplusPods', next: ['writingStatus'] },
      writingStatus: { entry: 'writeStatus', next: ['idle'] },
    },
    OUTCOMES,
  ),
});
