/** Helpers invariants share. They read the API store and the machines, never a controller's cache. */

import { type ScenarioContents, scenarioKinds } from '../chaos/kinds.ts';
import { compileSelector, selectorMatches } from '../model/labels.ts';
import { isPodActive, isPodReady } from '../model/pod.ts';
import type { Kind, KObject, Pod } from '../model/types.ts';
import type { DaemonSetCause, WriteRecord } from '../sim/api/types.ts';
import { nodeReadyStatus } from '../sim/nodes.ts';
import type { World } from '../sim/world.ts';
import type { Explanation } from './types.ts';

/** The cause of a create or delete by the DaemonSet controller (not an adoption), if it is one. */
export function dsCause(w: WriteRecord): DaemonSetCause | undefined {
  const c = w.cause;
  return c?.controller === 'daemonset' && c.reason !== 'adopt' ? c : undefined;
}

export function hasKind(scenario: ScenarioContents, kind: Kind): boolean {
  return scenarioKinds(scenario).has(kind);
}

export function ref(obj: { kind: string; metadata: { name?: string } }): string {
  return `${obj.kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
}

/**
 * Pods whose controllerRef names this owner (from the store's index), sorted by key. Shared between
 * the checks of one store version: do not mutate the array.
 */
export function controlledPods(world: World, ownerUid: string): KObject[] {
  const memo = memoOf(world);
  let pods = memo.controlled.get(ownerUid);
  if (!pods) {
    const keys = world.store.index.podsByController.get(ownerUid);
    pods = keys ? [...keys].sort().map((k) => world.store.get('Pod', k)!) : [];
    memo.controlled.set(ownerUid, pods);
  }
  return pods;
}

/** How many active pods this owner controls (the store's count: safety checks ask after every create). */
export function countActiveControlled(world: World, ownerUid: string): number {
  return world.store.index.activeControlled(ownerUid);
}

/**
 * Active pods that the owner controls and whose labels match its selector (what it should count).
 * Shared between the checks of one store version: do not mutate the array.
 */
export function ownedActivePods(world: World, owner: KObject): KObject[] {
  return activeControlled(world, owner).matched;
}

/**
 * Active pods that the owner controls although its selector no longer matches their labels (it
 * should have released them), sorted by key. Shared between the checks of one store version.
 */
export function unmatchedActivePods(world: World, owner: KObject): KObject[] {
  return activeControlled(world, owner).unmatched;
}

/** The owner's active controlled pods split by its selector, in one pass (see PodsMemo). */
function activeControlled(world: World, owner: KObject): ActiveControlled {
  const memo = memoOf(world);
  let split = memo.owned.get(owner);
  if (!split) {
    const sel = compileSelector(owner.spec?.selector);
    split = { matched: [], unmatched: [] };
    for (const p of controlledPods(world, owner.metadata.uid)) {
      if (!isPodActive(p as Pod)) continue;
      if (selectorMatches(sel, p.metadata.labels)) split.matched.push(p);
      else split.unmatched.push(p);
    }
    memo.owned.set(owner, split);
  }
  return split;
}

/**
 * How many of the owner's active pods are Ready, and how many of the others are excused (see
 * excusedNotReady): three liveness checks ask per ReplicaSet, and at 150,000 pods each pass over
 * the pods is a pass over memory (issue #17). Kept with the pod lists, per store version.
 */
export function readyCounts(world: World, owner: KObject): { ready: number; excused: number } {
  const memo = memoOf(world);
  let counts = memo.counts.get(owner);
  if (!counts) {
    counts = { ready: 0, excused: 0 };
    for (const p of ownedActivePods(world, owner)) {
      if (ready(p)) counts.ready++;
      else if (excusedNotReady(world, p)) counts.excused++;
    }
    memo.counts.set(owner, counts);
  }
  return counts;
}

/**
 * The pod lists above, kept while the store's resourceVersion stands still: every change to a
 * stored object moves it, and the liveness checks of 1,500 ReplicaSets ask for the same owner's
 * pods three and four times each (issue #17: a tenth of the end of the 150,000-pod run).
 */
interface PodsMemo {
  rv: number;
  controlled: Map<string, KObject[]>;
  owned: WeakMap<KObject, ActiveControlled>;
  counts: WeakMap<KObject, { ready: number; excused: number }>;
  /** Other facts of one owner at this version, by the name of what was computed (perVersion). */
  facts: Map<string, WeakMap<KObject, unknown>>;
}

interface ActiveControlled {
  matched: KObject[];
  unmatched: KObject[];
}

const MEMOS = new WeakMap<World, PodsMemo>();

function memoOf(world: World): PodsMemo {
  const rv = world.store.resourceVersion;
  let memo = MEMOS.get(world);
  // A stand-in world without a version (a test's) is never served from the memo.
  if (!memo || memo.rv !== rv || typeof rv !== 'number') {
    memo = { rv, controlled: new Map(), owned: new WeakMap(), counts: new WeakMap(), facts: new Map() };
    MEMOS.set(world, memo);
  }
  return memo;
}

/**
 * `compute(owner)`, kept while the store's resourceVersion stands still: only for facts that are a
 * function of the API store's objects (no-op writes, for one, do not move the version).
 */
export function perVersion<T>(world: World, what: string, owner: KObject, compute: (o: KObject) => T): T {
  const facts = memoOf(world).facts;
  let byOwner = facts.get(what);
  if (!byOwner) {
    byOwner = new WeakMap();
    facts.set(what, byOwner);
  }
  if (byOwner.has(owner)) return byOwner.get(owner) as T;
  const value = compute(owner);
  byOwner.set(owner, value);
  return value;
}

export function ready(p: KObject): boolean {
  return isPodReady(p as Pod);
}

/**
 * An image tag naming a failure mode as one word of the tag (`x:broken`, `app:v2-crashloop`,
 * `app:never-ready`, `app:fail`, `app:complete`): the simulator's convention, stated here again.
 */
const FAILING_TAG = /:(?:[^/]*[^a-z/])?(?:broken|crashloop|never-ready|fail|complete)(?![a-z])[^/]*$/;

/**
 * Whether the cluster could make this pod Ready at all: an application that crash-loops or never
 * turns ready (a broken image, a behaviour knob) is not the controller's failure.
 */
export function appCanBeReady(p: KObject): boolean {
  const b = p.metadata.annotations?.['kubeprop.io/behavior'];
  if (b === 'crashloop' || b === 'never-ready' || b === 'fail' || b === 'complete') return false;
  return !((p.spec?.containers ?? []) as Array<{ image?: string }>).some((c) =>
    FAILING_TAG.test(c.image ?? ''),
  );
}

/** True when the scheduler reported that no node fits the pod. */
export function unschedulable(p: KObject): boolean {
  return (
    !p.spec?.nodeName &&
    (p.status?.conditions ?? []).some(
      (c: { type: string; status: string }) => c.type === 'PodScheduled' && c.status === 'False',
    )
  );
}

/**
 * A pod that is not Ready for reasons no workload controller can fix: nothing can place it, its
 * application never becomes ready, or its node is not Ready (the node lifecycle and taint eviction
 * decide when it goes; in a full disruption they never do, by design).
 */
export function excusedNotReady(world: World, p: KObject): boolean {
  if (ready(p)) return false;
  if (unschedulable(p) || !appCanBeReady(p)) return true;
  const node = p.spec?.nodeName ? world.store.get('Node', p.spec.nodeName) : undefined;
  return !!node && nodeReadyStatus(node) !== 'True';
}

/** Why one pod is not Ready, in English and Korean. */
function notReadyReason(world: World, p: KObject): Explanation {
  if (unschedulable(p)) return { en: 'unschedulable', ko: '배치할 수 있는 노드가 없음' };
  if (!p.spec?.nodeName) return { en: 'not yet scheduled', ko: '아직 노드에 배치되지 않음' };
  const node = p.spec.nodeName;
  const m = world.machines.get(node);
  if (m && !m.up) return { en: `on crashed node ${m.name}`, ko: `멈춘 노드 ${m.name}에 있음` };
  if (m && !m.reachable)
    return { en: `on unreachable node ${m.name}`, ko: `연락이 끊긴 노드 ${m.name}에 있음` };
  if (!appCanBeReady(p))
    return { en: 'application never becomes ready', ko: '애플리케이션이 Ready가 되지 않음' };
  const phase = p.status?.phase ?? 'Pending';
  return { en: `${phase} on ${node}`, ko: `${node}에서 ${phase} 상태` };
}

/**
 * Why pods are not Ready, summarised: "2 pods unschedulable, 1 pod Pending on node-a", or in
 * Korean ("Pod 2개는 배치할 수 있는 Node가 없음, Pod 1개는 node-a에서 Pending 상태").
 */
export function notReadyReasons(
  world: World,
  pods: readonly KObject[],
  lang: keyof Explanation = 'en',
): string {
  const reasons = new Map<string, number>();
  for (const p of pods) {
    if (ready(p)) continue;
    const why = notReadyReason(world, p)[lang];
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  return [...reasons.entries()]
    .map(([why, n]) => (lang === 'ko' ? `파드 ${n}개는 ${why}` : `${n} pod${n === 1 ? '' : 's'} ${why}`))
    .join(', ');
}

/** Live (not deleting) objects of a kind in the store. */
export function liveObjects(world: World, kind: Kind): KObject[] {
  return world.store.list(kind).filter((o) => !o.metadata.deletionTimestamp);
}
