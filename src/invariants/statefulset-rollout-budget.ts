import { rolloutBlocker } from './semantics/statefulset.ts';
import { podRef, stsCause, stsWrites } from './statefulset-util.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * A RollingUpdate (MaxUnavailableStatefulSet off, the default) takes down one pod at a time, from
 * the highest ordinal down to the partition, and only when the pods above it are Running, Ready and
 * updated; with OrderedReady every pod of the set must also be Running, Ready and available.
 * Judged on each update deletion against the pods as the controller's cache held them.
 */
export const statefulsetRolloutBudget: SafetyInvariant = {
  id: 'statefulset.rollout-budget',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: 'A RollingUpdate deletes an old pod only when every pod above it is Running, Ready and updated (OrderedReady: every pod of the set Running, Ready and available), one at a time, as the controller saw them.',
    ko: 'RollingUpdate는 위쪽 서수의 파드가 모두 Running이고 Ready이며 업데이트되었을 때만 (OrderedReady에서는 모든 파드가 Running, Ready, available일 때만) 예전 파드를 하나씩 지운다 (컨트롤러가 본 상태 기준).',
  },
  explain: {
    en: 'The hotel renovates one room at a time, starting from the top floor, and opens the next room to the builders only once the renovated rooms above have guests settled in again. A StatefulSet rollout takes down one pod, waits until its replacement is Running and Ready, then takes the next: at most one pod is down because of the update, so a quorum survives a bad revision. A controller that rolls on while a pod is unhealthy can take down a whole database with one broken image.',
    ko: '호텔은 꼭대기 층부터 방을 하나씩 고치고, 위층의 고친 방에 손님이 다시 자리를 잡은 뒤에야 다음 방을 공사에 내준다. 스테이트풀셋 롤아웃은 파드 하나를 내리고, 그 대체 파드가 Running 및 Ready가 될 때까지 기다린 뒤 다음 파드로 넘어간다. 업데이트 때문에 내려가 있는 파드는 많아야 하나이므로, 잘못된 리비전이 와도 쿼럼이 살아남는다. 건강하지 않은 파드가 있는데도 롤아웃을 계속하는 컨트롤러는 잘못된 이미지 하나로 데이터베이스 전체를 내릴 수 있다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of stsWrites(world)) {
      const c = stsCause(w);
      if (!c || w.kind !== 'Pod' || w.verb !== 'delete' || c.reason !== 'update') continue;
      // An update delete is planned against a known update revision; without one there is no rollout.
      if (c.updateRevision === undefined) continue;
      const victim = (w.before ?? w.after)!.metadata.name;
      const why = rolloutBlocker(
        {
          setName: victim.slice(0, victim.lastIndexOf('-')),
          start: c.start,
          replicas: c.observedReplicas,
          orderedReady: c.podManagementPolicy !== 'Parallel',
          minReadySeconds: c.minReadySeconds,
          nowMs: c.plannedAtMs,
          updateRevision: c.updateRevision,
          pods: c.observed,
          touched: new Set(c.touched),
        },
        victim,
      );
      if (!why) continue;
      findings.push({
        message: `rolling update deleted ${victim} although ${why.en} (as the controller saw it)`,
        messageKo: `롤링 업데이트가 ${victim} 파드를 지웠지만, 컨트롤러가 본 상태로는 아직 기다려야 했다: ${why.ko}`,
        objects: [podRef(victim)],
      });
    }
    return findings;
  },
};
