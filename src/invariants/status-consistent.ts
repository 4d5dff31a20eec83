import { scenarioKinds } from '../chaos/kinds.ts';
import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import type { Finding, LivenessInvariant } from './types.ts';
import { controlledPods, liveObjects } from './util.ts';
import { WORKLOAD_CHECKS } from './workloads/registry.ts';

/**
 * How long a controller may take to report a pod change in its status: informer lag (≤ 40 ms),
 * queue and sync, one write, a conflict retry. Pods whose application crash-loops never let the
 * world grow quiet, so a status is judged against its pods as they stood this long ago: if one of
 * them changed more recently, the status may still be catching up.
 */
const STATUS_CATCH_UP_MS = 2_000;

/**
 * True when a pod of this workload was written within the catch-up window. A Deployment's status
 * sums its ReplicaSets' statuses, so a ReplicaSet of it written that recently counts too.
 */
function podsJustChanged(world: World, obj: KObject): boolean {
  const recent = (kind: 'Pod' | 'ReplicaSet', o: KObject) => {
    const at = world.store.lastWrittenAt(kind, `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`);
    return at !== undefined && world.now - at < STATUS_CATCH_UP_MS;
  };
  if (controlledPods(world, obj.metadata.uid).some((p) => recent('Pod', p))) return true;
  if (obj.kind !== 'Deployment') return false;
  const sets = world.store
    .list('ReplicaSet')
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === obj.metadata.uid));
  return sets.some((rs) => recent('ReplicaSet', rs) || podsJustChanged(world, rs));
}

/** After settle, every status field equals its recomputation from the API store. */
export const statusConsistent: LivenessInvariant = {
  id: 'status.consistent',
  kind: 'liveness',
  concept: 'status',
  claim: {
    en: 'After settle, status fields equal a recomputation from the API store.',
    ko: '안정화 후 status 필드는 API 저장소로부터 다시 계산한 값과 같다.',
  },
  explain: {
    en: "status is the controller's report to everyone else (kubectl, autoscalers, Deployments that wait for availability). It may lag while things change, but once the world is quiet it must tell the truth, and observedGeneration must say the controller has seen the latest spec.",
    ko: 'status는 컨트롤러가 다른 모두(kubectl, 오토스케일러, 가용성을 기다리는 디플로이먼트)에게 하는 보고다. 변화 중에는 늦을 수 있지만, 세계가 조용해지면 사실을 말해야 하고 observedGeneration은 컨트롤러가 최신 spec을 봤다고 말해야 한다.',
  },
  appliesTo: (s) => WORKLOAD_CHECKS.some((c) => scenarioKinds(s).has(c.kind)),
  check(world, ctx) {
    const findings: Finding[] = [];
    for (const checks of WORKLOAD_CHECKS) {
      for (const obj of liveObjects(world, checks.kind)) {
        const expected = checks.expectedStatus(world, obj);
        const wrong = Object.entries(expected).filter(
          ([field, want]) => (obj.status?.[field] ?? 0) !== (want ?? 0),
        );
        if (wrong.length === 0 || podsJustChanged(world, obj)) continue;
        const name = `${checks.kind.toLowerCase()}/${obj.metadata.name}`;
        // A lag Kubernetes leaves on purpose (a failing StatefulSet sync skips the minReadySeconds requeue).
        const lag =
          checks.statusHeldByDesign?.(
            world,
            obj,
            wrong.map(([field]) => field),
          ) ?? null;
        if (lag) {
          ctx.held({ message: `${name}: ${lag.en}`, messageKo: `${name}: ${lag.ko}`, objects: [name] });
          continue;
        }
        const fields = (expectedWord: string) =>
          wrong.map(([field, want]) => `${field}=${obj.status?.[field] ?? 0} (${expectedWord} ${want ?? 0})`);
        findings.push({
          message: `${name} status is stale: ${fields('expected').join(', ')}`,
          messageKo: `${name}의 status가 최신이 아니다: ${fields('다시 센 값').join(', ')}`,
          objects: [name],
        });
      }
    }
    return findings;
  },
};
