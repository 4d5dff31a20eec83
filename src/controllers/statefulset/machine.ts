/**
 * The StatefulSet controller's phases as an xstate machine. One sync walks through the states a
 * learner should see: claim pods, make sure the update revision exists, then one state per kind of
 * write (creating web-2, deleting the failed web-0, deleting the condemned web-4, updating web-3),
 * or a waiting state when OrderedReady must stop (waiting for web-1 to become Ready), and finally
 * writing status and pruning history. The host (controller.ts) computes the plan (plan.ts) and
 * tells the machine what comes next with each event; the machine names the phase and its action.
 * A sync with nothing to do (every pod in place, the status current) is one transition from idle to
 * idle; a status phase with nothing to write makes no API call and ends in the same step.
 */
import { setup } from 'xstate';

/** What the sync does next. */
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

export type StatefulSetEvent =
  | { type: 'SYNC'; next: Next }
  | { type: 'CLAIMED'; next: Next }
  | { type: 'REVISION_READY'; next: Next }
  | { type: 'DONE'; next: Next }
  | { type: 'STATUS_WRITTEN'; prune: boolean }
  | { type: 'PRUNED' };

const is =
  (n: Next) =>
  ({ event }: { event: StatefulSetEvent }) =>
    'next' in event && event.next === n;

/** From any point of the sync, the next phase (re-entering runs the entry action again, e.g. the next batch). */
const dispatch = [
  { guard: 'mustClaim', target: 'claimingPods', reenter: true },
  { guard: 'mustWriteRevision', target: 'syncingRevisions', reenter: true },
  { guard: 'failedPod', target: 'deletingFailedPod', reenter: true },
  { guard: 'missingPod', target: 'creatingPod', reenter: true },
  { guard: 'missingClaims', target: 'creatingClaims', reenter: true },
  { guard: 'identityDrift', target: 'repairingPod', reenter: true },
  { guard: 'condemnedPod', target: 'deletingCondemned', reenter: true },
  { guard: 'outdatedPod', target: 'updatingPod', reenter: true },
  { guard: 'podNotReady', target: 'waitingForReady', reenter: true },
  { guard: 'podTerminating', target: 'waitingForTermination', reenter: true },
  { target: 'writingStatus', reenter: true },
] as const;

const afterStatus = {
  STATUS_WRITTEN: [{ guard: 'historyTooLong', target: 'pruningHistory' }, { target: 'idle' }],
} as const;

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
  guards: {
    /** The set is gone, or everything is in place and the status is current: no API call at all. */
    nothingToDo: ({ event }) => 'next' in event && (event.next === 'gone' || event.next === 'none'),
    mustClaim: is('claim'),
    mustWriteRevision: is('revision'),
    failedPod: is('deleteTerminal'),
    missingPod: is('create'),
    missingClaims: is('createClaims'),
    identityDrift: is('repair'),
    condemnedPod: is('deleteCondemned'),
    outdatedPod: is('updateDelete'),
    podNotReady: is('waitReady'),
    podTerminating: is('waitTermination'),
    historyTooLong: ({ event }) => event.type === 'STATUS_WRITTEN' && event.prune,
  },
}).createMachine({
  id: 'statefulset',
  initial: 'idle',
  states: {
    idle: {
      on: {
        SYNC: [{ guard: 'nothingToDo', target: 'idle', reenter: true }, ...dispatch],
      },
    },
    claimingPods: { entry: 'adoptAndReleasePods', on: { CLAIMED: [...dispatch] } },
    syncingRevisions: { entry: 'writeRevision', on: { REVISION_READY: [...dispatch] } },
    deletingFailedPod: { entry: 'deleteFailedPod', on: { DONE: [...dispatch] } },
    creatingPod: { entry: 'createClaimsAndPods', on: { DONE: [...dispatch] } },
    creatingClaims: { entry: 'createMissingClaims', on: { DONE: [...dispatch] } },
    repairingPod: { entry: 'repairIdentityAndClaims', on: { DONE: [...dispatch] } },
    deletingCondemned: { entry: 'deleteCondemnedPod', on: { DONE: [...dispatch] } },
    updatingPod: { entry: 'deleteOutdatedPod', on: { DONE: [...dispatch] } },
    waitingForReady: { entry: 'writeStatus', on: afterStatus },
    waitingForTermination: { entry: 'writeStatus', on: afterStatus },
    writingStatus: { entry: 'writeStatus', on: afterStatus },
    pruningHistory: { entry: 'pruneHistory', on: { PRUNED: 'idle' } },
  },
});
