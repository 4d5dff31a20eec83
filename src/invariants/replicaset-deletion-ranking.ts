import { lessWithUid, type RankFacts, rankFacts, victimOrder } from './semantics/replicaset.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

const PHASES = ['Pending', 'Unknown', 'Running'];

function describe(f: RankFacts, nowMs: number): string {
  const ready =
    f.ready && f.readySinceMs !== undefined
      ? `Ready for ${Math.round((nowMs - f.readySinceMs) / 1000)}s`
      : '';
  return [
    f.assigned ? 'scheduled' : 'unscheduled',
    PHASES[f.phase],
    f.ready ? ready || 'Ready' : 'not Ready',
    `deletion-cost ${f.cost}`,
    `${f.colocated} related on its node`,
    `${f.restarts} restarts`,
    f.createdMs === undefined ? 'no creation time' : `age ${Math.round((nowMs - f.createdMs) / 1000)}s`,
  ].join(', ');
}

function describeKo(f: RankFacts, nowMs: number): string {
  return [
    f.assigned ? '노드에 배치됨' : '배치되지 않음',
    PHASES[f.phase],
    f.ready ? 'Ready' : 'Ready 아님',
    `deletion-cost ${f.cost}`,
    `같은 노드의 관련 파드 ${f.colocated}개`,
    `재시작 ${f.restarts}회`,
    f.createdMs === undefined ? '생성 시각 없음' : `나이 ${Math.round((nowMs - f.createdMs) / 1000)}초`,
  ].join(', ');
}

/**
 * Whether `to` can be reached from `from` along the order with UID tie-breaks. Kubernetes' Less is
 * not transitive (equal ready times fall through to restarts, a same-bucket pair goes to the UID),
 * so a correct sort may place a pod before one the judge ranks first when a chain of Less steps
 * leads there; such a pair is the comparator's own cycle, not the controller's choice.
 */
function reachable(from: RankFacts, to: RankFacts, all: readonly RankFacts[], nowMs: number): boolean {
  const seen = new Set<RankFacts>([from]);
  const queue = [from];
  while (queue.length > 0) {
    const x = queue.pop()!;
    for (const y of all) {
      if (seen.has(y) || !lessWithUid(x, y, nowMs)) continue;
      if (y === to) return true;
      seen.add(y);
      queue.push(y);
    }
  }
  return false;
}

/** The first kept pod that ranks strictly before a victim, if any. */
function misranked(
  facts: readonly RankFacts[],
  victims: ReadonlySet<string>,
  nowMs: number,
): { victim: RankFacts; kept: RankFacts } | undefined {
  const gone = facts.filter((f) => victims.has(f.name));
  const kept = facts.filter((f) => !victims.has(f.name));
  for (const v of gone)
    for (const k of kept)
      if (victimOrder(k, v, nowMs) === 'before' && !reachable(v, k, facts, nowMs))
        return { victim: v, kept: k };
  return undefined;
}

/**
 * On scale-down a ReplicaSet deletes the pods Kubernetes ranks first (ActivePodsWithRanks with
 * LogarithmicScaleDown), judged on the pods as its cache held them when it decided: no pod it kept
 * may rank strictly before one it deleted. Ties, and what Kubernetes leaves to the UID, are free.
 */
export const replicasetDeletionRanking: SafetyInvariant = {
  id: 'replicaset.deletion-ranking',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: "Scale-down deletes pods in Kubernetes' order: unscheduled, Pending, not Ready, lower pod-deletion-cost, more crowded node, Ready for less time, more restarts, newer first (as the controller saw them).",
    ko: '축소할 때는 쿠버네티스의 순서대로 파드를 지운다: 배치되지 않은 파드, Pending, Ready 아님, pod-deletion-cost가 낮은 파드, 더 붐비는 노드의 파드, Ready가 된 지 짧은 파드, 재시작이 많은 파드, 더 새로운 파드가 먼저다 (컨트롤러가 본 상태 기준).',
  },
  explain: {
    en: 'When the office has too many residents, it asks those who have not moved in yet to leave first, then those who are not settled, then whoever the landlord marked as cheapest to lose (controller.kubernetes.io/pod-deletion-cost), then those on a floor crowded with their household (the pods of every ReplicaSet under the same Deployment; a bare ReplicaSet has no household, so no floor is crowded), the newest arrivals and the restless ones. Kubernetes ranks victims this way (ActivePodsWithRanks) so a scale-down costs as little availability as it can; times are compared in doubling buckets (LogarithmicScaleDown), and where two pods tie Kubernetes picks by UID, so either choice passes.',
    ko: '입주자가 너무 많으면 관리 사무소는 아직 입주하지 않은 사람, 자리를 잡지 못한 사람, 집주인이 내보내도 손해가 적다고 표시한 사람(controller.kubernetes.io/pod-deletion-cost), 같은 가구(같은 디플로이먼트에 속한 모든 레플리카셋의 파드)로 붐비는 층에 사는 사람(소유자 없는 레플리카셋에는 가구가 없으니 붐비는 층도 없다), 가장 최근에 온 사람과 자주 들락날락한 사람 순으로 내보낸다. 쿠버네티스는 이렇게 삭제 대상을 순위로 골라(ActivePodsWithRanks) 축소로 잃는 가용성을 최소로 한다. 시간은 두 배씩 커지는 구간으로 비교하고(LogarithmicScaleDown), 동률이면 UID로 고르므로 어느 쪽을 지워도 통과한다.',
  },
  appliesTo: (s) => hasKind(s, 'ReplicaSet'),
  check(world) {
    const findings: Finding[] = [];
    const judged = new Set<unknown>();
    for (const w of world.stepWrites) {
      const c = w.cause;
      if (w.verb !== 'delete' || c?.controller !== 'replicaset' || c.reason !== 'scale-down') continue;
      if (judged.has(c)) continue;
      judged.add(c);
      const observed = c.observed;
      const nowMs = c.decidedAtMs;
      // Co-location counts the active pods among those the ReplicaSets sharing this one's
      // controller select (a bare ReplicaSet has none): the controller names them in the cause.
      const bad = misranked(rankFacts(observed, c.relatedObserved), new Set(c.victims), nowMs);
      if (!bad) continue;
      const { victim: v, kept: k } = bad;
      findings.push({
        message: `deleted pod/${v.name} (${describe(v, nowMs)}) but kept pod/${k.name} (${describe(k, nowMs)}), which ranks before it`,
        messageKo: `삭제 순위가 더 높은 파드를 남겼다 — 지운 파드: pod/${v.name} (${describeKo(v, nowMs)}), 남긴 파드: pod/${k.name} (${describeKo(k, nowMs)})`,
        objects: [`pod/${v.name}`, `pod/${k.name}`],
      });
    }
    return findings;
  },
};
