import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import { addressBook, lagWindowMs, managedSlices, watchStalledUntilMs } from './semantics/service.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * A pod's DNS name under a headless Service (`web-1.nginx`) resolves to at most one address, and only
 * to the pod of that name: the address is the pod's own, or its previous incarnation's for no longer
 * than the EndpointSlice controller's lag window. A request to that name is answered by that pod.
 * Judged from the ready endpoints of the Service's slices (what cluster DNS serves) after each step,
 * and per request.
 */
export const statefulsetStableNetworkId: SafetyInvariant = {
  id: 'statefulset.stable-network-id',
  kind: 'safety',
  concept: 'statefulset',
  claim: {
    en: "A pod's DNS name resolves to at most one address, and only to the pod with that name.",
    ko: '파드의 DNS 이름은 주소 하나로만, 그리고 그 이름을 가진 파드로만 풀린다.',
  },
  explain: {
    en: "A hotel guest is found by room number: web-1.nginx always means web-1, whichever node it runs on and whatever IP it got this time. Cluster DNS builds these names from the headless Service's EndpointSlices (each endpoint carries the pod's hostname), so the slices must never list two addresses for one name, nor keep an old address that now belongs to no one or to another pod. Peers that hold leadership or replicas by name (databases, consensus groups) would otherwise talk to a stranger or to two copies of the same member.",
    ko: '호텔 손님은 방 번호로 찾는다. web-1.nginx는 어느 노드에서 실행되든, 이번에 어떤 IP를 받았든 언제나 web-1이다. 클러스터 DNS는 헤드리스 서비스의 엔드포인트슬라이스로 이 이름을 만든다(각 엔드포인트에 파드의 hostname이 있다). 그래서 슬라이스는 한 이름에 주소 둘을 올리거나, 이제 아무 파드의 것도 아니거나 다른 파드의 것이 된 이전 주소를 남겨 두면 안 된다. 그렇지 않으면 이름으로 리더나 레플리카를 정하는 피어(데이터베이스, 합의 그룹)가 낯선 파드나 같은 멤버의 사본 두 개와 이야기하게 된다.',
  },
  appliesTo: (s) => hasKind(s, 'Service') && hasKind(s, 'StatefulSet'),
  check(world) {
    const book = addressBook(world);
    const findings: Finding[] = [];
    for (const req of world.stepRequests) {
      if (req.via !== 'pod' || !req.answeredBy || req.answeredBy.name === req.hostname) continue;
      findings.push({
        message: `a request to ${req.to} was answered by pod/${req.answeredBy.name}, not pod/${req.hostname}`,
        messageKo: `${req.to}에 보낸 요청에 pod/${req.hostname} 파드가 아니라 pod/${req.answeredBy.name} 파드가 응답했다`,
        objects: [`pod/${req.answeredBy.name}`, `pod/${req.hostname}`],
      });
    }
    for (const svc of world.store.values('Service')) {
      if (svc.spec?.clusterIP !== 'None') continue;
      findings.push(...checkNames(world, svc, book));
    }
    return findings;
  },
};

function checkNames(world: World, svc: KObject, book: ReturnType<typeof addressBook>): Finding[] {
  const byHost = new Map<string, Set<string>>();
  for (const slice of managedSlices(world, svc)) {
    for (const ep of slice.endpoints ?? []) {
      if (!ep.hostname || !ep.conditions.ready) continue;
      const set = byHost.get(ep.hostname) ?? new Set<string>();
      for (const a of ep.addresses) set.add(a);
      byHost.set(ep.hostname, set);
    }
  }
  const out: Finding[] = [];
  const fqdn = (h: string) => `${h}.${svc.metadata.name}`;
  for (const [host, ips] of [...byHost.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    const list = [...ips].sort();
    if (list.length > 1) {
      out.push({
        message: `${fqdn(host)} resolves to ${list.length} addresses: ${list.join(', ')}`,
        messageKo: `${fqdn(host)} 이름이 주소 ${list.length}개로 풀린다: ${list.join(', ')}`,
        objects: [`pod/${host}`, `service/${svc.metadata.name}`],
      });
    }
    for (const ip of list) {
      const holder = book.holder.get(ip);
      if (holder?.name === host) continue;
      const released = book.released.get(ip);
      const since = Math.max(released?.atMs ?? Number.NEGATIVE_INFINITY, watchStalledUntilMs(world));
      if (!holder && released?.name === host && world.now - since <= lagWindowMs(world)) continue;
      const owner = holder ? `pod/${holder.name}` : 'no pod';
      const ownerKo = holder ? `pod/${holder.name} 파드의 주소다` : '어느 파드의 주소도 아니다';
      out.push({
        message: `${fqdn(host)} resolves to ${ip}, which belongs to ${owner}, not pod/${host}`,
        messageKo: `${fqdn(host)} 이름이 ${ip} 주소로 풀리지만 그것은 ${ownerKo} (pod/${host}의 주소가 아니다)`,
        objects: holder ? [`pod/${host}`, `pod/${holder.name}`] : [`pod/${host}`],
      });
    }
  }
  return out;
}
