/**
 * Whether a DaemonSet rollout has done what it should, or is held where Kubernetes itself holds it
 * (update.go's own counting of unavailable and surge pods), with the reason in English and Korean.
 */
import { isPodAvailable } from '../../model/pod.ts';
import type { KObject, Pod } from '../../model/types.ts';
import { isReporting } from '../../sim/machine.ts';
import type { World } from '../../sim/world.ts';
import {
  currentHash,
  daemonPlacement,
  finished,
  podsPerNode,
  revisionHash,
  rolloutBudget,
  surges,
} from '../semantics/daemonset.ts';
import type { Explanation } from '../types.ts';
import { appCanBeReady, ready, unschedulable } from '../util.ts';
import { daemonPods, lingering, surgeWaitsForRoom } from './daemonset-pods.ts';

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
      ko: `설계상 롤아웃 대기: 컨트롤러가 마지막으로 볼 때 ${on}의 surge 파드가 아직 available이 아니어서 maxSurge=${maxSurge}를 모두 쓰고 있다`,
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
  // Pods aimed at a node that is gone count too (nodeToDaemonPods keys them by their node name): one
  // that a finalizer keeps terminating holds a slot until it goes.
  const known = new Set(nodes.map((n) => n.metadata.name));
  for (const [node, mine] of [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (known.has(node)) continue;
    const why = whyUnavailable(world, ds, node, mine);
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
  // Its only pod is still terminating (a finalizer another controller holds, a long grace period):
  // no pod, so unavailable, and without surge no replacement until the object is gone.
  const leaving = mine.find((p) => p.metadata.deletionTimestamp && !finished(p));
  if (leaving && mine.every((p) => p.metadata.deletionTimestamp))
    return {
      en: `pod/${leaving.metadata.name} on ${node} is still terminating`,
      ko: `${node}의 pod/${leaving.metadata.name}: 아직 종료 중`,
    };
  const hash = currentHash(ds, world.store.values('ControllerRevision'));
  // Failed pods kept for the node's back-off are unavailable pods of the node (with surge, old
  // ones too: more than one old pod on a node uses up a surge slot, as update.go counts it).
  const kept = mine.find(
    (p) => finished(p) && !p.metadata.deletionTimestamp && (surges(ds) || revisionHash(p) === hash),
  );
  if (kept)
    return {
      en: `pod/${kept.metadata.name} on ${node} waits out the failed-pod back-off`,
      ko: `${node}의 pod/${kept.metadata.name}: 실패한 파드의 백오프를 기다리는 중`,
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
export function outdated(
  world: World,
  ds: KObject,
  heldNodes: ReadonlySet<string>,
): { problem?: Explanation; held?: Explanation } {
  if (ds.spec?.updateStrategy?.type === 'OnDelete') return {};
  const hash = currentHash(ds, world.store.values('ControllerRevision'));
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
        ko: `설계상 롤아웃 대기: ${namesKo}: 옆의 Failed 파드가 실패 파드 백오프마다 하나씩 지워질 때까지 남는다`,
      },
    };
  }
  const held = rolloutHeld(world, ds, byNode, new Set([...waiting, ...heldNodes]));
  if (held) return { held };
  const names = onDesired.map((p) => p.metadata.name).join(', ');
  return {
    problem: {
      en: `${onDesired.length} pods still run an old template (${names})`,
      ko: `파드 ${onDesired.length}개가 아직 이전 템플릿으로 실행 중이다 (${names})`,
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
