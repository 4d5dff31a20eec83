/**
 * The ReplicaSet controller's phases as an xstate machine. The machine decides the control flow of
 * one sync (claim, then wait / create in slow-start batches / delete surplus, then write status);
 * the host computes the arithmetic (plan.ts) and runs the named actions as API calls whose results
 * come back as events. State names are what a learner should see in a report.
 */
import { setup } from 'xstate';

export type Decision = 'gone' | 'failed' | 'wait' | 'create' | 'delete' | 'none';

export type ReplicaSetEvent =
  | { type: 'SYNC'; claims: boolean; decision: Decision }
  | { type: 'CLAIMED'; decision: Decision }
  | { type: 'BATCH_DONE'; more: boolean; failed: boolean }
  | { type: 'DELETES_DONE' }
  | { type: 'STATUS_WRITTEN' };

const decided =
  (d: Decision) =>
  ({ event }: { event: ReplicaSetEvent }) =>
    (event.type === 'SYNC' || event.type === 'CLAIMED') && event.decision === d;

/** Transitions shared by SYNC (no claims to make) and CLAIMED. */
const afterClaims = [
  { guard: 'claimFailed', target: 'idle', reenter: true, actions: 'requeueWithBackoff' },
  { guard: 'expectationsPending', target: 'waitingForExpectations' },
  { guard: 'tooFewPods', target: 'creatingPods' },
  { guard: 'tooManyPods', target: 'deletingPods' },
  { target: 'writingStatus' },
] as const;

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
  guards: {
    ownerGone: decided('gone'),
    claimFailed: decided('failed'),
    expectationsPending: decided('wait'),
    tooFewPods: decided('create'),
    tooManyPods: decided('delete'),
    mustClaim: ({ event }) => event.type === 'SYNC' && event.claims && event.decision !== 'gone',
    moreBatches: ({ event }) => event.type === 'BATCH_DONE' && event.more && !event.failed,
    batchFailed: ({ event }) => event.type === 'BATCH_DONE' && event.failed,
  },
}).createMachine({
  id: 'replicaset',
  initial: 'idle',
  states: {
    idle: {
      on: {
        SYNC: [
          { guard: 'ownerGone', target: 'idle', reenter: true, actions: 'forgetOwner' },
          { guard: 'mustClaim', target: 'claimingPods' },
          ...afterClaims.slice(1),
        ],
      },
    },
    claimingPods: {
      entry: 'adoptAndReleasePods',
      on: { CLAIMED: [...afterClaims] },
    },
    waitingForExpectations: {
      entry: 'writeStatus',
      on: { STATUS_WRITTEN: 'idle' },
    },
    creatingPods: {
      entry: 'createPodBatch',
      on: {
        BATCH_DONE: [
          { guard: 'batchFailed', target: 'writingStatus', actions: 'skipRemainingBatches' },
          { guard: 'moreBatches', target: 'creatingPods', reenter: true },
          { target: 'writingStatus' },
        ],
      },
    },
    deletingPods: {
      entry: 'deleteSurplusPods',
      on: { DELETES_DONE: 'writingStatus' },
    },
    writingStatus: {
      entry: 'writeStatus',
      on: { STATUS_WRITTEN: 'idle' },
    },
  },
});
