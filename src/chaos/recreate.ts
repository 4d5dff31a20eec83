/**
 * Delete a workload and create it again with the same name while the garbage collector still
 * removes the old one's pods (`kubectl replace --force`, a redeploy script, a GitOps sync after a
 * manual delete). delete-object is not drawn on its own (a workload that is simply gone proves
 * nothing), and create-object has nothing to draw from; together they are one of the
 * conjunctions real bugs hid in: the new object has a new uid, the old pods still carry the old
 * one, a StatefulSet's pod names are still taken, a Deployment's new ReplicaSet name (its template
 * hash) is still held by the old one being deleted, or its orphaned ReplicaSets wait to be adopted
 * (e2e testDeploymentsControllerRef). Drawn from the stream `chaos/recreate`.
 */
import type { KObject, NewObject } from '../model/types.ts';
import type { Rng } from '../sim/prng.ts';
import type { ScenarioEvent } from './registry.ts';

const RECREATE_CHANCE = 0.2;
const ORPHAN_CHANCE = 0.5;
const MANUAL_POD_CHANCE = 0.6;
/** The create follows the delete within this many ms: the GC is still at work. */
const RECREATE_WITHIN_MS = 3_000;

/** The manifest a user would apply again: what they wrote, not what the server added. */
function manifestOf(obj: KObject): NewObject {
  const metadata: NewObject['metadata'] = { name: obj.metadata.name };
  if (obj.metadata.labels) metadata.labels = obj.metadata.labels;
  if (obj.metadata.annotations) metadata.annotations = obj.metadata.annotations;
  return { apiVersion: obj.apiVersion, kind: obj.kind, metadata, spec: obj.spec };
}

/**
 * Maybe a delete of one workload and its re-creation under the same name soon after. Half of
 * them orphan the pods (`kubectl delete --cascade=orphan`, the way to change an immutable selector
 * or to hand pods to a new owner): the garbage collector releases the pods while the controller
 * may still sync the set being deleted (kubernetes#42639), and the new set adopts them.
 */
export function recreatePair(
  scenario: { readonly objects: readonly KObject[] },
  between: readonly [number, number],
  rng: Rng,
): ScenarioEvent[] {
  const workloads = scenario.objects.filter((o) =>
    ['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Deployment'].includes(o.kind),
  );
  if (workloads.length === 0 || !rng.chance(RECREATE_CHANCE)) return [];
  const obj = rng.pick(workloads);
  const at = between[0] + rng.int(Math.max(1, between[1] - between[0] + 1));
  const target = `${obj.kind.toLowerCase()}/${obj.metadata.name}`;
  const propagation = rng.chance(ORPHAN_CHANCE) ? 'Orphan' : 'Background';
  const pair: ScenarioEvent[] = [
    { at, do: 'delete-object', target, propagation },
    { at: at + rng.int(RECREATE_WITHIN_MS + 1), do: 'create-object', object: manifestOf(obj) },
  ];
  const manual = propagation === 'Orphan' ? manualPod(obj, at, rng) : undefined;
  return manual ? [manual, ...pair] : pair;
}

/**
 * Maybe a pod made by hand from the ReplicaSet's template (`kubectl run` with the app's labels, a
 * copied manifest) 0-50 ms (an informer's lag) before the set is deleted with --cascade=orphan: the set may still be
 * adopting it when its deletion starts, the race kubernetes#42639 closed with an uncached re-check.
 * Only ReplicaSets adopt any matching pod; a StatefulSet takes only its own ordinals' names.
 */
function manualPod(obj: KObject, deleteAt: number, rng: Rng): ScenarioEvent | undefined {
  if (obj.kind !== 'ReplicaSet' || !rng.chance(MANUAL_POD_CHANCE)) return undefined;
  const template = obj.spec?.template as { metadata?: { labels?: Record<string, string> }; spec?: unknown };
  const object: NewObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${obj.metadata.name}-manual`, labels: template?.metadata?.labels ?? {} },
    spec: template?.spec,
  };
  return { at: Math.max(0, deleteAt - rng.int(51)), do: 'create-object', object };
}
