import type { KObject } from '../model/types.ts';
import { deploymentName, deploymentWrites } from './deployment-util.ts';
import {
  DESIRED_REPLICAS_ANNOTATION,
  isRecreate,
  newReplicaSetOf,
  olderFirst,
  proportionalSizes,
  specReplicas,
} from './semantics/deployment.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * The sizes Kubernetes' scale step gives the Deployment's ReplicaSets, from the sets as the sync
 * held them before its first resize: one active set (or none: the newest) takes spec.replicas; a
 * saturated new set empties the old ones; else, for a RollingUpdate, GetProportion shares the
 * difference to spec.replicas + maxSurge. Undefined when Kubernetes leaves the sizes alone.
 */
function expectedSizes(d: KObject, sets: readonly KObject[]): Map<string, number> | undefined {
  const active = sets.filter((s) => specReplicas(s) > 0);
  const newRS = newReplicaSetOf(d, sets);
  if (active.length <= 1) {
    const only = active[0] ?? newRS ?? [...sets].sort(olderFirst).at(-1);
    return only ? new Map([[only.metadata.name, specReplicas(d)]]) : undefined;
  }
  if (newRS && saturated(d, newRS))
    return new Map(sets.filter((s) => s !== newRS).map((s) => [s.metadata.name, 0]));
  if (isRecreate(d)) return undefined;
  return proportionalSizes(d, active);
}

/** IsSaturated: the new set is sized for spec.replicas, says so, and has them all available. */
function saturated(d: KObject, rs: KObject): boolean {
  const want = specReplicas(d);
  return (
    specReplicas(rs) === want &&
    rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION] === String(want) &&
    (rs.status?.availableReplicas ?? 0) === want
  );
}

const expectations = new WeakMap<readonly KObject[], Map<string, number> | undefined>();

function expectedFor(d: KObject, sets: readonly KObject[]): Map<string, number> | undefined {
  if (!expectations.has(sets)) expectations.set(sets, expectedSizes(d, sets));
  return expectations.get(sets);
}

/**
 * A resize of a Deployment during a rollout or a pause changes its ReplicaSets in proportion to
 * their sizes, the changes summing to the difference (kubernetes#28145): each resize write of the
 * sync must give its set the size the judge computes from the sets as the sync first held them.
 */
export const deploymentProportionalScaling: SafetyInvariant = {
  id: 'deployment.proportional-scaling',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: 'A scale during a rollout or a pause changes the ReplicaSets in proportion to their sizes, the changes summing to the difference.',
    ko: '롤아웃이나 일시 중지 중의 스케일은 레플리카셋들을 크기에 비례해 바꾸고, 바뀐 양의 합은 차이와 같다.',
  },
  explain: {
    en: 'Scaling a Deployment in the middle of a rollout must not change the mix of versions: if 8 old and 5 new pods run and the Deployment grows from 10 to 20 replicas, Kubernetes grows both sets in proportion (to 14 and 9), the remainder of the rounding to the largest set. Giving the whole change to the newest set would turn a scale into an unplanned rollout of the new version, or, when scaling down, stop new pods that were healthy.',
    ko: '롤아웃 도중에 디플로이먼트를 스케일해도 버전의 비율은 바뀌면 안 된다. 이전 파드 8개와 새 파드 5개가 실행 중일 때 디플로이먼트가 레플리카 10개에서 20개로 늘어나면, 쿠버네티스는 두 레플리카셋을 크기에 비례해 (14개와 9개로) 늘리고 반올림의 나머지는 가장 큰 레플리카셋에 준다. 변화를 모두 가장 새 레플리카셋에 주면 스케일이 계획에 없던 새 버전 롤아웃이 되고, 줄일 때는 건강한 새 파드를 멈추게 된다.',
  },
  appliesTo: (s) => hasKind(s, 'Deployment'),
  check(world) {
    const findings: Finding[] = [];
    for (const dw of deploymentWrites(world)) {
      const { c, rs, from, to } = dw;
      if (c.reason !== 'proportional' || !dw.resizeStart) continue;
      const want = expectedFor(c.observedDeployment, dw.resizeStart)?.get(rs.metadata.name);
      if (want === undefined || want === to) continue;
      const name = deploymentName(c);
      findings.push({
        message: `deployment/${name}: resizing to spec.replicas=${specReplicas(c.observedDeployment)} set replicaset/${rs.metadata.name} from ${from} to ${to}, but its proportional share gives ${want}`,
        messageKo: `deployment/${name}: spec.replicas=${specReplicas(c.observedDeployment)}에 맞추어 replicaset/${rs.metadata.name}의 크기를 ${from} → ${to}로 바꾸었지만, 비례 몫으로는 ${want}개여야 한다`,
        objects: [`deployment/${name}`, `replicaset/${rs.metadata.name}`],
      });
    }
    return findings;
  },
};
