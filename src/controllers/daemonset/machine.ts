/**
 * The DaemonSet controller's phases as an xstate machine. One sync walks through the phases that
 * have work, in Kubernetes' order (syncDaemonSet): record the template as a ControllerRevision,
 * then — unless expectations are pending — place pods on nodes that lack one (slow-start batches),
 * remove pods that must go, back off from failed pods, roll nodes to the new template, prune old
 * revisions, and write status. The host (controller.ts) computes the plan and tells the machine
 * which phase comes next in each event; the machine names the phases and the allowed moves, which
 * is what reports draw for learners.
 */
import { setup } from 'xstate';

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

export type DaemonSetEvent =
  | { type: 'SYNC'; next: Phase }
  | { type: 'CLAIMED'; next: Phase }
  | { type: 'REVISION_RECORDED'; next: Phase }
  | { type: 'BATCH_DONE'; next: Phase }
  | { type: 'DELETES_DONE'; next: Phase }
  | { type: 'BACKOFF_SET'; next: Phase }
  | { type: 'NODES_ROLLED'; next: Phase }
  | { type: 'HISTORY_PRUNED'; next: Phase }
  | { type: 'STATUS_WRITTEN'; next: Phase };

const to =
  (p: Phase) =>
  ({ event }: { event: DaemonSetEvent }) =>
    event.next === p;

/** Guard names say why the machine moves there; the host decides, the machine draws. */
const GUARD_OF: Record<Phase, string> = {
  idle: 'syncDone',
  claimingPods: 'podsToClaim',
  recordingRevision: 'templateNotRecorded',
  waitingForExpectations: 'expectationsPending',
  placingPods: 'nodesNeedPods',
  removingMisscheduledPods: 'podsMustGo',
  backingOff: 'failedPodsInBackoff',
  rollingNodes: 'outdatedPods',
  pruningHistory: 'tooMuchHistory',
  writingStatus: 'statusDue',
};

function route(...targets: Phase[]) {
  return targets.map((t) =>
    t === 'idle'
      ? { guard: GUARD_OF[t], target: 'idle', reenter: true }
      : { guard: GUARD_OF[t], target: t, reenter: true },
  );
}

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
  guards: Object.fromEntries(
    (Object.entries(GUARD_OF) as Array<[Phase, string]>).map(([p, g]) => [g, to(p)]),
  ) as Record<string, ReturnType<typeof to>>,
}).createMachine({
  id: 'daemonset',
  initial: 'idle',
  states: {
    idle: {
      on: {
        SYNC: route(
          'idle',
          'claimingPods',
          'recordingRevision',
          'waitingForExpectations',
          'placingPods',
          ...AFTER_MANAGE,
        ),
      },
    },
    claimingPods: {
      entry: 'adoptAndReleasePods',
      on: {
        CLAIMED: route('idle', 'recordingRevision', 'waitingForExpectations', 'placingPods', ...AFTER_MANAGE),
      },
    },
    recordingRevision: {
      entry: 'recordRevision',
      on: {
        REVISION_RECORDED: route('idle', 'waitingForExpectations', 'placingPods', ...AFTER_MANAGE),
      },
    },
    waitingForExpectations: {
      entry: 'writeStatusOnly',
      on: { STATUS_WRITTEN: route('idle') },
    },
    placingPods: {
      entry: 'createPodBatch',
      on: { BATCH_DONE: route('placingPods', ...AFTER_MANAGE) },
    },
    removingMisscheduledPods: {
      entry: 'deletePods',
      on: { DELETES_DONE: route('backingOff', 'pruningHistory', 'writingStatus') },
    },
    backingOff: {
      entry: 'requeueAfterBackoff',
      on: { BACKOFF_SET: route('pruningHistory', 'writingStatus') },
    },
    rollingNodes: {
      entry: 'rollNodes',
      on: { NODES_ROLLED: route('backingOff', 'pruningHistory', 'writingStatus') },
    },
    pruningHistory: {
      entry: 'pruneHistory',
      on: { HISTORY_PRUNED: route('writingStatus') },
    },
    writingStatus: {
      entry: 'writeStatus',
      on: { STATUS_WRITTEN: route('idle') },
    },
  },
});
