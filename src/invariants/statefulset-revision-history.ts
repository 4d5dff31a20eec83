import type { KObject } from '../model/types.ts';
import { memberOrdinal } from './semantics/statefulset.ts';
import { podRef, STS_ACTOR, stsCause } from './statefulset-util.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';
import { expectedUpdateRevision } from './workloads/statefulset.ts';

const REVISION = 'controller-revision-hash';

/** Why a revision was live when the controller pruned it, as its cache showed the set and pods. */
function liveRole(set: KObject, pods: readonly KObject[], name: string) {
  if (name === set.status?.currentRevision)
    return { en: 'the current revision', ko: 'current revision', pods: [] };
  if (name === expectedUpdateRevision(set))
    return { en: 'the update revision', ko: 'update revision', pods: [] };
  const runners = pods
    .filter(
      (p) => memberOrdinal(set.metadata.name, p) !== undefined && p.metadata.labels?.[REVISION] === name,
    )
    .map((p) => p.metadata.name);
  if (runners.length === 0) return null;
  return {
    en: `run by ${runners.join(', ')}`,
    ko: `${runners.join(', ')} 파드가 실행 중인 리비전`,
    pods: runners,
  };
}

/**
 * History pruning (truncateHistory, TestStatefulSetControlLimitsHistory) keeps every live revision:
 * the set's current and update revisions and every revision one of its pods still runs. Judged on
 * each ControllerRevision the StatefulSet controller deletes, against the set and pods as its cache
 * held them (a status write the cache has not seen yet may have moved the current revision).
 */
export const statefulsetRevisionHistory: SafetyInvariant = {
  id: 'statefulset.revision-history',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: 'Pruning the revision history never deletes a live revision: the current one, the update one, or one a pod of the set still runs (as the controller saw them).',
    ko: '리비전 히스토리를 정리할 때 살아 있는 리비전은 지우지 않는다: 현재 리비전, 업데이트 리비전, 그리고 스테이트풀셋의 파드가 아직 실행 중인 리비전 (컨트롤러가 본 상태 기준).',
  },
  explain: {
    en: "Each room's renovation plan is filed in the office (a ControllerRevision). Old plans are shredded down to revisionHistoryLimit, but never the plan a room was built from while that room still stands: with OnDelete or a partition, pods keep older revisions for a long time, and a rollback or a recreated pod below the partition needs that template.",
    ko: '방마다 리모델링 설계도가 사무실에 보관된다(ControllerRevision). 오래된 설계도는 revisionHistoryLimit까지 파쇄하지만, 그 설계도로 지은 방이 아직 남아 있으면 파쇄하지 않는다. OnDelete나 파티션을 쓰면 파드가 오래된 리비전을 오래 유지하며, 롤백이나 파티션 아래에서 다시 만드는 파드에는 그 템플릿이 필요하다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of world.stepWrites) {
      if (w.kind !== 'ControllerRevision' || w.verb !== 'delete' || w.actor !== STS_ACTOR || !w.before)
        continue;
      const c = stsCause(w);
      if (c?.reason !== 'prune') continue;
      const set = c.observedSet;
      const name = w.before.metadata.name;
      const role = liveRole(set, c.observed, name);
      if (!role) continue;
      findings.push({
        message: `statefulset/${set.metadata.name} pruned controllerrevision/${name}, which was ${role.en} (as the controller saw it)`,
        messageKo: `statefulset/${set.metadata.name}: 살아 있는 리비전을 지웠다 — controllerrevision/${name} (${role.ko}, 컨트롤러가 본 상태 기준)`,
        objects: [`statefulset/${set.metadata.name}`, `controllerrevision/${name}`, ...role.pods.map(podRef)],
      });
    }
    return findings;
  },
};
