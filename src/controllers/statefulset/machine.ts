/**
 * The StatefulSet controller's sync as a recorded path of phases (shared/phases.ts), in the order
 * of updateStatefulSet: claim pods, make sure the update revision exists, then the replicas
 * (delete a failed pod, create a missing one, create its claims, repair its identity — in ordinal
 * order, so these follow one another freely), then the condemned pods (repair their claims, delete
 * them), then the rolling update, or a wait when OrderedReady must stop (waiting for web-1 to
 * become Ready), and finally status and history. The plan (plan.ts) decides each move and the host
 * sends the event that names it; the machine lists the moves a sync may make, in that order, and
 * runs each phase's entry action. A sync with nothing to do (every pod in place, the status
 * current) is one move from idle to idle; a status phase with nothing to write makes no API call
 * and ends in the same step.
 */
import { setup } from 'xstate';
import { phaseStates } from '../shared/phases.ts';

/** What the sync does next, as the plan says it (`gone` and `none` end the sync at once). */
export type Next =
  | 'gone'
  | 'none'
  | 'claim'
  | 'revision'
  | 'deleteTerminal'
  | 'create'
  | 'createClaims'
  | 'repair'
  | 'deleteCondemned'
  | 'updateDelete'
  | 'waitReady'
  | 'waitTermination'
  | 'status';

export type Phase =
  | 'idle'
  | 'claimingPods'
  | 'syncingRevisions'
  | 'deletingFailedPod'
  | 'creatingPod'
  | 'creatingClaims'
  | 'repairingPod'
  | 'deletingCondemned'
  | 'updatingPod'
  | 'waitingForReady'
  | 'waitingForTermination'
  | 'writingStatus'
  | 'pruningHistory';

/** The event that enters each phase. */
export const ENTERS = {
  idle: 'SYNC_DONE',
  claimingPods: 'CLAIM_PODS',
  syncingRevisions: 'WRITE_REVISION',
  deletingFailedPod: 'DELETE_FAILED_POD',
  creatingPod: 'CREATE_POD',
  creatingClaims: 'CREATE_CLAIMS',
  repairingPod: 'REPAIR_POD',
  deletingCondemned: 'DELETE_CONDEMNED',
  updatingPod: 'UPDATE_POD',
  waitingForReady: 'WAIT_FOR_READY',
  waitingForTermination: 'WAIT_FOR_TERMINATION',
  writingStatus: 'WRITE_STATUS',
  pruningHistory: 'PRUNE_HISTORY',
} as const satisfies Record<Phase, string>;

/** The phase each plan step is carried out in. */
export const PHASE_OF: Record<Next, Phase> = {
  gone: 'idle',
  none: 'idle',
  claim: 'claimingPods',
  revision: 'syncingRevisions',
  deleteTerminal: 'deletingFailedPod',
  create: 'creatingPod',
  createClaims: 'creatingClaims',
  repair: 'repairingPod',
  deleteCondemned: 'deletingCondemned',
  updateDelete: 'updatingPod',
  waitReady: 'waitingForReady',
  waitTermination: 'waitingForTermination',
  status: 'writingStatus',
};

export type StatefulSetEvent = { type: (typeof ENTERS)[Phase] };

type Action =
  | 'adoptAndReleasePods'
  | 'writeRevision'
  | 'deleteFailedPod'
  | 'createClaimsAndPods'
  | 'createMissingClaims'
  | 'repairIdentityAndClaims'
  | 'deleteCondemnedPod'
  | 'deleteOutdatedPod'
  | 'writeStatus'
  | 'pruneHistory';

/** How a sync ends: a wait (OrderedReady stops at a pod) or the status write. */
const END: Phase[] = ['waitingForReady', 'waitingForTermination', 'writingStatus'];
/** From the update on: the rolling update deletes one pod, then the sync ends. */
const UPDATE: Phase[] = ['updatingPod', ...END];
/** From the condemned pods on: repairs of their claims, then deletions (highest ordinal first). */
const CONDEMNED: Phase[] = ['repairingPod', 'deletingCondemned', ...UPDATE];
/** From the replicas on, slot by slot: any replica step may follow any other. */
const REPLICAS: Phase[] = ['deletingFailedPod', 'creatingPod', 'creatingClaims', ...CONDEMNED];
/** After status: prune history when it is too long, else the sync is done. */
const AFTER_STATUS: Phase[] = ['pruningHistory', 'idle'];

export const statefulSetMachine = setup({
  types: { events: {} as StatefulSetEvent },
  actions: {
    adoptAndReleasePods: () => {},
    writeRevision: () => {},
    deleteFailedPod: () => {},
    createClaimsAndPods: () => {},
    createMissingClaims: () => {},
    repairIdentityAndClaims: () => {},
    deleteCondemnedPod: () => {},
    deleteOutdatedPod: () => {},
    writeStatus: () => {},
    pruneHistory: () => {},
  },
}).createMachine({
  id: 'statefulset',
  initial: 'idle',
  states: phaseStates<Phase, Action>(ENTERS, {
    idle: { next: ['idle', 'claimingPods', 'syncingRevisions', ...REPLICAS] },
    claimingPods: { entry: 'adoptAndReleasePods', next: ['syncingRevisions', ...REPLICAS] },
    syncingRevisions: { entry: 'writeRevision', next: REPLICAS },
    deletingFailedPod: { entry: 'deleteFailedPod', next: REPLICAS },
    creatingPod: { entry: 'createClaimsAndPods', next: REPLICAS },
    creatingClaims: { entry: 'createMissingClaims', next: REPLICAS },
    // A repair belongs to a replica or to a condemned pod, so anything from the replicas on may follow.
    repairingPod: { entry: 'repairIdentityAndClaims', next: REPLICAS },
    deletingCondemned: { entry: 'deleteCondemnedPod', next: ['deletingCondemned', ...UPDATE] },
    updatingPod: { entry: 'deleteOutdatedPod', next: END },
    waitingForReady: { entry: 'writeStatus', next: AFTER_STATUS },
    waitingForTermination: { entry: 'writeStatus', next: AFTER_STATUS },
    writingStatus: { entry: 'writeStatus', next: AFTER_STATUS },
    pruningHistory: { entry: 'pruneHistory', next: ['idle'] },
  }),
});
