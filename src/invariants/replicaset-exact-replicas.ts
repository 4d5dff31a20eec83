import type { Finding, LivenessInvariant } from './types.ts';
import { hasKind, liveObjects, notReadyReasons, ownedActivePods, readyCounts } from './util.ts';

/**
 * After settle, every ReplicaSet has exactly spec.replicas active pods that it controls and that
 * match its selector, all Running and Ready — unless the cluster cannot place or start them.
 */
export const replicasetExactReplicas: LivenessInvariant = {
  id: 'replicaset.exact-replicas',
  kind: 'liveness',
  concept: 'replicaset',
  claim: {
    en: 'After settle, active owned pods == spec.replicas, all Running and Ready (when capacity allows).',
    ko: '안정화 후 소유한 활성 파드 수 == spec.replicas 이고, 모두 Running이며 Ready다 (용량이 허락하는 한).',
  },
  explain: {
    en: 'The apartment office keeps exactly N residents: when one leaves (a pod crashes, a node dies, a pod is relabelled away) it finds a new one; when there are too many it asks some to leave. Faults may break the count for a while; once they stop, the count must come back to N and stay.',
    ko: '아파트 관리 사무소는 입주자를 정확히 N명으로 유지한다. 누군가 떠나면(파드 장애, 노드 장애, 레이블 변경) 새 입주자를 찾고, 너무 많으면 일부를 내보낸다. 장애 중에는 잠시 숫자가 어긋날 수 있지만, 장애가 멈추면 다시 N으로 돌아와 유지되어야 한다.',
  },
  appliesTo: (s) => hasKind(s, 'ReplicaSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const rs of liveObjects(world, 'ReplicaSet')) {
      const want = rs.spec?.replicas ?? 1;
      const pods = ownedActivePods(world, rs);
      const { ready: readyCount, excused } = readyCounts(world, rs);
      if (pods.length === want && readyCount + excused === want) continue;
      const why = notReadyReasons(world, pods);
      const whyKo = notReadyReasons(world, pods, 'ko');
      findings.push({
        message: `replicaset/${rs.metadata.name}: ${pods.length}/${want} pods, ${readyCount} Ready${why ? `: ${why}` : ''}`,
        messageKo: `replicaset/${rs.metadata.name}: spec.replicas는 ${want}인데 파드는 ${pods.length}개이고 그중 Ready는 ${readyCount}개이다${whyKo ? ` (${whyKo})` : ''}`,
        objects: [`replicaset/${rs.metadata.name}`, ...pods.map((p) => `pod/${p.metadata.name}`)],
      });
    }
    return findings;
  },
};
