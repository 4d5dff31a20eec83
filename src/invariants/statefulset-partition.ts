import { podRef, stsCause, stsWrites } from './statefulset-util.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * RollingUpdate with a partition (assertUpdateInvariants): slots below the partition, counted from
 * ordinals.start, keep the current revision: they are never deleted for the update and a pod
 * recreated there gets the current revision.
 */
export const statefulsetPartition: SafetyInvariant = {
  id: 'statefulset.partition',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: 'With RollingUpdate, ordinals below the partition keep the current revision.',
    ko: 'RollingUpdate에서 파티션 아래의 서수는 현재(current) 리비전을 유지한다.',
  },
  explain: {
    en: 'A partition is a canary: only rooms from the partition upward are renovated, the rest keep the old furniture until the partition is lowered. The partition counts positions from spec.ordinals.start, not absolute ordinals (kubernetes#128529): with start 3 and partition 2, web-3 and web-4 stay as they are. Judged on each update deletion and each creation, with the partition the controller saw.',
    ko: '파티션은 카나리 배포다. 파티션 이상의 방만 새로 꾸미고, 나머지 방은 파티션을 낮출 때까지 예전 가구를 그대로 둔다. 파티션은 절대 서수가 아니라 spec.ordinals.start부터 센 위치다(kubernetes#128529). start가 3이고 파티션이 2이면 web-3과 web-4는 그대로 남는다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of stsWrites(world)) {
      const c = stsCause(w);
      if (!c || w.kind !== 'Pod' || c.strategy !== 'RollingUpdate') continue;
      // Creates and updates carry the slot they decided for; other writes name none.
      const slot = 'slot' in c ? c.slot : undefined;
      const partition = c.partition;
      if (slot === undefined || slot >= partition) continue;
      const name = (w.after ?? w.before)!.metadata.name;
      const where = `slot ${slot} (ordinals.start ${c.start}) is below partition ${partition}`;
      const whereKo = `이 파드는 ordinals.start=${c.start}부터 세면 slot=${slot}에 해당하여 partition=${partition}보다 아래에 있다`;
      if (w.verb === 'delete' && c.reason === 'update') {
        findings.push({
          message: `deleted ${name} to update it, but ${where}`,
          messageKo: `업데이트하려고 ${name} 파드를 지웠지만, ${whereKo} (파티션 아래의 파드는 현재 리비전을 유지해야 한다)`,
          objects: [podRef(name)],
        });
      } else if (
        w.verb === 'create' &&
        c.reason === 'create' &&
        c.revision === c.updateRevision &&
        c.updateRevision !== c.currentRevision
      ) {
        findings.push({
          message: `created ${name} at the update revision ${c.updateRevision}, but ${where}`,
          messageKo: `${name} 파드를 업데이트 리비전 ${c.updateRevision}에 맞춰 만들었지만, ${whereKo} (파티션 아래에 다시 만드는 파드는 현재 리비전을 따라야 한다)`,
          objects: [podRef(name)],
        });
      }
    }
    return findings;
  },
};
