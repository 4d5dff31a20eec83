import { isPodActive } from '../model/pod.ts';
import type { Pod } from '../model/types.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { controlledPods, countActiveControlled, hasKind } from './util.ts';

/**
 * A create never leaves more active pods than the spec.replicas the controller saw when it decided.
 * Judged per owner at the end of each step with creates, against the API store.
 */
export const replicasetNoOvershoot: SafetyInvariant = {
  id: 'replicaset.no-overshoot',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: 'A create never makes the active pods of a ReplicaSet exceed the spec.replicas the controller saw when it decided.',
    ko: '파드 생성은 컨트롤러가 결정할 때 본 spec.replicas보다 활성 파드 수를 많게 만들지 않는다.',
  },
  explain: {
    en: 'The apartment office must never sign more leases than it has apartments. Its view of who lives there comes from a cache that lags; expectations ("I asked for 2 new residents, wait until I see them") stop it from signing the same leases twice. Real Kubernetes breaks this only when a watch lags longer than the 5-minute expectations timeout (kubernetes#129795); generated chaos stays below that.',
    ko: '아파트 관리 사무소는 세대 수보다 많은 입주 계약을 맺으면 안 된다. 사무소가 보는 입주자 명단은 늦게 갱신되는 캐시이므로, expectations("새 입주자 2명을 요청했으니 보일 때까지 기다린다")가 같은 계약을 두 번 맺지 않게 막는다. 실제 쿠버네티스도 watch 지연이 expectations 만료 시간 5분을 넘을 때만 이 약속을 깬다(kubernetes#129795). 생성되는 카오스는 그 아래로 유지된다.',
  },
  appliesTo: (s) => hasKind(s, 'ReplicaSet'),
  check(world) {
    const seen = new Map<string, number>();
    for (const w of world.stepWrites) {
      const c = w.cause;
      if (w.verb !== 'create' || w.kind !== 'Pod' || c?.controller !== 'replicaset' || c.reason !== 'create')
        continue;
      seen.set(c.ownerUid, Math.max(seen.get(c.ownerUid) ?? 0, c.observedReplicas));
    }
    const findings: Finding[] = [];
    for (const [uid, observed] of [...seen.entries()].sort()) {
      if (countActiveControlled(world, uid) <= observed) continue;
      const active = controlledPods(world, uid).filter((p) => isPodActive(p as Pod));
      const owner = world.store.byUid(uid)?.metadata.name ?? uid;
      findings.push({
        message: `replicaset/${owner} has ${active.length} active pods after a create, but the controller saw spec.replicas=${observed}`,
        messageKo: `파드 생성 뒤 replicaset/${owner}의 활성 파드가 ${active.length}개가 되었지만, 컨트롤러가 결정할 때 본 값은 spec.replicas=${observed}이다`,
        objects: [`replicaset/${owner}`, ...active.map((p) => `pod/${p.metadata.name}`)],
      });
    }
    return findings;
  },
};
