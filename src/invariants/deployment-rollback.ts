import type { KObject } from '../model/types.ts';
import { type DeploymentWrite, deploymentName, deploymentWrites } from './deployment-util.ts';
import { revision, templateKey } from './semantics/deployment.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * A set of the created set's template that the sync already held. Judged on the sync's view, not
 * the store: a ReplicaSet of the same template can join later by adoption (a Deployment deleted
 * with --cascade=orphan and created again), which Kubernetes allows; creating one beside a set it
 * saw is the bug.
 */
function duplicateOf(dw: DeploymentWrite): KObject | undefined {
  const key = templateKey(dw.rs.spec?.template);
  return dw.c.observedReplicaSets.find(
    (s) =>
      s.metadata.name !== dw.rs.metadata.name &&
      !s.metadata.deletionTimestamp &&
      templateKey(s.spec?.template) === key,
  );
}

/** Why the set written as the Deployment's new one is not its newest revision of its template. */
function notNewest(dw: DeploymentWrite): { en: string; ko: string } | undefined {
  const { c, rs } = dw;
  if (templateKey(rs.spec?.template) !== templateKey(c.observedDeployment.spec?.template))
    return { en: "does not carry the Deployment's template", ko: '디플로이먼트의 템플릿을 갖고 있지 않다' };
  const mine = revision(rs);
  const above = c.observedReplicaSets.find(
    (s) => s.metadata.name !== rs.metadata.name && revision(s) >= mine,
  );
  if (!above) return undefined;
  return {
    en: `has revision ${mine}, not above replicaset/${above.metadata.name}'s ${revision(above)}`,
    ko: `리비전이 ${mine}이고 replicaset/${above.metadata.name}의 리비전 ${revision(above)}보다 크지 않다`,
  };
}

/**
 * After a rollout undo (or any template change back to an earlier one) the ReplicaSet that holds
 * the Deployment's template becomes the newest revision, and it is the old one reused: no two
 * ReplicaSets of a Deployment carry the same template. Judged on the controller's ReplicaSet
 * creates and on each write of the new set, against the sets as the sync held them.
 */
export const deploymentRollback: SafetyInvariant = {
  id: 'deployment.rollback',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: "After an undo the newest ReplicaSet carries the chosen revision's template, and no two ReplicaSets of a Deployment carry the same template.",
    ko: '롤백 뒤 가장 새 레플리카셋은 고른 리비전의 템플릿을 갖고, 한 디플로이먼트의 두 레플리카셋이 같은 템플릿을 갖는 일은 없다.',
  },
  explain: {
    en: "`kubectl rollout undo` copies an earlier revision's template back into the Deployment. The ReplicaSet of that template still exists (revisionHistoryLimit keeps it for this), so the controller reuses it: it takes the next revision number and is scaled back up, its pods keep their names and hash. A controller that creates a second ReplicaSet for the same template loses the history (two sets claim one revision) and starts every pod afresh.",
    ko: '`kubectl rollout undo`는 이전 리비전의 템플릿을 디플로이먼트에 다시 복사한다. 그 템플릿의 레플리카셋은 아직 남아 있으므로(revisionHistoryLimit가 이것을 위해 남겨 둔다) 컨트롤러는 그 레플리카셋을 다시 쓴다. 그 레플리카셋이 다음 리비전 번호를 받고 다시 늘어나며, 파드의 이름과 해시도 그대로이다. 같은 템플릿으로 레플리카셋을 하나 더 만드는 컨트롤러는 기록을 잃고(두 레플리카셋이 한 리비전을 주장한다) 모든 파드를 새로 시작한다.',
  },
  appliesTo: (s) => hasKind(s, 'Deployment'),
  check(world) {
    const findings: Finding[] = [];
    for (const dw of deploymentWrites(world)) {
      const { c, rs, w } = dw;
      const name = deploymentName(c);
      const objects = [`deployment/${name}`, `replicaset/${rs.metadata.name}`];
      const twin = w.verb === 'create' ? duplicateOf(dw) : undefined;
      if (twin)
        findings.push({
          message: `deployment/${name}: replicaset/${rs.metadata.name} was created although replicaset/${twin.metadata.name}, which the controller saw, already carries the same template`,
          messageKo: `deployment/${name}: 컨트롤러가 본 replicaset/${twin.metadata.name}에 이미 같은 템플릿이 있는데 replicaset/${rs.metadata.name}가 새로 생성되었다`,
          objects: [...objects, `replicaset/${twin.metadata.name}`],
        });
      if (c.reason !== 'create-new' && c.reason !== 'annotate-new') continue;
      const why = notNewest(dw);
      if (why)
        findings.push({
          message: `deployment/${name}: its new replicaset/${rs.metadata.name} ${why.en}`,
          messageKo: `deployment/${name}: 새 replicaset/${rs.metadata.name}의 상태가 틀렸다: ${why.ko}`,
          objects,
        });
    }
    return findings;
  },
};
