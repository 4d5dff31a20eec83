/**
 * DaemonSet knowledge for the generic invariants (workload.converges, status.consistent) and the
 * coverage claim, recomputed from the API store and the machines — never a controller's cache.
 */
import { compileSelector, selectorMatches } from '../../model/labels.ts';
import { isPodAvailable, podReadyTransitionMs } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { isReporting } from '../../sim/machine.ts';
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
  rolloutBudget,
  surges,
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
      if (active.length === 0 && waitsOutBackoff(world, present)) continue;
      const gap = active.length === 2 ? surgeGap(world, ds, name, active) : null;
      if (gap) {
        held.push(gap);
        gapNodes.add(name);
      } else if (active.length !== 1)
        problems.push({
          en: `${name} runs ${active.length} pods (wants 1)`,
          ko:
            active.length === 0
              ? `Node ${name}에 Pod가 없습니다 (1개 있어야 합니다)`
              : `Node ${name}에 Pod가 ${active.length}개 있습니다 (1개여야 합니다)`,
        });
      else if (!ready(active[0]!) && appCanBeReady(active[0]!) && !unschedulable(active[0]!))
        problems.push({
          en: `${name}: pod/${active[0]!.metadata.name} is not Ready`,
          ko: `Node ${name}에 있는 pod/${active[0]!.metadata.name}의 상태가 Ready가 아닙니다`,
        });
    } else if (!e.shouldContinueRunning && present.length > 0) {
      const pods = present.map((p) => `pod/${p.metadata.name}`).join(', ');
      problems.push({
        en: `${name} is not eligible but runs ${pods}`,
        ko: `자격이 없는 Node ${name}에 Pod가 남아 있습니다 (${pods})`,
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
          ko: `Node ${name}에 Pod가 ${active.length}개 있습니다 (최대 1개여야 합니다)`,
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
        ko: `이미 없어진 Node ${name}에 배치된 Pod ${active.length}개가 아직 남아 있습니다`,
      });
  }
  return { problems, held, gapNodes };
}

/** How long the controller may take to notice a finished pod (a sync, a watch event, a round trip). */
const NOTICE_MS = 60_000;

/**
 * A finished daemon pod the controller should have deleted by now: Succeeded ones at once, Failed
 * ones once the node's back-off (at most 15 min) is over. A pod's Ready condition turns False when
 * it finishes or earlier, so its transition time bounds the end from below (lenient on purpose).
 * On a node that does not report, or is gone, the node lifecycle and pod GC decide instead.
 */
export function lingering(world: World, pod: KObject): boolean {
  if (!finished(pod) || pod.metadata.deletionTimestamp) return false;
  const node = pod.spec?.nodeName;
  const m = node ? world.machines.get(node) : undefined;
  if (!node || !world.store.get('Node', node) || !m || !isReporting(m)) return false;
  const since = podReadyTransitionMs(pod as Pod) ?? 0;
  const limit = pod.status?.phase === 'Failed' ? FAILED_BACKOFF_MAX_MS + NOTICE_MS : NOTICE_MS;
  return world.now - since > limit;
}

