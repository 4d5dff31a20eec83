import { parseOrdinal } from '../model/ordinal.ts';
import type { KObject } from '../model/types.ts';
import { podRef, STS_ACTOR, stsOwner, stsWrites } from './statefulset-util.ts';
import type { Explanation, Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/** What is wrong with a StatefulSet pod's identity, in English and Korean, or null. */
export function identityProblem(pod: KObject, set: KObject | undefined): Explanation | null {
  const setName = stsOwner(pod)!;
  const parsed = parseOrdinal(pod.metadata.name);
  if (!parsed || parsed.parent !== setName)
    return {
      en: `its name is not ${setName}-<ordinal>`,
      ko: `이름이 ${setName}-<서수> 형식이 아니다`,
    };
  const { ordinal } = parsed;
  const labels = pod.metadata.labels ?? {};
  const podName = labels['statefulset.kubernetes.io/pod-name'];
  if (podName !== pod.metadata.name)
    return {
      en: `label statefulset.kubernetes.io/pod-name is ${podName ?? 'missing'}`,
      ko:
        podName == null
          ? 'statefulset.kubernetes.io/pod-name 레이블이 없다'
          : `statefulset.kubernetes.io/pod-name 레이블이 파드 이름과 다르다 (레이블: ${podName})`,
    };
  const index = labels['apps.kubernetes.io/pod-index'];
  if (index !== String(ordinal))
    return {
      en: `label apps.kubernetes.io/pod-index is ${index ?? 'missing'}, not ${ordinal}`,
      ko:
        index == null
          ? `apps.kubernetes.io/pod-index 레이블이 없다 (서수: ${ordinal})`
          : `apps.kubernetes.io/pod-index 레이블이 서수와 다르다 (레이블: ${index}, 서수: ${ordinal})`,
    };
  const hostname = pod.spec?.hostname;
  if (hostname !== pod.metadata.name)
    return {
      en: `hostname is ${hostname ?? 'unset'}`,
      ko:
        hostname == null
          ? 'hostname이 설정되지 않았다'
          : `hostname이 파드 이름과 다르다 (hostname: ${hostname})`,
    };
  const service = set?.spec?.serviceName;
  if (set && pod.spec?.subdomain !== service) {
    const ns = pod.metadata.namespace ?? 'default';
    const subdomain = pod.spec?.subdomain;
    const dns = `${pod.metadata.name}.${service}.${ns}.svc.cluster.local`;
    return {
      en: `subdomain is ${subdomain ?? 'unset'}, so its DNS name is not ${dns}`,
      ko: `subdomain이 serviceName과 다르므로 (subdomain: ${subdomain ?? '설정 안 됨'}, serviceName: ${service}) ${dns} 이름으로 이 파드를 찾을 수 없다`,
    };
  }
  return null;
}

/** Identity (assertMonotonicInvariants/assertBurstInvariants `identityMatches`), checked on the controller's writes. */
export const statefulsetStableIdentity: SafetyInvariant = {
  id: 'statefulset.stable-identity',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: 'A StatefulSet pod is named <set>-<i>, and its hostname, subdomain, DNS name and pod-name/pod-index labels match its ordinal.',
    ko: '스테이트풀셋 파드의 이름은 <set>-<i>이고, hostname, subdomain, DNS 이름, pod-name/pod-index 레이블이 서수와 일치한다.',
  },
  explain: {
    en: 'Room numbers never change: whoever sleeps in room 2 is web-2, reachable as web-2.<serviceName>.<namespace>.svc.cluster.local through the headless Service, however many times the pod is recreated and on whichever node. Peers find each other by these names, so the controller sets them at creation and fixes labels someone changed. Checked on every pod the controller creates or writes.',
    ko: '방 번호는 바뀌지 않는다. 2번 방의 손님은 파드가 몇 번 다시 만들어지든, 어느 노드에 있든 web-2이고, 헤드리스 서비스를 통해 web-2.<serviceName>.<namespace>.svc.cluster.local로 찾을 수 있다. 멤버들은 이 이름으로 서로를 찾으므로 컨트롤러는 생성할 때 이름을 정하고, 누군가 바꾼 레이블은 되돌린다.',
  },
  appliesTo: (s) => hasKind(s, 'StatefulSet'),
  check(world) {
    const findings: Finding[] = [];
    for (const w of stsWrites(world)) {
      if (w.kind !== 'Pod' || !w.after || w.removed || w.actor !== STS_ACTOR || w.verb === 'delete') continue;
      // A pod the controller just released (relabelled away) is nobody's room any more.
      if (!stsOwner(w.after)) continue;
      const set = world.store.get(
        'StatefulSet',
        `${w.after.metadata.namespace ?? 'default'}/${stsOwner(w.after)}`,
      );
      const why = identityProblem(w.after, set);
      if (why)
        findings.push({
          message: `pod ${w.after.metadata.name}: ${why.en}`,
          messageKo: `${w.after.metadata.name} 파드의 식별자가 올바르지 않다: ${why.ko}`,
          objects: [podRef(w.after.metadata.name)],
        });
    }
    return findings;
  },
};
