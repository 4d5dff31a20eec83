/**
 * Cluster DNS (the Kubernetes DNS specification, as CoreDNS serves it) as a pure function of the
 * Services and EndpointSlices in the API store. A client pod in namespace `ns` resolves a name
 * through its search path (`<ns>.svc.cluster.local`, `svc.cluster.local`, `cluster.local`; ndots 5):
 *
 * - `<svc>.<ns>.svc.cluster.local`: a ClusterIP Service's IP; for a headless Service (`clusterIP:
 *   None`) the addresses of its ready endpoints (none: the name exists with no records).
 * - `<hostname>.<svc>.<ns>.svc.cluster.local`, headless Services only: the address of the ready
 *   endpoint with that hostname (a StatefulSet pod's name, its subdomain being the serviceName).
 *
 * Endpoints not ready are left out, as CoreDNS puts them among NotReadyAddresses; a Service with
 * publishNotReadyAddresses has them marked ready by the EndpointSlice controller.
 */
import type { Endpoint, KObject } from '../model/types.ts';
import type { ApiStore } from './api/store.ts';

const ZONE = 'cluster.local';
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export type Resolution =
  | { kind: 'service'; service: KObject; fqdn: string; ips: string[] }
  | { kind: 'headless'; service: KObject; fqdn: string; ips: string[] }
  | { kind: 'pod'; service: KObject; hostname: string; fqdn: string; ips: string[] }
  | { kind: 'nxdomain'; fqdn: string };

/** The names the resolver tries for `name`, in order (resolv.conf search path, ndots 5). */
export function candidates(name: string, clientNamespace = 'default'): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const search = [`${clientNamespace}.svc.${ZONE}`, `svc.${ZONE}`, ZONE].map((s) => `${name}.${s}`);
  const dots = name.split('.').length - 1;
  return dots >= 5 ? [name, ...search] : [...search, name];
}

/** Resolves a name as a client pod in `clientNamespace` does: the first candidate that exists. */
export function resolve(store: ApiStore, name: string, clientNamespace = 'default'): Resolution {
  const tried = candidates(name.toLowerCase(), clientNamespace);
  for (const fqdn of tried) {
    const r = lookup(store, fqdn);
    if (r.kind !== 'nxdomain') return r;
  }
  return { kind: 'nxdomain', fqdn: tried[0]! };
}

/** One fully qualified name: `[<hostname>.]<svc>.<ns>.svc.cluster.local`. */
export function lookup(store: ApiStore, fqdn: string): Resolution {
  const suffix = `.svc.${ZONE}`;
  if (!fqdn.endsWith(suffix)) return { kind: 'nxdomain', fqdn };
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length !== 2 && labels.length !== 3) return { kind: 'nxdomain', fqdn };
  const [svcName, ns] = labels.slice(-2) as [string, string];
  const service = store.get('Service', `${ns}/${svcName}`);
  if (!service) return { kind: 'nxdomain', fqdn };
  const headless = service.spec?.clusterIP === 'None';
  const ready = readyEndpoints(store, service);
  if (labels.length === 3) {
    const hostname = labels[0]!;
    const ips = headless ? addressesOf(ready.filter((e) => e.hostname === hostname)) : [];
    return ips.length === 0 ? { kind: 'nxdomain', fqdn } : { kind: 'pod', service, hostname, fqdn, ips };
  }
  if (headless) return { kind: 'headless', service, fqdn, ips: addressesOf(ready) };
  const ip = service.spec?.clusterIP as string | undefined;
  return { kind: 'service', service, fqdn, ips: ip ? [ip] : [] };
}

/** The Service's EndpointSlices, by name. */
export function slicesOf(store: ApiStore, service: KObject): KObject[] {
  const ns = service.metadata.namespace ?? 'default';
  const out: KObject[] = [];
  for (const s of store.values('EndpointSlice')) {
    if (s.metadata.namespace === ns && s.metadata.labels?.[SERVICE_NAME_LABEL] === service.metadata.name)
      out.push(s);
  }
  return out.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** Every endpoint of the Service's slices, in slice order. */
export function endpointsOf(store: ApiStore, service: KObject): Endpoint[] {
  return slicesOf(store, service).flatMap((s) => s.endpoints ?? []);
}

function readyEndpoints(store: ApiStore, service: KObject): Endpoint[] {
  return endpointsOf(store, service).filter((e) => e.conditions.ready);
}

/** Distinct addresses, sorted (DNS answers are a set). */
function addressesOf(endpoints: readonly Endpoint[]): string[] {
  return [...new Set(endpoints.flatMap((e) => e.addresses))].sort();
}
