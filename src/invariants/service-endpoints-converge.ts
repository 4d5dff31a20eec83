import type { Endpoint, KObject } from '../model/types.ts';
import type { World } from '../sim/world.ts';
import {
  endpointShouldBeReady,
  isEndpointPod,
  lagWindowMs,
  MAX_ENDPOINTS_PER_SLICE,
  managedSlices,
  selectorOf,
  selectsPod,
  watchStalledUntilMs,
} from './semantics/service.ts';
import type { Finding, LivenessInvariant } from './types.ts';
import { hasKind, liveObjects } from './util.ts';

/**
 * Once faults stop, each selector Service's EndpointSlices list every selected pod that has an IP
 * (and is not terminal) exactly once, with its current address and the right `ready` condition, and
 * nothing else; no slice holds more than 100 endpoints.
 */
export const serviceEndpointsConverge: LivenessInvariant = {
  id: 'service.endpoints-converge',
  kind: 'liveness',
  concept: 'workload',
  claim: {
    en: "After settle every Service's EndpointSlices list exactly its selected pods, each once, with its current IP and readiness.",
    ko: '안정화 후 모든 서비스의 엔드포인트슬라이스는 셀렉터가 고른 파드를 각각 한 번씩, 현재 IP와 준비 상태 그대로 나열한다.',
  },
  explain: {
    en: 'The EndpointSlice controller is the phone book of a Service: one entry per pod the selector picks, marked ready when the pod passes its readiness probe and is not shutting down. Clients only ever see the book, never the pods, so once the faults stop the book must match the pods again: no pod missing, no entry for a pod that is gone or has a new address, no pod listed twice.',
    ko: '엔드포인트슬라이스 컨트롤러는 서비스의 전화번호부다. 셀렉터가 고른 파드마다 항목이 하나 있고, 파드가 준비성 프로브(readiness probe)를 통과하고 종료 중이 아니면 ready로 표시된다. 클라이언트는 파드가 아니라 이 전화번호부만 보므로, 장애가 멈추면 전화번호부는 다시 파드와 일치해야 한다. 빠진 파드도, 사라졌거나 주소가 바뀐 파드의 항목도, 두 번 실린 파드도 없어야 한다.',
  },
  appliesTo: (s) => hasKind(s, 'Service'),
  check(world, ctx) {
    const findings: Finding[] = [];
    for (const svc of liveObjects(world, 'Service')) {
      if (Object.keys(selectorOf(svc)).length === 0) continue;
      const all = differences(world, svc);
      const name = `service/${svc.metadata.name}`;
      const problems = all.filter((p) => !inFlight(world, p));
      const pending = all.filter((p) => inFlight(world, p));
      if (pending.length > 0) ctx.held(inFlightNote(world, name, pending));
      if (problems.length === 0) continue;
      const shown = problems.slice(0, 5);
      const more = problems.length > 5 ? `, and ${problems.length - 5} more` : '';
      const moreKo = problems.length > 5 ? `, 외 ${problems.length - 5}개` : '';
      findings.push({
        message: `${name}: its endpoints do not match its pods: ${shown.map((p) => p.en).join('; ')}${more}`,
        messageKo: `${name}의 엔드포인트가 파드와 일치하지 않는다: ${shown.map((p) => p.ko).join(' / ')}${moreKo}`,
        objects: [name, ...new Set(shown.map((p) => p.object))],
      });
    }
    return findings;
  },
};

interface Difference {
  en: string;
  ko: string;
  object: string;
  /** When the pod it is about last changed (written or removed), if the store still knows. */
  changedAtMs?: number;
}

/**
 * A difference the EndpointSlice controller cannot have caught up with yet: its pod changed (or the
 * controller's watch stall ended) within the lag window. Only pods that keep changing after settle,
 * such as a StatefulSet replacing pods whose application fails, leave one at the moment of the look;
 * Kubernetes follows them one watch delivery behind, so the book trails by design.
 */
function inFlight(world: World, d: Difference): boolean {
  if (d.changedAtMs === undefined) return false;
  const since = Math.max(d.changedAtMs, watchStalledUntilMs(world));
  return world.now - since <= lagWindowMs(world);
}