/** Only finished pods on the node, none kept past its allowance: the node waits out a back-off. */
function waitsOutBackoff(world: World, present: readonly KObject[]): boolean {
  return present.length > 0 && present.every((p) => finished(p) && !lingering(world, p));
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
function surgeGap(world: World, ds: KObject, node: string, active: readonly KObject[]): Explanation | null {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const hash = currentHash(ds);
  const fresh = active.find((p) => revisionHash(p) === hash);
  const old = active.find((p) => revisionHash(p) !== hash);
  if (!fresh || !old) return null;
  const freshAvailable = isPodAvailable(fresh as Pod, minReady, world.now);
  // A surge pod whose application never becomes ready: the old pod keeps serving, on purpose.
  if (!freshAvailable && !appCanBeReady(fresh))
    return {
      en: `surge pod ${fresh.metadata.name} on ${node} never became ready, so pod/${old.metadata.name} keeps serving beside it (rollout held by design)`,
      ko: `Node ${node}의 surge Pod ${fresh.metadata.name}: Ready가 되지 않아 pod/${old.metadata.name}가 옆에서 계속 동작합니다 (설계상 롤아웃 대기)`,
    };
  if (minReady <= 0 || !freshAvailable) return null;
  return {
    en: `surge pod ${fresh.metadata.name} on ${node} became available with no event to wake the controller, so pod/${old.metadata.name} stays beside it until the next event or resync (real Kubernetes does the same; cf. openkruise/kruise#1012)`,
    ko: `Node ${node}의 surge Pod ${fresh.metadata.name}: 시간이 지나 available이 되었지만 컨트롤러를 깨울 이벤트가 없어, 다음 이벤트나 resync 때까지 pod/${old.metadata.name}도 옆에 남습니다 (실제 Kubernetes도 같습니다; openkruise/kruise#1012 참고)`,
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
 * deleted (kubernetes#117204). A pod that cannot be placed (its node has no room), or whose
 * application never becomes ready (a crash-looping image), is unavailable the same way, and with
 * maxSurge, surge pods that cannot be placed hold the rollout too. Returns why, or null.
 */
function rolloutHeld(
  world: World,
  ds: KObject,
  byNode: ReadonlyMap<string, KObject[]>,
  surgeWaiting: ReadonlySet<string>,
): Explanation | null {
  const nodes = world.store.list('Node');
  const wanted = nodes.filter((n) => daemonPlacement(ds, n).shouldRun);
  const { maxUnavailable, maxSurge } = rolloutBudget(ds, wanted.length);
  // Surge pods that wait for room, never become ready, or became available unseen count toward
  // maxSurge as the controller last counted them: once they use it up, no other node may surge.
  if (maxSurge > 0 && surgeWaiting.size >= maxSurge) {
    const on = [...surgeWaiting].sort().join(', ');
    return {
      en: `rollout held by design: surge pods on ${on} are not available yet in the controller's last look, using up maxSurge ${maxSurge}`,
      ko: `설계상 롤아웃 대기: 컨트롤러가 마지막으로 볼 때 ${on}의 surge Pod가 아직 available이 아니어서 maxSurge=${maxSurge}를 모두 쓰고 있습니다`,
    };
  }
  const stuck: Explanation[] = [];
  // Every node that should run the pod or still has one (an unreachable node's NoSchedule taint
  // ends "should run", not the pod), as nodeToDaemonPods holds them.
  for (const n of nodes) {
    const mine = byNode.get(n.metadata.name) ?? [];
    if (mine.length === 0 && !wanted.includes(n)) continue;
    const why = whyUnavailable(world, ds, n.metadata.name, mine);
    if (why) stuck.push(why);
  }
  // Without surge the stuck nodes use up maxUnavailable; with surge, a new pod that is not
  // available beside its old one uses up maxSurge (update.go counts both the same way).
  const budget = maxSurge > 0 ? maxSurge : maxUnavailable;
  if (stuck.length === 0 || stuck.length < budget) return null;
  const part = (lang: keyof Explanation) =>
    stuck
      .slice(0, 3)
      .map((x) => x[lang])
      .join(', ');
  return {
    en: `rollout held by design: ${part('en')}, ${maxSurge > 0 ? 'maxSurge' : 'maxUnavailable'} ${budget}`,
    ko: `설계상 롤아웃 대기: ${part('ko')}, ${maxSurge > 0 ? 'maxSurge' : 'maxUnavailable'}=${budget}`,
  };
}

/** Why a node's daemon counts as unavailable in a way only the node or the image can end, or null. */
function whyUnavailable(
  world: World,
  ds: KObject,
  node: string,
  mine: readonly KObject[],
): Explanation | null {
  // A pod the scheduler cannot place (no room) is unavailable for as long as the room is taken.
  const unplaced = mine.find(unschedulable);
  if (unplaced)
    return {
      en: `pod/${unplaced.metadata.name} cannot be placed on ${node}`,
      ko: `pod/${unplaced.metadata.name}: ${node}에 배치할 자리가 없음`,
    };
  const m = world.machines.get(node);
  if (m && !isReporting(m)) {
    if (mine.length === 0 || mine.some((p) => p.metadata.deletionTimestamp || !ready(p)))
      return { en: `${node} does not report`, ko: `${node}의 상태 보고가 끊김` };
    return null;
  }
  const hash = currentHash(ds);
  // Failed pods kept for the node's back-off are unavailable pods of the node (with surge, old
  // ones too: more than one old pod on a node uses up a surge slot, as update.go counts it).
  const kept = mine.find(
    (p) => finished(p) && !p.metadata.deletionTimestamp && (surges(ds) || revisionHash(p) === hash),
  );
  if (kept)
    return {
      en: `pod/${kept.metadata.name} on ${node} waits out the failed-pod back-off`,
      ko: `${node}의 pod/${kept.metadata.name}: 실패한 Pod의 백오프를 기다리는 중`,
    };
  // The new template's application never becomes ready there (crash-loop, never-ready, fails).
  const broken = mine.find(
    (p) =>
      revisionHash(p) === hash &&
      !p.metadata.deletionTimestamp &&
      !appCanBeReady(p) &&
      !isPodAvailable(p as Pod, ds.spec?.minReadySeconds ?? 0, world.now),
  );
  if (!broken) return null;
  return {
    en: `pod/${broken.metadata.name} on ${node} never became ready`,
    ko: `${node}의 pod/${broken.metadata.name}: Ready가 되지 않음`,
  };
}

/** Pods still on an old template where the rollout should have replaced them, or why it waits. */
function outdated(
  world: World,
  ds: KObject,
  heldNodes: ReadonlySet<string>,
): { problem?: Explanation; held?: Explanation } {
  if (ds.spec?.updateStrategy?.type === 'OnDelete') return {};
  const hash = currentHash(ds);
  const pods = daemonPods(world, ds);
  const byNode = podsPerNode(pods, true);
  const waiting = surgeWaitsForRoom(byNode);
  const backingOff = nodesBackingOff(world, byNode);
  const stale = pods.filter((p) => {
    const node = p.spec?.nodeName ?? '';
    // Finished pods run nothing (daemonset.replaces-terminal judges how long they may stay).
    if (p.metadata.deletionTimestamp || finished(p) || revisionHash(p) === hash) return false;
    return !waiting.has(node) && !heldNodes.has(node);
  });
  const onDesired = stale.filter((p) => {
    const node = world.store.get('Node', p.spec?.nodeName ?? '');
    return node && daemonPlacement(ds, node).shouldRun;
  });
  if (onDesired.length === 0) return {};
  const blocked = onDesired.filter((p) => backingOff.has(p.spec?.nodeName ?? ''));
  if (blocked.length === onDesired.length) {
    const names = blocked.map((p) => `pod/${p.metadata.name} on ${p.spec?.nodeName}`).join(', ');
    const namesKo = blocked.map((p) => `${p.spec?.nodeName}의 pod/${p.metadata.name}`).join(', ');
    return {
      held: {
        en: `rollout held by design: ${names} stays until the Failed pods beside it are deleted, one per failed-pod back-off`,
        ko: `설계상 롤아웃 대기: ${namesKo}: 옆의 Failed Pod가 실패 Pod 백오프마다 하나씩 지워질 때까지 남습니다`,
      },
    };
  }
  const held = rolloutHeld(world, ds, byNode, new Set([...waiting, ...heldNodes]));
  if (held) return { held };
  const names = onDesired.map((p) => p.metadata.name).join(', ');
  return {
    problem: {
      en: `${onDesired.length} pods still run an old template (${names})`,
      ko: `Pod ${onDesired.length}개가 아직 이전 템플릿으로 실행 중입니다 (${names})`,
    },
  };
}

/**
 * Nodes where a Failed pod waits out its back-off beside others: update.go skips a node with more
 * than one pod of a kind, or an old and a new one, until manage() has deleted the extra ones, and
 * manage() deletes a Failed pod only once per back-off.
 */
function nodesBackingOff(world: World, byNode: ReadonlyMap<string, KObject[]>): Set<string> {
  const out = new Set<string>();
  for (const [node, pods] of byNode) {
    const present = pods.filter((p) => !p.metadata.deletionTimestamp);
    if (present.length > 1 && present.some((p) => finished(p) && !lingering(world, p))) out.add(node);
  }
  return out;
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
    const counts = daemonStatus(ds, world.store.list('Node'), podsPerNode(daemonPods(world, ds)), world.now);
    return { ...counts, observedGeneration: ds.metadata.generation };
  },
};
