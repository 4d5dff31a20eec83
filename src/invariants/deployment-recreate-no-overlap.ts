import type { KObject } from '../model/types.ts';
import type { DeploymentCause } from '../sim/api/types.ts';
import { type DeploymentWrite, deploymentName, deploymentWrites } from './deployment-util.ts';
import { isRecreate, specReplicas, templateKey } from './semantics/deployment.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/** Running as Recreate counts it: every pod not yet Succeeded or Failed, terminating ones included. */
function running(p: KObject): boolean {
  const phase = p.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed';
}

/**
 * A Recreate rollout step that gives the new ReplicaSet replicas. The scale path (sync() for a
 * paused Deployment or a scaling event, reason `proportional`) is not one: Kubernetes resizes
 * there without Recreate's wait.
 */
function isRecreateScaleUp(dw: DeploymentWrite): boolean {
  const d = dw.c.observedDeployment;
  if (!isRecreate(d) || d.spec?.paused || dw.c.reason === 'proportional') return false;
  return dw.to > dw.from && templateKey(dw.rs.spec?.template) === templateKey(d.spec?.template);
}

/**
 * What oldPodsRunning saw in the controller's own view: old ReplicaSets (another template) that
 * still ask for or report replicas, and their cached pods that are not terminal.
 */
function oldInView(c: DeploymentCause): string[] {
  const key = templateKey(c.observedDeployment.spec?.template);
  const old = c.observedReplicaSets.filter((s) => templateKey(s.spec?.template) !== key);
  const sets = old
    .filter((s) => specReplicas(s) > 0 || (s.status?.replicas ?? 0) > 0)
    .map((s) => `replicaset/${s.metadata.name}`);
  const uids = new Set(old.map((s) => s.metadata.uid));
  const pods = (c.observedPods ?? [])
    .filter((p) => running(p) && p.metadata.ownerReferences?.some((r) => r.controller && uids.has(r.uid)))
    .map((p) => `pod/${p.metadata.name}`)
    .sort();
  return [...sets, ...pods];
}

/**
 * With the Recreate strategy the new ReplicaSet gets no replicas while an old one still runs pods.
 * Judged on the controller's decision as it saw the world (the view recorded in each write's
 * cause): a scale-up of the new set while that view showed old sets with replicas or old pods not
 * yet terminal. A cache that had not seen the old pods yet is not the controller's fault:
 * Kubernetes' oldPodsRunning reads the same lister.
 */
export const deploymentRecreateNoOverlap: SafetyInvariant = {
  id: 'deployment.recreate-no-overlap',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: 'Recreate: the new ReplicaSet is not scaled up while the controller sees a pod of an old one still running.',
    ko: 'Recreate: 컨트롤러가 이전 레플리카셋의 파드가 아직 실행 중인 것을 보는 동안에는 새 레플리카셋을 늘리지 않는다.',
  },
  explain: {
    en: "Some applications cannot run two versions side by side (a schema migration, a single writer). Recreate promises exactly that: every old pod is stopped, and only when none of them still runs, terminating ones included, does the new ReplicaSet get its replicas. A controller that scales the new set up as soon as the old ones are at zero lets both versions run together for the old pods' grace period. The judge reads the controller's own view recorded with each write: a cache that had not yet seen an old pod, or the scaling path of a paused Deployment, behaves as Kubernetes does.",
    ko: '두 버전을 나란히 실행할 수 없는 애플리케이션이 있다 (스키마 마이그레이션, 단일 기록자). Recreate는 바로 그것을 약속한다. 이전 파드를 모두 멈추고, 종료 중인 파드까지 하나도 실행되지 않을 때에만 새 레플리카셋에 레플리카를 준다. 이전 레플리카셋이 0이 되자마자 새 레플리카셋을 늘리는 컨트롤러는 이전 파드의 유예 시간 동안 두 버전이 함께 실행되게 한다. 판정은 각 쓰기에 기록된 컨트롤러 자신의 시야로 한다. 아직 이전 파드를 보지 못한 캐시나 일시 중지된 디플로이먼트의 스케일 경로는 쿠버네티스와 같게 동작한 것이다.',
  },
  appliesTo: (s) => hasKind(s, 'Deployment'),
  check(world) {
    const findings: Finding[] = [];
    for (const dw of deploymentWrites(world)) {
      if (!isRecreateScaleUp(dw)) continue;
      const old = oldInView(dw.c);
      if (old.length === 0) continue;
      const d = deploymentName(dw.c);
      const rs = dw.rs.metadata.name;
      findings.push({
        message: `deployment/${d} (Recreate): replicaset/${rs} was scaled ${dw.from}→${dw.to} while the controller's view still showed the old version running (${old.join(', ')})`,
        messageKo: `deployment/${d} (Recreate): 컨트롤러의 시야에 이전 버전이 아직 실행 중(${old.join(', ')})인데 replicaset/${rs}를 ${dw.from}→${dw.to}로 늘렸다`,
        objects: [`deployment/${d}`, `replicaset/${rs}`, ...old],
      });
    }
    return findings;
  },
};
