/**
 * The DaemonSet controller's sync as a recorded path of phases (shared/phases.ts), in Kubernetes'
 * order (syncDaemonSet): claim pods, record the template as a ControllerRevision, then — unless
 * expectations are pending — place pods on nodes that lack one (slow-start batches), remove pods
 * that must go, roll nodes to the new template, back off from failed pods, prune old revisions and
 * write status. The plan (syncPlan.ts) lists the phases a sync walks; the host sends the event that
 * enters each in turn, and the machine lists the moves a sync may make and runs each entry action.
 */
import { setup } from 'xstate';
import { phaseStates } from '../shared/phases.ts';

export type Phase =
  | 'idle'
  | 'claimingPods'
  | 'recordingRevision'
  | 'waitingForExpectations'
  | 'placingPods'
  | 'removingMisscheduledPods'
  | 'backingOff'
  | 'rollingNodes'
  | 'pruningHistory'
  | 'writingStatus';

/** The event that enters each phase. */
export const ENTERS = {
  idle: 'SYNC_DONE',
  claimingPods: 'CLAIM_PODS',
  recordingRevision: 'RECORD_REVISION',
  waitingForExpectations: 'WAIT_FOR_EXPECTATIONS',
  placingPods: 'PLACE_PODS',
  removingMisscheduledPods: 'REMOVE_PODS',
  backingOff: 'BACK_OFF',
  rollingNodes: 'ROLL_NODES',
  pruningHistory: 'PRUNE_HISTORY',
  writingStatus: 'WRITE_STATUS',
} as const satisfies Record<Phase, string>;

export type DaemonSetEvent = { type: (typeof ENTERS)[Phase] };

type Action =
  | 'adoptAndReleasePods'
  | 'recordRevision'
  | 'writeStatusOnly'
  | 'createPodBatch'
  | 'deletePods'
  | 'requeueAfterBackoff'
  | 'rollNodes'
  | 'pruneHistory'
  | 'writeStatus';

/** What may follow the manage step (manage, or the rolling update, then history and status). */
const AFTER_MANAGE: Phase[] = [
  'removingMisscheduledPods',
  'backingOff',
  'rollingNodes',
  'pruningHistory',
  'writingStatus',
];

export const daemonSetMachine = setup({
  types: { events: {} as DaemonSetEvent },
  actions: {
    adoptAndReleasePods: () => {},
    recordRevision: () => {},
    writeStatusOnly: () => {},
    createPodBatch: () => {},
    deletePods: () => {},
    requeueAfterBackoff: () => {},
    rollNodes: () => {},
    pruneHistory: () => {},
    writeStatus: () => {},
  },
}).createMachine({
  id: 'daemonset',
  initial: 'idle',
  states: phaseStates<Phase, Action>(ENTERS, {
    // A set that is gone, being deleted or selects nothing ends its sync at once (idle → idle).
    idle: {
      next: [
        'idle',
        'claimingPods',
        'recordingRevision',
        'waitingForExpectations',
        'placingPods',
        ...AFTER_MANAGE,
      ],
    },
    // A failed claim ends the sync (idle) before managing.
    claimingPods: {
      entry: 'adoptAndReleasePods',
      next: ['idle', 'recordingRevision', 'waitingForExpectations', 'placingPods', ...AFTER_MANAGE],
    },
    recordingRevision: {
      entry: 'recordRevision',
      next: ['idle', 'waitingForExpectations', 'placingPods', ...AFTER_MANAGE],
    },
    waitingForExpectations: { entry: 'writeStatusOnly', next: ['idle'] },
    placingPods: { entry: 'createPodBatch', next: ['placingPods', ...AFTER_MANAGE] },
    removingMisscheduledPods: {
      entry: 'deletePods',
      next: ['backingOff', 'pruningHistory', 'writingStatus'],
    },
    backingOff: { entry: 'requeueAfterBackoff', next: ['pruningHistory', 'writingStatus'] },
    rollingNodes: { entry: 'rollNodes', next: ['backingOff', 'pruningHistory', 'writingStatus'] },
    pruningHistory: { entry: 'pruneHistory', next: ['writingStatus'] },
    writingStatus: { entry: 'writeStatus', next: ['idle'] },
  }),
});
