/**
 * DaemonSet knowledge for the generic invariants (workload.converges, status.consistent) and the
 * coverage claim, recomputed from the API store and the machines — never a controller's cache.
 */
import { isPodAvailable } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import { lastFailedPodDeleteMs } from '../daemonset-failed-pod-backoff.ts';
import {
  currentHash,
  daemonPlacement,
  daemonStatus,
  FAILED_BACKOFF_MAX_MS,
  finished,
  podsPerNode,
  revisionHash,
  surges,
} from '../semantics/daemonset.ts';
import type { Explanation } from '../types.ts';
import { appCanBeReady, ready, unschedulable } from '../util.ts';
import { daemonPods, lingering, NOTICE_MS, summariseProblems, waitsForRoom } from './daemonset-pods.ts';
import { outdated } from './daemonset-rollout.ts';
import type { WorkloadChecks } from './types.ts';

export { daemonPods, lingering, summariseProblems };

/**
 * Why the DaemonSet does not cover the cluster as it should, one reason per node, in English and
 * Korean (empty when it does).
 */
export function coverageProblems(world: World, ds: KObject): Explanation[] {
  return coverage(world, ds).problems;
}

/** What the DaemonSet covers wrongly, and the nodes where Kubernetes itself waits (held by design). */
export interface CoverageReport {
  problems: Explanation[];
  held: Explanation[];
  /** Nodes whose surge gap is held by design: they keep the old pod beside the new one. */
  gapNodes: Set<string>;
}

