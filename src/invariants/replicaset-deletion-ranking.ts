import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

type Health = [number, number, number];

interface Observed {
  name: string;
  health: Health;
}

function better(a: Health, b: Health): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

const PHASES = ['Pending', 'Unknown', 'Running'];
const words = (h: Health) =>
  `${h[0] ? 'scheduled' : 'unscheduled'}, ${PHASES[h[1]]}, ${h[2] ? 'Ready' : 'not Ready'}`;
const wordsKo = (h: Health) =>
  `${h[0] ? 'Node에 배치됨' : '배치되지 않음'}, ${PHASES[h[1]]}, ${h[2] ? 'Ready' : 'Ready 아님'}`;

/**
 * On scale-down a ReplicaSet removes the least useful pods first: it never deletes a pod that is
 * scheduled / Running / Ready while keeping one that is unscheduled / Pending / not Ready, as its
 * cache showed them when it decided (the first three keys of ActivePodsWithRanks).
 */
export const replicasetDeletionRanking: SafetyInvariant = {
  id: 'replicaset.deletion-ranking',
  kind: 'safety',
  concept: 'replicaset',
  claim: {
    en: 'Scale-down deletes unscheduled, Pending and not-Ready pods before scheduled, Running and Ready ones (as the controller saw them).',
    ko: '축소할 때는 배치되지 않은 Pod, Pending Pod, Ready가 아닌 Pod를 배치되어 실행 중이고 Ready인 Pod보다 먼저 지운다 (컨트롤러가 본 상태 기준).',
  },
  explain: {
    en: 'When the office has too many residents, it asks those who have not moved in yet to leave first, not the ones already living there. Deleting a Ready pod while an unready one stays lowers availability for nothing; Kubernetes ranks victims (ActivePodsWithRanks) to avoid exactly that.',
    ko: '입주자가 너무 많으면 관리 사무소는 이미 살고 있는 사람이 아니라 아직 입주하지 않은 사람부터 내보낸다. Ready가 아닌 Pod를 남기고 Ready인 Pod를 지우면 괜히 가용성만 떨어진다. Kubernetes는 이를 피하려고 삭제 대상을 순위로 고른다(ActivePodsWithRanks).',
  },
  appliesTo: (s) => hasKind(s, 'ReplicaSet'),
  check(world) {
    const findings: Finding[] = [];
    const judged = new Set<string>();
    for (const w of world.stepWrites) {
      const c = w.cause;
      if (w.verb !== 'delete' || c?.controller !== 'replicaset' || c.reason !== 'scale-down') continue;
      const victims = c.victims as string[];
      const id = victims.join(',');
      if (judged.has(id)) continue;
      judged.add(id);
      const observed = c.observed as Observed[];
      const kept = observed.filter((o) => !victims.includes(o.name));
      for (const v of observed.filter((o) => victims.includes(o.name))) {
        const worse = kept.find((k) => better(v.health, k.health));
        if (!worse) continue;
        findings.push({
          message: `deleted pod/${v.name} (${words(v.health)}) but kept pod/${worse.name} (${words(worse.health)})`,
          messageKo: `더 쓸모 있는 Pod를 먼저 지웠습니다 — 지운 Pod: pod/${v.name} (${wordsKo(v.health)}), 남긴 Pod: pod/${worse.name} (${wordsKo(worse.health)})`,
          objects: [`pod/${v.name}`, `pod/${worse.name}`],
        });
        break;
      }
    }
    return findings;
  },
};
