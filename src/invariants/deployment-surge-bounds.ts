import { deploymentName, deploymentWrites, withSize } from './deployment-util.ts';
import { fenceposts, specReplicas } from './semantics/deployment.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * A scale-up of a Deployment's ReplicaSet never asks for more than spec.replicas + maxSurge across
 * all its ReplicaSets, counted on the sets as the sync held them (their sizes after the sync's own
 * earlier writes) and with the Deployment as the controller's cache held it.
 */
export const deploymentSurgeBounds: SafetyInvariant = {
  id: 'deployment.surge-bounds',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: "A scale-up asks for at most spec.replicas + maxSurge replicas across the Deployment's ReplicaSets, as the controller saw them.",
    ko: '스케일 업은 디플로이먼트의 레플리카셋 전체에 걸쳐 spec.replicas + maxSurge개보다 많은 레플리카를 요청하지 않는다 (컨트롤러가 본 상태 기준).',
  },
  explain: {
    en: 'A rolling update starts new pods before it stops old ones, but only up to maxSurge extra pods (25% of spec.replicas by default, a percentage rounded up): that is the spare capacity the cluster must have for a rollout. A controller that surges further can exhaust the nodes and leave new pods Pending while old ones are already gone.',
    ko: '롤링 업데이트는 이전 파드를 멈추기 전에 새 파드를 먼저 띄우지만, 추가 파드는 maxSurge개까지만 띄운다 (기본값은 spec.replicas의 25%, 퍼센트는 올림). 롤아웃에 필요한 클러스터의 여유 용량이 바로 그만큼이다. 그보다 더 많이 띄우는 컨트롤러는 노드를 가득 채워, 이전 파드는 이미 사라졌는데 새 파드는 Pending에 머무르게 만들 수 있다.',
  },
  appliesTo: (s) => hasKind(s, 'Deployment'),
  check(world) {
    const findings: Finding[] = [];
    for (const { c, rs, from, to } of deploymentWrites(world)) {
      if (to <= from) continue;
      const d = c.observedDeployment;
      const allowed = specReplicas(d) + fenceposts(d).maxSurge;
      const asked = withSize(c.observedReplicaSets, rs.metadata.name, to).reduce((n, s) => n + s.size, 0);
      if (asked <= allowed) continue;
      const name = deploymentName(c);
      findings.push({
        message: `deployment/${name}: scaling replicaset/${rs.metadata.name} from ${from} to ${to} asks for ${asked} replicas in all, above spec.replicas + maxSurge = ${allowed} (as the controller saw them)`,
        messageKo: `deployment/${name}: replicaset/${rs.metadata.name}의 크기를 ${from} → ${to}로 바꾸어 레플리카를 모두 ${asked}개 요청했지만, 컨트롤러가 본 spec.replicas + maxSurge는 ${allowed}이다`,
        objects: [`deployment/${name}`, `replicaset/${rs.metadata.name}`],
      });
    }
    return findings;
  },
};