export function coverage(world: World, ds: KObject): CoverageReport {
  const byNode = podsPerNode(daemonPods(world, ds), true);
  const problems: Explanation[] = [];
  const held: Explanation[] = [];
  const gapNodes = new Set<string>();
  const nodes = world.store.list('Node');
  for (const node of nodes) {
    const name = node.metadata.name;
    const present = (byNode.get(name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    // Finished pods run nothing: daemonset.replaces-terminal judges how long they may stay.
    const active = withoutStuckSurge(present.filter((p) => !finished(p)));
    const e = daemonPlacement(ds, node);
    if (e.shouldRun) {
      if (active.length === 0 && waitsOutBackoff(world, present)) {
        held.push(backoffWait(name, present));
        continue;
      }
      const leaving = active.length === 0 ? terminatingBlocker(ds, name, byNode.get(name) ?? []) : null;
      if (leaving) {
        held.push(leaving);
        continue;
      }
      const gap = active.length === 2 ? surgeGap(world, ds, name, active) : null;
      if (gap) {
        held.push(gap);
        gapNodes.add(name);
      } else if (active.length !== 1)
        problems.push({
          en: `${name} runs ${active.length} pods (wants 1)`,
          ko:
            active.length === 0
              ? `노드 ${name}에 파드가 없다 (1개 있어야 한다)`
              : `노드 ${name}에 파드가 ${active.length}개 있다 (1개여야 한다)`,
        });
      else if (!ready(active[0]!) && appCanBeReady(active[0]!) && !unschedulable(active[0]!))
        problems.push({
          en: `${name}: pod/${active[0]!.metadata.name} is not Ready`,
          ko: `노드 ${name}에 있는 pod/${active[0]!.metadata.name}의 상태가 Ready가 아니다`,
        });
    } else if (!e.shouldContinueRunning && present.length > 0) {
      const pods = present.map((p) => `pod/${p.metadata.name}`).join(', ');
      problems.push({
        en: `${name} is not eligible but runs ${pods}`,
        ko: `자격이 없는 노드 ${name}에 파드가 남아 있다 (${pods})`,
      });
    } else if (active.length > 1) {
      // A node that only stopped accepting new pods may keep its surge pair the same way.
      const gap = active.length === 2 ? surgeGap(world, ds, name, active) : null;
      if (gap) {
        held.push(gap);
        gapNodes.add(name);
      } else
        problems.push({
          en: `${name} runs ${active.length} pods`,
          ko: `노드 ${name}에 파드가 ${active.length}개 있다 (최대 1개여야 한다)`,
        });
    }
  }
  const known = new Set(nodes.map((n) => n.metadata.name));
  for (const [name, pods] of [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (known.has(name)) continue;
    const active = pods.filter((p) => !p.metadata.deletionTimestamp);
    if (active.length > 0)
      problems.push({
        en: `node ${name} is gone but ${active.length} pods still target it`,
        ko: `이미 없어진 노드 ${name}에 배치된 파드 ${active.length}개가 아직 남아 있다`,
      });
  }
  return { problems, held, gapNodes };
}

/** Only finished pods on the node, none kept past its allowance: the node waits out a back-off. */
function waitsOutBackoff(world: World, present: readonly KObject[]): boolean {
  return present.length > 0 && present.every((p) => finished(p) && !lingering(world, p));
}

/** Why the node has no daemon yet: its finished pods wait out the failed-pod back-off. */
function backoffWait(node: string, finishedPods: readonly KObject[]): Explanation {
  const pods = finishedPods.map((p) => `pod/${p.metadata.name} (${p.status?.phase})`).join(', ');
  if (finishedPods.some((p) => p.status?.phase !== 'Failed'))
    return {
      en: `${node} has only ${pods}, which just ended; the controller replaces it on its next sync`,
      ko: `${node}에는 방금 끝난 파드만 있다 (${pods}). 컨트롤러가 다음 동기화에서 교체한다`,
    };
  return {
    en: `${node} has only ${pods}; the controller replaces it once the node's failed-pod back-off (up to 15 min) is over`,
    ko: `${node}에는 끝난 파드만 있다 (${pods}). 컨트롤러는 노드별 Failed 파드 백오프(최대 15분)가 끝나면 교체한다`,
  };
}

/**
 * Without surge, a node whose only pod is terminating gets no replacement until the object is gone
 * (two daemons must never overlap, kubernetes#51464): a finalizer another controller holds, or a
 * long grace period, keeps the node without its daemon on a real cluster too.
 */
function terminatingBlocker(ds: KObject, node: string, pods: readonly KObject[]): Explanation | null {
  if (surges(ds)) return null;
  const leaving = pods.find((p) => p.metadata.deletionTimestamp && !finished(p));
  if (!leaving) return null;
  const by = leaving.metadata.finalizers?.length
    ? ` (finalizers: ${leaving.metadata.finalizers.join(', ')})`
    : '';
  return {
    en: `pod/${leaving.metadata.name} on ${node} is still terminating${by}; the DaemonSet places no replacement until it is gone`,
    ko: `${node}의 pod/${leaving.metadata.name}: 아직 종료 중이다${by}. 데몬셋은 이 파드가 사라질 때까지 새 파드를 두지 않는다`,
  };
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

/**
 * Why a surge rollout can stop with the old and the new pod side by side, both available: the new
 * pod became available by the clock alone, and nothing woke the controller. It looks again on pod
 * events, minReadySeconds after a pod turns Ready (a later request is dropped while an earlier one
 * waits: client-go keeps the earliest), and after a status write only while the *oldest* pod of a
 * node is not yet available. Real Kubernetes waits for the next event or informer resync; the
 * OpenKruise fork added the missing requeue (openkruise/kruise#1012).
 */
function surgeGap(world: World, ds: KObject, node: string, active: readonly KObject[]): Explanation | null {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const hash = currentHash(ds, world.store.values('ControllerRevision'));
  const fresh = active.find((p) => revisionHash(p) === hash);
  const old = active.find((p) => revisionHash(p) !== hash);
  if (!fresh || !old) return null;
  const freshAvailable = isPodAvailable(fresh as Pod, minReady, world.now);
  // A surge pod whose application never becomes ready: the old pod keeps serving, on purpose.
  if (!freshAvailable && !appCanBeReady(fresh))
    return {
      en: `surge pod ${fresh.metadata.name} on ${node} never became ready, so pod/${old.metadata.name} keeps serving beside it (rollout held by design)`,
      ko: `노드 ${node}의 surge 파드 ${fresh.metadata.name}: Ready가 되지 않아 pod/${old.metadata.name}가 옆에서 계속 동작한다 (설계상 롤아웃 대기)`,
    };
  if (minReady <= 0 || !freshAvailable) return null;
  return {
    en: `surge pod ${fresh.metadata.name} on ${node} became available with no event to wake the controller, so pod/${old.metadata.name} stays beside it until the next event or resync (real Kubernetes does the same; cf. openkruise/kruise#1012)`,
    ko: `노드 ${node}의 surge 파드 ${fresh.metadata.name}: 시간이 지나 available이 되었지만 컨트롤러를 깨울 이벤트가 없어, 다음 이벤트나 resync 때까지 pod/${old.metadata.name}도 옆에 남는다 (실제 쿠버네티스도 같다. openkruise/kruise#1012 참고)`,
  };
}

/** Convergence of a DaemonSet: coverage, then the rollout; each either wrong or held by design. */
function convergence(world: World, ds: KObject): CoverageReport {
  const report = coverage(world, ds);
  const old = outdated(world, ds, report.gapNodes);
  if (old.problem) report.problems.push(old.problem);
  if (old.held) report.held.push(old.held);
  return report;
}

/**
 * The running pods, by uid: replacing one of them while nothing happens is drift. A node whose pod
 * failed lately is left out: its replacement comes when the failed-pod back-off ends, which may
 * fall in the stability window (Kubernetes waits on purpose, up to 15 min).
 */
function fingerprint(world: World, ds: KObject): string {
  const pods = daemonPods(world, ds).filter((p) => !p.metadata.deletionTimestamp);
  const failing = new Set<string>();
  for (const p of pods) {
    const node = p.spec?.nodeName ?? '';
    const last = lastFailedPodDeleteMs(world, ds.metadata.uid, node);
    if (finished(p) || (last !== undefined && world.now - last <= FAILED_BACKOFF_MAX_MS + NOTICE_MS))
      failing.add(node);
  }
  return pods
    .filter((p) => !failing.has(p.spec?.nodeName ?? ''))
    .map((p) => p.metadata.uid)
    .sort()
    .join(',');
}

export const daemonSetChecks: WorkloadChecks = {
  kind: 'DaemonSet',
  notConverged(world, ds) {
    const { problems } = convergence(world, ds);
    return problems.length === 0 ? null : summariseProblems(problems);
  },
  heldByDesign(world, ds) {
    const { held } = convergence(world, ds);
    return held.length === 0 ? null : summariseProblems(held);
  },
  fingerprint,
  expectedStatus(world, ds) {
    const hash = currentHash(ds, world.store.values('ControllerRevision'));
    const counts = daemonStatus(
      ds,
      world.store.list('Node'),
      podsPerNode(daemonPods(world, ds)),
      world.now,
      hash,
    );
    return { ...counts, observedGeneration: ds.metadata.generation };
  },
};
