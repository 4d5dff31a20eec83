import type { KObject } from '../model/types.ts';
import { memberOrdinal, orderedCreateBlockers } from './semantics/statefulset.ts';
import { podRef, stsCause, stsWrites } from './statefulset-util.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * Pods beyond spec.replicas with a higher ordinal than `victim`, among the cached pods the sync
 * planned from (an older controller recorded the names itself: `condemnedAbove`).
 */
function condemnedAbove(victim: string, start: number, replicas: number, observed: unknown): string[] {
  const set = victim.slice(0, victim.lastIndexOf('-'));
  const ord = memberOrdinal(set, { metadata: { name: victim } } as KObject) ?? 0;
  return ((observed ?? []) as KObject[])
    .map((p) => ({ p, o: memberOrdinal(set, p) }))
    .filter(({ o }) => o !== undefined && o > ord && (o < start || o >= start + replicas))
    .map(({ p }) => p.metadata.name);
}

/**
 * OrderedReady (assertMonotonicInvariants, judged on decisions): pod i is created only when every
 * lower ordinal was Running, Ready (and available, with minReadySeconds) in the controller's view,
 * and scale-down deletes the highest condemned ordinal first, one at a time. Judged on the cached
 * pods the sync planned from, read the judge's own way (semantics/statefulset.ts).
 */
export const statefulsetOrderedReady: SafetyInvariant = {
  id: 'statefulset.ordered-ready',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: 'With OrderedReady, pod i is created only when all lower ordinals are Running and Ready, and scale-down removes the highest ordinal first, one at a time.',
    ko: 'OrderedReady에서는 낮은 서수가 모두 Running이고 Ready일 때만 파드 i를 만들고, 스케일 다운은 가장 높은 서수부터 하나씩 지운다.',
  },
  explain: {
    en: 'The hotel opens its rooms in order: room 2 gets a guest only once rooms 0 and 1 are occupied and settled, and at closing time the highest room is emptied first. Databases rely on this (the first member bootstraps, the others join it). The controller decides from its cache, so each decision is judged against what the cache showed when it decided; the pods it waited for are named in the violation.',
    ko: '호텔은 방을 순서대로 연다. 0번과 1번 방에 손님이 자리를 잡은 뒤에야 2번 방을 내주고, 문을 닫을 때는 가장 높은 번호의 방부터 비운다. 데이터베이스는 이 순서에 기대어 동작한다(첫 멤버가 클러스터를 만들고 나머지가 합류한다). 컨트롤러는 캐시를 보고 결정하므로, 각 결정은 그 순간 캐시가 보여 준 상태를 기준으로 판단한다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of stsWrites(world)) {
      const c = stsCause(w);
      if (!c || w.kind !== 'Pod' || c.podManagementPolicy !== 'OrderedReady') continue;
      const name = (w.after ?? w.before)!.metadata.name;
      if (w.verb === 'create' && c.reason === 'create') {
        const names = orderedCreateBlockers(
          {
            setName: name.slice(0, name.lastIndexOf('-')),
            start: c.start,
            replicas: c.observedReplicas,
            minReadySeconds: c.minReadySeconds,
            nowMs: c.plannedAtMs,
            pods: c.observed,
            touched: new Set(c.touched),
          },
          c.ordinal,
        );
        if (names.length === 0) continue;
        findings.push({
          message: `created ${name} while ${names.join(', ')} ${names.length === 1 ? 'was' : 'were'} not Running and Ready (as the controller saw it)`,
          messageKo: `${name} 파드를 만들었지만, 컨트롤러가 본 상태로는 더 낮은 서수인 ${names.join(', ')} 파드가 아직 Running 및 Ready가 아니었다 (OrderedReady에서는 낮은 번호의 방이 모두 자리 잡은 뒤에 다음 방을 연다)`,
          objects: [podRef(name), ...names.map(podRef)],
        });
      } else if (w.verb === 'delete' && c.reason === 'scale-down') {
        const above = condemnedAbove(name, c.start, c.observedReplicas, c.observed);
        if (above.length === 0) continue;
        findings.push({
          message: `scale-down deleted ${name} while higher ordinals ${above.join(', ')} still existed`,
          messageKo: `스케일 다운에서 ${name} 파드를 지웠지만, 더 높은 서수인 ${above.join(', ')} 파드가 아직 남아 있었다 (가장 높은 번호의 방부터 하나씩 비워야 한다)`,
          objects: [podRef(name), ...above.map(podRef)],
        });
      }
    }
    return findings;
  },
};