function inFlightNote(world: World, name: string, pending: Difference[]): Finding {
  const window = lagWindowMs(world);
  const shown = pending.slice(0, 5);
  return {
    message: `${name}: held by design: its pods changed within the last ${window} ms, before the EndpointSlice controller can see the change and write it (${shown.map((p) => p.en).join('; ')})`,
    messageKo: `${name}: 설계상 대기: 파드가 최근 ${window} ms 안에 바뀌어 엔드포인트슬라이스 컨트롤러가 아직 그 변화를 보고 기록할 수 없다 (${shown.map((p) => p.ko).join(' / ')})`,
    objects: [name, ...new Set(shown.map((p) => p.object))],
  };
}

/** When the pod last changed: its last write while it exists, its removal once it is gone. */
function podChangedAtMs(world: World, uid: string, namespace: string, name: string): number | undefined {
  if (world.store.byUid(uid)) return world.store.lastWrittenAt('Pod', `${namespace}/${name}`);
  return world.store.removedAtMs(uid);
}

function differences(world: World, svc: KObject): Difference[] {
  const want = new Map<string, KObject>();
  for (const p of world.store.values('Pod'))
    if (selectsPod(svc, p) && isEndpointPod(p)) want.set(p.metadata.uid, p);
  const out: Difference[] = [];
  const listed = new Map<string, Endpoint>();
  for (const slice of managedSlices(world, svc)) {
    const eps = slice.endpoints ?? [];
    if (eps.length > MAX_ENDPOINTS_PER_SLICE)
      out.push({
        en: `endpointslice/${slice.metadata.name} holds ${eps.length} endpoints (at most ${MAX_ENDPOINTS_PER_SLICE})`,
        ko: `endpointslice/${slice.metadata.name}에 엔드포인트 ${eps.length}개가 있다 (최대 ${MAX_ENDPOINTS_PER_SLICE}개)`,
        object: `endpointslice/${slice.metadata.name}`,
      });
    for (const ep of eps) {
      const pod = `pod/${ep.targetRef.name}`;
      const p = want.get(ep.targetRef.uid);
      const ns = ep.targetRef.namespace;
      const changedAtMs = podChangedAtMs(world, ep.targetRef.uid, ns, ep.targetRef.name);
      if (listed.has(ep.targetRef.uid)) {
        out.push({ en: `${pod} is listed twice`, ko: `${pod}: 두 번 실려 있다`, object: pod });
        continue;
      }
      listed.set(ep.targetRef.uid, ep);
      if (!p) {
        out.push({
          en: `${pod} (${ep.addresses.join(', ')}) is listed but is gone or not selected`,
          ko: `${pod}(${ep.addresses.join(', ')}): 실려 있지만 이미 없거나 셀렉터가 고르지 않는다`,
          object: pod,
          changedAtMs,
        });
        continue;
      }
      const ip = p.status.podIP as string;
      if (ep.addresses.length !== 1 || ep.addresses[0] !== ip)
        out.push({
          en: `${pod} is listed at ${ep.addresses.join(', ')} but its IP is ${ip}`,
          ko: `${pod}: ${ep.addresses.join(', ')} 주소로 실려 있지만 IP는 ${ip}이다`,
          object: pod,
          changedAtMs,
        });
      const ready = endpointShouldBeReady(svc, p);
      if (ep.conditions.ready !== ready)
        out.push({
          en: `${pod} is listed ready=${ep.conditions.ready} but should be ready=${ready}`,
          ko: `${pod}: ready=${ep.conditions.ready} 상태로 실려 있지만 ready=${ready} 상태여야 한다`,
          object: pod,
          changedAtMs,
        });
    }
  }
  for (const [uid, p] of [...want.entries()].sort((a, b) =>
    a[1].metadata.name.localeCompare(b[1].metadata.name),
  )) {
    if (listed.has(uid)) continue;
    out.push({
      en: `pod/${p.metadata.name} (${p.status.podIP}) is missing`,
      ko: `pod/${p.metadata.name}(${p.status.podIP}): 빠져 있다`,
      object: `pod/${p.metadata.name}`,
      changedAtMs: world.store.lastWrittenAt(
        'Pod',
        `${p.metadata.namespace ?? 'default'}/${p.metadata.name}`,
      ),
    });
  }
  return out;
}
