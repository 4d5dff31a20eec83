/**
 * The Deployment controller's sync as a recorded path of phases (shared/phases.ts): claim the
 * ReplicaSets its selector matches (adopt orphans, release strays), create the new
 * ReplicaSet, write ReplicaSets one API call at a time (annotate the new one, scale it up, scale old
 * ones down or proportionally), delete ReplicaSets beyond revisionHistoryLimit, then write status
 * (syncDeployment → rolloutRolling / rolloutRecreate / sync). A Recreate rollout whose old pods still
 * run waits for them. The host decides each move from its plan (plan.ts) and sends the event naming it.
 */
import { setup } from 'xstate';
import { type OutcomeMove, phaseStates } from '../shared/phases.ts';

export type Phase =
  | 'idle'
  | 'claimingReplicaSets'
  | 'creatingReplicaSet'
  | 'scalingReplicaSets'
  | 'deletingOldReplicaSets'
  | 'waitingForOldPods'
  | 'writingStatus';

/** The event that enters each phase. */
export const ENTERS = {
  idle: 'SYNC_DONE',
  claimingReplicaSets: 'CLAIM_REPLICASETS',
  creatingReplicaSet: 'CREATE_REPLICASET',
  scalingReplicaSets: 'SCALE_REPLICASET',
  deletingOldReplicaSets: 'DELETE_OLD_REPLICASET',
  waitingForOldPods: 'WAIT_FOR_OLD_PODS',
  writingStatus: 'WRITE_STATUS',
} as const satisfies Record<Phase, string>;

/** Moves with an effect of their own: the Deployment is gone, a name collision, a failed write. */
const OUTCOMES = [
  { from: 'idle', event: 'OWNER_GONE', target: 'idle', actions: 'forgetDeployment' },
  { from: 'claimingReplicaSets', event: 'CLAIM_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
  { from: 'creatingReplicaSet', event: 'NAME_COLLISION', target: 'writingStatus', actions: 'countCollision' },
  { from: 'creatingReplicaSet', event: 'WRITE_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
  { from: 'scalingReplicaSets', event: 'WRITE_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
  { from: 'deletingOldReplicaSets', event: 'WRITE_FAILED', target: 'idle', actions: 'requeueWithBackoff' },
] as const satisfies ReadonlyArray<OutcomeMove<Phase, Action>>;

type Action =
  | 'forgetDeployment'
  | 'adoptAndReleaseReplicaSets'
  | 'countCollision'
  | 'requeueWithBackoff'
  | 'createReplicaSet'
  | 'writeReplicaSet'
  | 'deleteReplicaSet'
  | 'writeStatus';

export type DeploymentEvent = { type: (typeof ENTERS)[Phase] | (typeof OUTCOMES)[number]['event'] };

const AFTER_WRITE: Phase[] = [
  'scalingReplicaSets',
  'deletingOldReplicaSets',
  'waitingForOldPods',
  'writingStatus',
];

export const deploymentMachine = setup({
  types: { events: {} as DeploymentEvent },
  actions: {
    forgetDeployment: () => {},
    adoptAndReleaseReplicaSets: () => {},
    countCollision: () => {},
    requeueWithBackoff: () => {},
    createReplicaSet: () => {},
    writeReplicaSet: () => {},
    deleteReplicaSet: () => {},
    writeStatus: () => {},
  },
}).createMachine({
  id: 'deployment',
  initial: 'idle',
  states: phaseStates<Phase, Action>(
    ENTERS,
    {
      idle: { next: ['claimingReplicaSets', 'creatingReplicaSet', ...AFTER_WRITE] },
      claimingReplicaSets: {
        entry: 'adoptAndReleaseReplicaSets',
        next: ['creatingReplicaSet', ...AFTER_WRITE],
      },
      creatingReplicaSet: { entry: 'createReplicaSet', next: AFTER_WRITE },
      scalingReplicaSets: { entry: 'writeReplicaSet', next: AFTER_WRITE },
      deletingOldReplicaSets: {
        entry: 'deleteReplicaSet',
        next: ['deletingOldReplicaSets', 'writingStatus'],
      },
      waitingForOldPods: { entry: 'writeStatus', next: ['idle'] },
      writingStatus: { entry: 'writeStatus', next: ['idle'] },
    },
    OUTCOMES,
  ),
});
