import type { Finding, LivenessInvariant } from './types.ts';
import { hasKind, liveObjects } from './util.ts';
import { coverage, summariseProblems } from './workloads/daemonset.ts';

/** After settle: one Ready daemon pod on every eligible node, none on nodes that must not run one. */
export const daemonsetCoverage: LivenessInvariant = {
  id: 'daemonset.coverage',
  kind: 'liveness',
  concept: 'daemonset',
  claim: {
    en: 'After settle, every eligible node runs exactly one Ready daemon pod, and ineligible nodes run none.',
    ko: '안정화 후 자격이 있는 모든 노드에는 Ready 상태의 데몬셋 파드가 정확히 하나 있고, 자격이 없는 노드에는 하나도 없다.',
  },
  explain: {
    en: 'One streetlight on every street: when a street is built (a node joins) it gets a light, when it is removed the light goes with it, and when a street stops qualifying (a label no longer matches the nodeSelector, an untolerated NoExecute taint) its light is taken down. A node that only stopped accepting new pods (NotReady, a NoSchedule taint) may keep its light: it is neither required nor forbidden there. Eligibility is judged on the nodes as the API server holds them after the faults stopped.',
    ko: '모든 거리에 가로등 하나. 거리가 생기면(노드 합류) 가로등이 서고, 거리가 없어지면 가로등도 함께 사라지며, 거리가 자격을 잃으면(레이블이 nodeSelector와 더 이상 맞지 않거나, 허용되지 않은 NoExecute 테인트) 가로등을 철거한다. 새 파드만 받지 않게 된 노드(NotReady, NoSchedule 테인트)는 기존 가로등을 유지해도 된다. 자격은 장애가 멈춘 뒤 API 서버가 가진 노드 기준으로 판단한다.',
  },
  appliesTo: (s) => hasKind(s, 'DaemonSet'),
  check(world, ctx) {
    const findings: Finding[] = [];
    for (const ds of liveObjects(world, 'DaemonSet')) {
      const { problems, held } = coverage(world, ds);
      if (held.length > 0) {
        const why = summariseProblems(held);
        const name = `daemonset/${ds.metadata.name}`;
        ctx.held({
          message: `${name}: held by design: ${why.en}`,
          messageKo: `${name}: 설계상 대기: ${why.ko}`,
          objects: [name],
        });
      }
      if (problems.length === 0) continue;
      const why = summariseProblems(problems);
      findings.push({
        message: `daemonset/${ds.metadata.name} does not cover the cluster: ${why.en}`,
        messageKo: `daemonset/${ds.metadata.name}의 파드 배치가 클러스터의 노드와 맞지 않는다 (거리마다 가로등 하나가 아니다): ${why.ko}`,
        objects: [`daemonset/${ds.metadata.name}`],
      });
    }
    return findings;
  },
};
