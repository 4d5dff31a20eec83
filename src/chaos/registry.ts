/**
 * Every event kind a scenario may use (`do:`). This list is the only wiring point: adding a fault
 * means one new file in faults/ and one line here.
 */
import { addFinalizerFault } from './faults/add-finalizer.ts';
import { addNode } from './faults/add-node.ts';
import { cordonNodeFault } from './faults/cordon-node.ts';
import { crashNodeFault } from './faults/crash-node.ts';
import { crashPodFault } from './faults/crash-pod.ts';
import { createObjectFault } from './faults/create-object.ts';
import { delayWatchFault } from './faults/delay-watch.ts';
import { deleteObjectFault } from './faults/delete-object.ts';
import { deletePodFault } from './faults/delete-pod.ts';
import { deletePvcFault } from './faults/delete-pvc.ts';
import { drainNodeFault } from './faults/drain-node.ts';
import { failApiFault } from './faults/fail-api.ts';
import { failPodFault } from './faults/fail-pod.ts';
import { healNodeFault } from './faults/heal-node.ts';
import { labelNodeFault } from './faults/label-node.ts';
import { partitionNodeFault } from './faults/partition-node.ts';
import { pauseRolloutFault } from './faults/pause-rollout.ts';
import { rejectPodsFault } from './faults/reject-pods.ts';
import { relabelPodFault } from './faults/relabel-pod.ts';
import { removeFinalizerFault } from './faults/remove-finalizer.ts';
import { removeNodeFault } from './faults/remove-node.ts';
import { requestFault } from './faults/request.ts';
import { restartControllerFault } from './faults/restart-controller.ts';
import { resumeRolloutFault } from './faults/resume-rollout.ts';
import { rolloutUndoFault } from './faults/rollout-undo.ts';
import { scaleFault } from './faults/scale.ts';
import { setPartitionFault } from './faults/set-partition.ts';
import { shutdownNodeFault } from './faults/shutdown-node.ts';
import { taintNodeFault } from './faults/taint-node.ts';
import { uncordonNodeFault } from './faults/uncordon-node.ts';
import { unreadyPodFault } from './faults/unready-pod.ts';
import { untaintNodeFault } from './faults/untaint-node.ts';
import { updateTemplateFault } from './faults/update-template.ts';
import type { FaultDef } from './types.ts';

const FAULTS = [
  addNode,
  removeNodeFault,
  crashNodeFault,
  partitionNodeFault,
  healNodeFault,
  cordonNodeFault,
  uncordonNodeFault,
  drainNodeFault,
  labelNodeFault,
  taintNodeFault,
  untaintNodeFault,
  crashPodFault,
  failPodFault,
  deletePodFault,
  unreadyPodFault,
  relabelPodFault,
  scaleFault,
  updateTemplateFault,
  setPartitionFault,
  rolloutUndoFault,
  pauseRolloutFault,
  resumeRolloutFault,
  deleteObjectFault,
  createObjectFault,
  deletePvcFault,
  restartControllerFault,
  delayWatchFault,
  failApiFault,
  rejectPodsFault,
  shutdownNodeFault,
  addFinalizerFault,
  removeFinalizerFault,
  requestFault,
] as const;

/**
 * One scripted or generated event: a union with one member per fault kind, each derived from that
 * fault's declared fields (types.ts FaultEvent), so narrowing on `do` gives typed fields.
 */
export type ScenarioEvent = EventOf<(typeof FAULTS)[number]>;

type EventOf<D> = D extends FaultDef<infer E> ? E : never;

/** Any registered fault, applied to any event (the registry routes each event to its own kind). */
export type AnyFault = FaultDef<ScenarioEvent>;

const BY_KIND = new Map<string, AnyFault>(FAULTS.map((f): [string, AnyFault] => [f.kind, f]));

export function getFault(kind: string): AnyFault | undefined {
  return BY_KIND.get(kind);
}

/** All event kinds, in the order of design.md §2. */
export function faultKinds(): string[] {
  return FAULTS.map((f) => f.kind);
}

export function allFaults(): readonly AnyFault[] {
  return [...BY_KIND.values()];
}
