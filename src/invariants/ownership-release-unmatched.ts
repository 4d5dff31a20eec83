import { scenarioKinds } from '../chaos/kinds.ts';
import type { Finding, LivenessInvariant } from './types.ts';
import { liveObjects, unmatchedActivePods } from './util.ts';

const WORKLOADS = ['ReplicaSet', 'DaemonSet', 'StatefulSet'] as const;

/** After settle, no workload still controls an active pod that its selector no longer matches. */
export const ownershipReleaseUnmatched: LivenessInvariant = {
  id: 'ownership.release-unmatched',
  kind: 'liveness',
  concept: 'ownership',
  claim: {
    en: 'After settle, a controller has released every pod whose labels no longer match its selector.',
    ko: '안정화 후 컨트롤러는 레이블이 더 이상 셀렉터와 맞지 않는 파드를 모두 놓아준다(release).',
  },
  explain: {
    en: 'Labels are how a controller recognises its pods. When someone relabels a pod (to take it out of service for debugging, say), the controller must let go of it — remove its ownerReference — and create a replacement, instead of counting a pod it no longer selects.',
    ko: '컨트롤러는 레이블로 자기 파드를 알아본다. 누군가 파드의 레이블을 바꾸면(예: 디버깅을 위해 서비스에서 빼기) 컨트롤러는 그 파드를 놓아주고(ownerReference 제거) 대신할 파드를 만들어야 한다. 더 이상 선택하지 않는 파드를 계속 세면 안 된다.',
  },
  appliesTo: (s) => WORKLOADS.some((k) => scenarioKinds(s).has(k)),
  check(world) {
    const findings: Finding[] = [];
    for (const kind of WORKLOADS) {
      for (const owner of liveObjects(world, kind)) {
        for (const p of unmatchedActivePods(world, owner)) {
          const ownerRef = `${kind.toLowerCase()}/${owner.metadata.name}`;
          findings.push({
            message: `${ownerRef} still controls pod/${p.metadata.name}, whose labels no longer match its selector`,
            messageKo: `pod/${p.metadata.name}의 레이블은 더 이상 ${ownerRef}의 셀렉터와 맞지 않는데, 이 파드의 컨트롤러는 여전히 ${ownerRef}이다 (놓아주지 않았다)`,
            objects: [ownerRef, `pod/${p.metadata.name}`],
          });
        }
      }
    }
    return findings;
  },
};
