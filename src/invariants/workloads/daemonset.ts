/**
 * DaemonSet knowledge for the generic invariants (workload.converges, status.consistent) and the
 * coverage claim, recomputed from the API store and the machines — never a controller's cache.
 */
import { compileSelector, selectorMatches } from '../../model/labels.ts';
import { isPodAvailable } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { isReporting } from '../../sim/machine.ts';
import type { World } from '../../sim/world.ts';
import {
  currentHash,
  daemonPlacement,
  daemonStatus,
  podsPerNode,
  revisionHash,
  rolloutBudget,
} from '../semantics/daemonset.ts';
import type { Explanation } from '../types.ts';
import { appCanBeReady, controlledPods, ready, unschedulable } from '../util.ts';
import type { WorkloadChecks } from './types.ts';

/** The DaemonSet's pods in the store (controlled by it and matching its selector). */
export function daemonPods(world: World, ds: KObject): KObject[] {
  const sel = compileSelector(ds.spec?.selector);
  return controlledPods(world, ds.metadata.uid).filter((p) => selectorMatches(sel, p.metadata.labels));
}

/**
 * Why the DaemonSet does not cover the cluster as it should, one reason per node, in English and
 * Korean (empty when it does).
 */
export function coverageProblems(world: World, ds: KObject): Explanation[] {
  const byNode = podsPerNode(daemonPods(world, ds), true);
  const problems: Explanation[] = [];
  const nodes = world.store.list('Node');
  for (const node of nodes) {
    const name = node.metadata.name;
    const active = withoutStuckSurge((byNode.get(name) ?? []).filter((p) => !p.metadata.deletionTimestamp));
    const e = daemonPlacement(ds, node);
    if (e.shouldRun) {
      if (active.length !== 1)
        problems.push(
          withSurgeGap(world, ds, active, {
            en: `${name} runs ${active.length} pods (wants 1)`,
            ko:
              active.length === 0
                ? `Node ${name}에 Pod가 없습니다 (1개 있어야 합니다)`
                : `Node ${name}에 Pod가 ${active.length}개 있습니다 (1개여야 합니다)`,
          }),
        );
      else if (!ready(active[0]!) && appCanBeReady(active[0]!) && !unschedulable(active[0]!))
        problems.push({
          en: `${name}: pod/${active[0]!.metadata.name} is not Ready`,
          ko: `Node ${name}에 있는 pod/${active[0]!.metadata.name}의 상태가 Ready가 아닙니다`,
        });
    } else if (!e.shouldContinueRunning && active.length > 0) {
      const pods = active.map((p) => `pod/${p.metadata.name}`).join(', ');
      problems.push({
        en: `${name} is not eligible but runs ${pods}`,
        ko: `자격이 없는 Node ${name}에 Pod가 남아 있습니다 (${pods})`,
      });
    } else if (active.length > 1)
      problems.push({
        en: `${name} runs ${active.length} pods`,
        ko: `Node ${name}에 Pod가 ${active.length}개 있습니다 (최대 1개여야 합니다)`,
      });
  }
  const known = new Set(nodes.map((n) => n.metadata.name));
  for (const [name, pods] of [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (known.has(name)) continue;
    const active = pods.filter((p) => !p.metadata.deletionTimestamp);
    if (active.length > 0)
      problems.push({
        en: `node ${name} is gone but ${active.length} pods still target it`,
        ko: `이미 없어진 Node ${name}에 배치된 Pod ${active.length}개가 아직 남아 있습니다`,
      });
  }
  return problems;
}

/**
 * A surge pod the scheduler cannot place (the node has no room for a second pod) beside the pod it
 * would replace: the rollout waits for capacity, as on a real cluster, and the old pod still covers
 * the node. Such a pod does not count.
 */
function withoutStuckSurge(active: KObject[]): KObject[] {
  if (!waitsForRoom(active)) return active;
  const placed = active.filter((p) => !unschedulable(p));
  return placed.length > 0 ? placed : active;
}

/** A node's live daemon pods are more than one, and one of them cannot be placed. */
function waitsForRoom(active: readonly KObject[]): boolean {
  return active.length > 1 && active.some(unschedulable);
}

/** Nodes whose rollout waits for room for a surge pod (see withoutStuckSurge). */
function surgeWaitsForRoom(byNode: ReadonlyMap<string, KObject[]>): Set<string> {
  const out = new Set<string>();
  for (const [node, list] of byNode)
    if (waitsForRoom(list.filter((p) => !p.metadata.deletionTimestamp))) out.add(node);
  return out;
}

/**
 * Why a surge rollout can stop with the old and the new pod side by side, both available: the new
 * pod became available by the clock alone, and nothing woke the controller. It looks again on pod
 * events, minReadySeconds after a pod turns Ready (a later request is dropped while an earlier one
 * waits: client-go keeps the earliest), and after a status write only while the *oldest* pod of a
 * node is not yet available. Real Kubernetes waits for the next event or informer resync; the
 * OpenKruise fork added the missing requeue (openkruise/kruise#1012).
 */
function withSurgeGap(world: World, ds: KObject, active: readonly KObject[], e: Explanation): Explanation {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  if (active.length !== 2 || minReady <= 0) return e;
  const hash = currentHash(ds);
  const fresh = active.find((p) => revisionHash(p) === hash);
  const old = active.find((p) => revisionHash(p) !== hash);
  if (!fresh || !old || !isPodAvailable(fresh as Pod, minReady, world.now)) return e;
  return {
    en: `${e.en}: surge pod ${fresh.metadata.name} became available with no event to wake the controller (Kubernetes looks again on the next event or resync; cf. openkruise/kruise#1012)`,
    ko: `${e.ko}: surge Pod ${fresh.metadata.name}가 시간이 지나 available이 되었지만 컨트롤러를 깨울 이벤트가 없습니다 (Kubernetes는 다음 이벤트나 resync 때 다시 봅니다; openkruise/kruise#1012 참고)`,
  };
}

/** The first five problems joined, then how many more there are (`; and 2 more`, `; 외 2건`). */
export function summariseProblems(problems: readonly Explanation[], max = 5): Explanation {
  const rest = problems.length - max;
  const part = (lang: keyof Explanation) =>
    problems
      .slice(0, max)
      .map((p) => p[lang])
      .join('; ');
  return {
    en: `${part('en')}${rest > 0 ? `; and ${rest} more` : ''}`,
    ko: `${part('ko')}${rest > 0 ? `; 외 ${rest}건` : ''}`,
  };
}

/**
 * A rollout Kubernetes itself cannot finish: on nodes that do not report, the daemon pods are
 * unavailable (NotReady once the node lifecycle marks them, or terminating for ever) and use up
 * maxUnavailable, so no old pod elsewhere may go. rolling_update.go counts them the same way; a
 * NotReady node stalls a DaemonSet rollout on a real cluster too, until the node returns or is
 * deleted. A pod that cannot be placed (its node has no room) is unavailable the same way, and
 * with maxSurge, surge pods that cannot be placed hold the rollout too.
 */
function rolloutHeld(
  world: World,
  ds: KObject,
  byNode: ReadonlyMap<string, KObject[]>,
  surgeWaiting: ReadonlySet<string>,
): boolean {
  const nodes = world.store.list('Node');
  const wanted = nodes.filter((n) => daemonPlacement(ds, n).shouldRun);
  const { maxUnavailable, maxSurge } = rolloutBudget(ds, wanted.length);
  // Surge pods that wait for room count toward maxSurge until they are available: once they use
  // it up, no other node may surge (the cluster is full, not the controller at fault).
  if (maxSurge > 0 && surgeWaiting.size >= maxSurge) return true;
  let stuck = 0;
  // Every node that should run the pod or still has one (an unreachable node's NoSchedule taint
  // ends "should run", not the pod), as nodeToDaemonPods holds them.
  for (const n of nodes) {
    const mine = byNode.get(n.metadata.name) ?? [];
    if (mine.length === 0 && !wanted.includes(n)) continue;
    // A pod the scheduler cannot place (no room) is unavailable for as long as the room is taken.
    if (mine.some(unschedulable)) {
      stuck++;
      continue;
    }
    const m = world.machines.get(n.metadata.name);
    if (!m || isReporting(m)) continue;
    if (mine.length === 0 || mine.some((p) => p.metadata.deletionTimestamp || !ready(p))) stuck++;
  }
  return stuck > 0 && stuck >= maxUnavailable;
}

function outdated(world: World, ds: KObject): Explanation | null {
  if (ds.spec?.updateStrategy?.type === 'OnDelete') return null;
  const hash = currentHash(ds);
  const pods = daemonPods(world, ds);
  const byNode = podsPerNode(pods, true);
  const waiting = surgeWaitsForRoom(byNode);
  const stale = pods.filter(
    (p) => !p.metadata.deletionTimestamp && revisionHash(p) !== hash && !waiting.has(p.spec?.nodeName ?? ''),
  );
  const onDesired = stale.filter((p) => {
    const node = world.store.get('Node', p.spec?.nodeName ?? '');
    return node && daemonPlacement(ds, node).shouldRun;
  });
  if (onDesired.length === 0 || rolloutHeld(world, ds, byNode, waiting)) return null;
  const names = onDesired.map((p) => p.metadata.name).join(', ');
  return {
    en: `${onDesired.length} pods still run an old template (${names})`,
    ko: `Pod ${onDesired.length}개가 아직 이전 템플릿으로 실행 중입니다 (${names})`,
  };
}

export const daemonSetChecks: WorkloadChecks = {
  kind: 'DaemonSet',
  notConverged(world, ds) {
    const problems = coverageProblems(world, ds);
    const old = outdated(world, ds);
    if (old) problems.push(old);
    if (problems.length === 0) return null;
    const shown = problems.slice(0, 5);
    return {
      en: shown.map((p) => p.en).join('; '),
      ko: shown.map((p) => p.ko).join('; '),
    };
  },
  fingerprint: (world, ds) =>
    daemonPods(world, ds)
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => p.metadata.uid)
      .sort()
      .join(','),
  expectedStatus(world, ds) {
    const counts = daemonStatus(ds, world.store.list('Node'), podsPerNode(daemonPods(world, ds)), world.now);
    return { ...counts, observedGeneration: ds.metadata.generation };
  },
};
