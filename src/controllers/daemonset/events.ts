/**
 * The DaemonSet controller's informer handlers (addPod/updatePod/deletePod, addNode/updateNode,
 * history events): which DaemonSets to enqueue, and which expectations an event satisfies. Like
 * Kubernetes, a pod that starts terminating counts as deleted at once, and again at each later
 * update and at its DELETED event (plain counts; the record only has to reach zero).
 */
import { compileSelector, sameLabels, selectorMatches } from '../../model/labels.ts';
import { isPodReady } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import type { WatchEvent } from '../../sim/api/types.ts';
import type { Informer } from '../../sim/informer.ts';
import { controllerRefOf } from '../shared/claim.ts';
import type { Expectations } from '../shared/expectations.ts';
import type { WorkQueue } from '../shared/workqueue.ts';
import { type EligibilityRules, nodeShouldRunDaemonPod } from './eligibility.ts';

export interface HandlerContext {
  informer: Informer;
  queue: WorkQueue;
  expectations: Expectations;
  rules: EligibilityRules;
}

export function dsKey(obj: KObject): string {
  return `${obj.metadata.namespace ?? 'default'}/${obj.metadata.name}`;
}

export function onWatchEvent(ctx: HandlerContext, ev: WatchEvent): void {
  switch (ev.kind) {
    case 'DaemonSet':
      if (ev.type === 'DELETED') ctx.expectations.delete(ev.key);
      return ctx.queue.add(ev.key);
    case 'Pod':
      return onPod(ctx, ev);
    case 'Node':
      return onNode(ctx, ev);
    case 'ControllerRevision': {
      const owner = resolve(ctx, ev.object);
      if (owner) ctx.queue.add(dsKey(owner));
      return;
    }
    default:
      return;
  }
}

/** resolveControllerRef: the cached DaemonSet a pod or revision names, if the uid matches. */
function resolve(ctx: HandlerContext, obj: KObject): KObject | undefined {
  const ref = controllerRefOf(obj);
  if (ref?.kind !== 'DaemonSet') return undefined;
  const ds = ctx.informer.get('DaemonSet', `${obj.metadata.namespace ?? 'default'}/${ref.name}`);
  return ds && ds.metadata.uid === ref.uid ? ds : undefined;
}

function onPod(ctx: HandlerContext, ev: WatchEvent): void {
  const pod = ev.object;
  if (ev.type === 'DELETED' || (ev.type === 'ADDED' && pod.metadata.deletionTimestamp))
    return podGone(ctx, pod);
  if (ev.type === 'ADDED') {
    const ds = resolve(ctx, pod);
    if (!ds) return enqueueMatching(ctx, pod);
    ctx.expectations.creationObserved(dsKey(ds));
    return ctx.queue.add(dsKey(ds));
  }
  const old = ev.old;
  // updatePod hands every update of a terminating pod to deletePod, not only the one that set
  // deletionTimestamp: a later change (kubelet reporting it Succeeded or Failed on a node it cannot
  // finish on) still reaches the DaemonSet, whose status then leaves the pod out
  // (getNodesToDaemonPods without includeDeletedTerminal).
  if (pod.metadata.deletionTimestamp) return podGone(ctx, pod);
  const ds = resolve(ctx, pod);
  if (old && controllerRefOf(old)?.uid !== controllerRefOf(pod)?.uid) {
    const before = resolve(ctx, old);
    if (before) ctx.queue.add(dsKey(before));
  }
  if (!ds) {
    // An orphan whose labels or ownership changed may now be adopted by a matching DaemonSet.
    const labelsChanged = !sameLabels(old?.metadata.labels, pod.metadata.labels);
    if (!controllerRefOf(pod) && (labelsChanged || controllerRefOf(old ?? pod))) enqueueMatching(ctx, pod);
    return;
  }
  ctx.queue.add(dsKey(ds));
  // Requeue when the pod may turn available, so numberAvailable is recomputed then.
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (minReady > 0 && old && !isPodReady(old as Pod) && isPodReady(pod as Pod))
    ctx.queue.addAfter(dsKey(ds), minReady * 1000 + 1000);
}

/** getPodDaemonSets: the DaemonSets whose selector matches an orphan pod. */
function enqueueMatching(ctx: HandlerContext, pod: KObject): void {
  if (controllerRefOf(pod)) return;
  for (const ds of ctx.informer.list('DaemonSet')) {
    if (ds.metadata.namespace !== pod.metadata.namespace) continue;
    if (selectorMatches(compileSelector(ds.spec?.selector), pod.metadata.labels)) ctx.queue.add(dsKey(ds));
  }
}

function podGone(ctx: HandlerContext, pod: KObject): void {
  const ds = resolve(ctx, pod);
  if (!ds) return;
  ctx.expectations.deletionObserved(dsKey(ds));
  ctx.queue.add(dsKey(ds));
}

/** addNode enqueues the DaemonSets that should run there; updateNode those whose verdict flips. */
function onNode(ctx: HandlerContext, ev: WatchEvent): void {
  const sets = ctx.informer.list('DaemonSet');
  if (ev.type === 'DELETED') {
    for (const ds of sets) ctx.queue.add(dsKey(ds));
    return;
  }
  const node = ev.object;
  if (ev.type === 'ADDED' || !ev.old) {
    for (const ds of sets)
      if (nodeShouldRunDaemonPod(ds, node, ctx.rules).shouldRun) ctx.queue.add(dsKey(ds));
    return;
  }
  const old = ev.old;
  const same =
    sameLabels(old.metadata.labels, node.metadata.labels) &&
    JSON.stringify(old.spec?.taints ?? []) === JSON.stringify(node.spec?.taints ?? []);
  if (same) return;
  for (const ds of sets) {
    const a = nodeShouldRunDaemonPod(ds, old, ctx.rules);
    const b = nodeShouldRunDaemonPod(ds, node, ctx.rules);
    if (a.shouldRun !== b.shouldRun || a.shouldContinueRunning !== b.shouldContinueRunning)
      ctx.queue.add(dsKey(ds));
  }
}
