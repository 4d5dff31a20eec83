/**
 * Client requests: a name is resolved by cluster DNS (dns.ts), a Service IP is load-balanced by
 * kube-proxy to one of the Service's endpoints, and the request reaches whatever runs at that IP.
 *
 * kube-proxy routes to ready endpoints, picked at random (the `kube-proxy` stream of the seed); when
 * none is ready it falls back to endpoints that are serving and terminating (ProxyTerminatingEndpoints,
 * GA in 1.28); with none of either the connection is rejected. It reads the slices as the API store
 * holds them (no lag of its own). A headless name gives the client A records and it picks one (the
 * `client` stream). An address answers when a running container holds it on a machine that is up
 * and reachable: a partitioned node is cut off from clients as well as from the control plane.
 */
import type { Endpoint, KObject } from '../model/types.ts';
import type { RequestFailure } from '../trace/messages.ts';
import { endpointsOf, type Resolution, resolve } from './dns.ts';
import { isReporting } from './machine.ts';
import type { World } from './world.ts';

/** One request as the judge sees it: how the name resolved, where it went, and who answered. */
export interface RequestRecord {
  to: string;
  atMs: number;
  /** How the name resolved: through a ClusterIP Service, a headless Service, a pod's own name. */
  via: Resolution['kind'];
  /** `<namespace>/<name>` of the Service the name belongs to. */
  service?: string;
  /** The pod DNS name's hostname (via `pod`). */
  hostname?: string;
  /** The address the request was sent to (a pod IP). */
  ip?: string;
  /** The pod whose container answered. */
  answeredBy?: { name: string; uid: string; node: string };
  failure?: RequestFailure;
}

/** Sends one request to `to` from a client pod in `namespace`; records and returns what happened. */
export function sendRequest(world: World, to: string, namespace = 'default'): RequestRecord {
  const res = resolve(world.store, to, namespace);
  const rec: RequestRecord = { to, atMs: world.now, via: res.kind };
  if (res.kind !== 'nxdomain') rec.service = `${res.service.metadata.namespace}/${res.service.metadata.name}`;
  if (res.kind === 'pod') rec.hostname = res.hostname;
  const ip = destination(world, res);
  if (!ip) rec.failure = res.kind === 'nxdomain' ? 'nxdomain' : 'noEndpoints';
  else {
    rec.ip = ip;
    const who = whoHolds(world, ip);
    if (who) rec.answeredBy = who;
    else rec.failure = 'noAnswer';
  }
  world.stepRequests.push(rec);
  world.note(
    'info',
    'client',
    rec.answeredBy
      ? {
          code: 'request.answered',
          params: { to, ip: ip!, pod: rec.answeredBy.name, node: rec.answeredBy.node },
        }
      : { code: 'request.failed', params: { to, ip: ip ?? '-', reason: rec.failure! } },
    rec.answeredBy ? [`pod/${rec.answeredBy.name}`] : undefined,
  );
  return rec;
}

/** The pod IP the request is sent to, or undefined when there is none. */
function destination(world: World, res: Resolution): string | undefined {
  if (res.kind === 'nxdomain') return undefined;
  if (res.kind === 'service') return kubeProxyPick(world, res.service);
  if (res.ips.length === 0) return undefined;
  return res.ips[world.streams.stream('client').int(res.ips.length)];
}

/** kube-proxy's choice among the Service's endpoints. */
export function kubeProxyPick(world: World, service: KObject): string | undefined {
  const all = endpointsOf(world.store, service);
  let pool = routable(all, (e) => e.conditions.ready);
  if (pool.length === 0) pool = routable(all, (e) => e.conditions.serving && e.conditions.terminating);
  if (pool.length === 0) return undefined;
  return pool[world.streams.stream('kube-proxy').int(pool.length)];
}

function routable(endpoints: readonly Endpoint[], ok: (e: Endpoint) => boolean): string[] {
  return [...new Set(endpoints.filter(ok).flatMap((e) => e.addresses))].sort();
}

/** The pod whose running container holds `ip` on a machine clients can reach. */
function whoHolds(world: World, ip: string): RequestRecord['answeredBy'] {
  for (const m of [...world.machines.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!isReporting(m)) continue;
    for (const c of m.containers.values()) {
      if (c.podIP === ip && c.running) return { name: c.podName, uid: c.podUid, node: m.name };
    }
  }
  return undefined;
}
