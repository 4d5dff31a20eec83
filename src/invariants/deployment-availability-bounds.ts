import type { KObject } from '../model/types.ts';
import { type DeploymentWrite, deploymentName, deploymentWrites, sumOf } from './deployment-util.ts';
import { fenceposts, newReplicaSetOf, specReplicas } from './semantics/deployment.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

const available = (rs: KObject): number => rs.status?.availableReplicas ?? 0;

/**
 * How far a rolling update may scale old ReplicaSets down in one sync, Kubernetes' way
 * (reconcileOldReplicaSets): unavailable old replicas go first, within all replicas − minAvailable
 * − the new set's unavailable ones; then old replicas within the available replicas − minAvailable,
 * the available counts read from the ReplicaSets' status as the sync saw it. Null when within.
 */
function overBudget(dw: DeploymentWrite): { spent: number; budget: number } | null {
  const { c, from, to } = dw;
  const d = c.observedDeployment;
  const sets = dw.oldStart ?? c.observedReplicaSets;
  const minAvailable = specReplicas(d) - fenceposts(d).maxUnavailable;
  const down = Math.max(0, from - to);
  if (c.reason === 'scale-down-old') {
    const budget = Math.max(0, sumOf(sets, available) - minAvailable);
    const spent = dw.scaledDownBefore + down;
    return spent > budget ? { spent, budget } : null;
  }
  const newRS = newReplicaSetOf(d, sets);
  const newUnavailable = newRS ? specReplicas(newRS) - available(newRS) : 0;
  const budget = Math.max(0, sumOf(sets, specReplicas) - minAvailable - newUnavailable);
  const held = c.observedReplicaSets.find((s) => s.metadata.name === dw.rs.metadata.name);
  // Only replicas that are not available may go, and no more than the budget over the sync.
  const unavailable = held ? Math.max(0, specReplicas(held) - available(held)) : 0;
  const spent = dw.cleanedBefore + down;
  if (spent > budget) return { spent, budget };
  return down > unavailable ? { spent: down, budget: unavailable } : null;
}

/**
 * A rolling update never scales an old ReplicaSet down below what keeps spec.replicas −
 * maxUnavailable pods available, judged on the ReplicaSets and the Deployment as the controller
 * saw them: pods the world takes away (a crashed node, a deleted pod) are not the controller's doing.
 */
export const deploymentAvailabilityBounds: SafetyInvariant = {
  id: 'deployment.availability-bounds',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: 'A rolling update never scales an old ReplicaSet down below what keeps spec.replicas − maxUnavailable pods available, as the controller saw them.',
    ko: '롤링 업데이트는 이전 레플리카셋을 spec.replicas − maxUnavailable개의 파드가 사용 가능하게 남는 수준 아래로 줄이지 않는다 (컨트롤러가 본 상태 기준).',
  },
  explain: {
    en: 'While a Deployment rolls, users are still served by the pods that are available. maxUnavailable (25% of spec.replicas by default, a percentage rounded down) is how many of them the rollout may take away at once: old pods go only as new ones become available. Unhealthy old pods may go first, since they serve no one (kubernetes#16737). A controller that rounds the other way, or counts pods that are not available, takes the service below its floor.',
    ko: '디플로이먼트가 롤아웃하는 동안에도 사용자는 사용 가능한 파드에게서 서비스를 받는다. maxUnavailable(기본값은 spec.replicas의 25%, 퍼센트는 내림)은 롤아웃이 한 번에 줄일 수 있는 파드 수이다. 이전 파드는 새 파드가 사용 가능해지는 만큼만 줄어든다. 건강하지 않은 이전 파드는 아무도 서비스하지 않으므로 먼저 줄여도 된다(kubernetes#16737). 반대로 반올림하거나 사용 가능하지 않은 파드까지 세는 컨트롤러는 서비스를 최저선 아래로 떨어뜨린다.',
  },
  appliesTo: (s) => hasKind(s, 'Deployment'),
  check(world) {
    const findings: Finding[] = [];
    for (const dw of deploymentWrites(world)) {
      const { c, rs, from, to } = dw;
      if (c.reason !== 'scale-down-old' && c.reason !== 'cleanup-unhealthy') continue;
      const over = overBudget(dw);
      if (!over) continue;
      const name = deploymentName(c);
      const cleanup = c.reason === 'cleanup-unhealthy';
      const what = cleanup ? 'unhealthy replicas' : 'available replicas';
      const whatKo = cleanup ? '건강하지 않은 레플리카' : '사용 가능한 레플리카';
      findings.push({
        message: `deployment/${name}: scaling old replicaset/${rs.metadata.name} from ${from} to ${to} takes ${over.spent} ${what} away in this sync, but only ${over.budget} could go (spec.replicas − maxUnavailable must stay available, as the controller saw them)`,
        messageKo: `deployment/${name}: 이전 replicaset/${rs.metadata.name}의 크기를 ${from} → ${to}로 줄여 이번 동기화에서 ${whatKo} ${over.spent}개를 없앴지만, 줄일 수 있는 수는 ${over.budget}개였다 (컨트롤러가 본 상태로 spec.replicas − maxUnavailable개는 사용 가능해야 한다)`,
        objects: [`deployment/${name}`, `replicaset/${rs.metadata.name}`],
      });
    }
    return findings;
  },
};
