import { scenarioKinds } from '../chaos/kinds.ts';
import type { Finding, SafetyInvariant } from './types.ts';

const WORKLOAD_KINDS = ['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Deployment'] as const;

/**
 * A workload controller never writes an object it already holds unchanged. The API server drops a
 * write that changes nothing, so a cluster shows no trace of it; the simulated one records each
 * dropped write. Only writes that carried the controller's resourceVersion (update, updateStatus)
 * are judged: for those the controller's cached copy was the stored object, so it could see that
 * nothing would change. A patch from a stale cache that turns out to change nothing (an adoption
 * already done) is not needless from where the controller stood.
 */
export const workloadNoNeedlessWrites: SafetyInvariant = {
  id: 'workload.no-needless-writes',
  kind: 'safety',
  concept: 'workload',
  claim: {
    en: 'A workload controller never writes an object that its own copy shows would not change.',
    ko: '워크로드 컨트롤러는 자신이 가진 사본으로 보아 바뀌지 않을 오브젝트를 쓰지 않는다.',
  },
  explain: {
    en: 'Every real controller compares the status it computed with the status it holds and writes only when they differ (updateReplicaSetStatus, updateDaemonSetStatus, updateStatefulSetStatus). The API server would drop an unchanged write anyway, but each one still costs a round trip, and a controller that writes on every sync turns any wake-up into load on the API server: in a large cluster that is how a hot loop starts.',
    ko: '실제 컨트롤러는 계산한 status를 가지고 있는 status와 비교해서 다를 때만 쓴다(updateReplicaSetStatus, updateDaemonSetStatus, updateStatefulSetStatus). 바뀌지 않는 쓰기는 API 서버가 어차피 버리지만 요청 한 번의 비용은 그대로 들고, 동기화할 때마다 쓰는 컨트롤러는 깨어날 때마다 API 서버에 부하를 준다. 큰 클러스터에서 핫 루프는 이렇게 시작된다.',
  },
  appliesTo: (s) => WORKLOAD_KINDS.some((k) => scenarioKinds(s).has(k)),
  check(world) {
    const findings: Finding[] = [];
    for (const w of world.stepNoops) {
      if (!w.guarded || !w.actor.endsWith('-controller')) continue;
      const name = `${w.kind.toLowerCase()}/${w.key.slice(w.key.indexOf('/') + 1)}`;
      const what = w.verb === 'status' ? 'status' : 'object';
      findings.push({
        message: `${w.actor} wrote the ${what} of ${name} unchanged (the API server dropped the write)`,
        messageKo: `${w.actor}: ${name}의 ${what}를 바뀐 것 없이 다시 썼다 (API 서버가 버린 쓰기)`,
        objects: [name],
      });
    }
    return findings;
  },
};
