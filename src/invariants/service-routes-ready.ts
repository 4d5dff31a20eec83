import type { KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import {
  addressBook,
  isEndpointPod,
  lagWindowMs,
  selectsPod,
  takesTraffic,
  watchStalledUntilMs,
} from './semantics/service.ts';
import type { Finding, SafetyInvariant } from './types.ts';
import { hasKind } from './util.ts';

/**
 * A request routed through a Service (its ClusterIP, its headless name, or a pod's DNS name) reaches
 * only an address whose pod takes traffic (Ready, not terminating), or one that stopped within the
 * EndpointSlice controller's lag window. Judged per request, from the API store's pods.
 */
export const serviceRoutesReady: SafetyInvariant = {
  id: 'service.routes-ready',
  kind: 'safety',
  concept: 'workload',
  claim: {
    en: 'A request through a Service never reaches a pod that has been not Ready or terminating for longer than the EndpointSlice controller takes to notice.',
    ko: '서비스를 거친 요청은 엔드포인트슬라이스 컨트롤러가 알아차리는 데 걸리는 시간보다 오래 Ready가 아니었거나 종료 중인 파드에 닿지 않는다.',
  },
  explain: {
    en: 'A Service is a stable address in front of pods that come and go. kube-proxy and cluster DNS route only to the endpoints the EndpointSlice controller marks ready, and the controller marks ready only pods whose readiness probe passes and that are not shutting down. It learns of a change through its watch, so for a moment (the lag window: watch delivery, one API call per slice written, 2 s for a restarted controller, longer while its watch is stalled) a request may still reach a pod that just stopped being ready. Longer than that is a bug. When a Service has no ready pod at all, kube-proxy falls back to pods that are shutting down but still serving (ProxyTerminatingEndpoints), which is allowed.',
    ko: '서비스는 생겼다 사라지는 파드 앞에 놓인 변하지 않는 주소다. kube-proxy와 클러스터 DNS는 엔드포인트슬라이스 컨트롤러가 ready로 표시한 엔드포인트로만 요청을 보내고, 컨트롤러는 준비성 프로브(readiness probe)를 통과하고 종료 중이 아닌 파드만 ready로 표시한다. 컨트롤러는 변화를 watch로 알게 되므로 잠깐 동안(지연 구간: watch 전달, 쓰는 슬라이스마다 API 호출 한 번, 재시작한 컨트롤러는 2s, watch가 멈춘 동안은 더 길게) 방금 Ready가 아니게 된 파드에 요청이 닿을 수 있다. 그보다 길면 버그다. 서비스에 Ready인 파드가 하나도 없으면 kube-proxy는 종료 중이지만 아직 응답하는 파드로 보낸다(ProxyTerminatingEndpoints). 이것은 허용된다.',
  },
  appliesTo: (s) => hasKind(s, 'Service'),
  check(world) {
    const book = addressBook(world);
    if (world.stepRequests.length === 0) return [];
    const findings: Finding[] = [];
    const seen = new Set<string>();
    for (const req of world.stepRequests) {
      if (!req.ip || !req.service) continue;
      const svc = world.store.get('Service', req.service);
      if (!svc || svc.spec?.publishNotReadyAddresses === true || book.serving.has(req.ip)) continue;
      const pod = podAt(world, book.holder.get(req.ip));
      if (pod && fallbackAllowed(world, svc, pod)) continue;
      const stopped = book.stoppedServingAtMs.get(req.ip);
      const since = Math.max(stopped ?? Number.NEGATIVE_INFINITY, watchStalledUntilMs(world));
      const window = lagWindowMs(world);
      if (stopped !== undefined && world.now - since <= window) continue;
      const key = `${req.to} ${req.ip}`;
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(world, req.to, req.ip, pod, stopped, window));
    }
    return findings;
  },
};

function podAt(world: World, holder: { name: string; namespace: string } | undefined): KObject | undefined {
  return holder ? world.store.get('Pod', `${holder.namespace}/${holder.name}`) : undefined;
}

/** kube-proxy's fallback: no pod of the Service takes traffic, and this one is Ready while terminating. */
function fallbackAllowed(world: World, svc: KObject, pod: KObject): boolean {
  if (
    !(
      pod.metadata.deletionTimestamp &&
      (pod.status?.conditions ?? []).some(
        (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
      )
    )
  )
    return false;
  for (const p of world.store.values('Pod'))
    if (selectsPod(svc, p) && isEndpointPod(p) && takesTraffic(p)) return false;
  return true;
}

function finding(
  world: World,
  to: string,
  ip: string,
  pod: KObject | undefined,
  stoppedAtMs: number | undefined,
  windowMs: number,
): Finding {
  const secs = stoppedAtMs === undefined ? '' : ((world.now - stoppedAtMs) / 1000).toFixed(1);
  const what = pod
    ? `pod/${pod.metadata.name}, which is ${pod.metadata.deletionTimestamp ? 'terminating' : 'not Ready'}`
    : 'an address no pod holds';
  const whatKo = pod
    ? `pod/${pod.metadata.name} 파드는 ${pod.metadata.deletionTimestamp ? '종료 중이다' : 'Ready가 아니다'}`
    : '그 주소를 가진 파드가 없다';
  const age = stoppedAtMs === undefined ? 'it never took traffic' : `it stopped taking traffic ${secs}s ago`;
  const ageKo = stoppedAtMs === undefined ? '트래픽을 받은 적이 없다' : `${secs}s 전에 트래픽 받기를 멈췄다`;
  return {
    message: `a request to ${to} reached ${ip}: ${what}; ${age}, longer than the lag window of ${windowMs / 1000}s`,
    messageKo: `${to}에 보낸 요청이 ${ip} 주소에 닿았다: ${whatKo}. ${ageKo}. 지연 구간 ${windowMs / 1000}s보다 길다`,
    objects: pod ? [`pod/${pod.metadata.name}`] : [],
  };
}
