/**
 * The EndpointSlice reconciler as pure functions (pkg/controller/endpointslice, staging/src/k8s.io/
 * endpointslice: reconciler.go, utils.go): which pods a Service selects, the endpoint each becomes,
 * and the creates, updates and deletes that bring the Service's slices to that set, at most
 * `maxEndpointsPerSlice` (100) endpoints per slice.
 */
import { newControllerRef } from '../../model/pod.ts';
import type { Endpoint, EndpointPort, KObject } from '../../model/types.ts';
import { CORRECT, type EndpointSliceVariant } from './variants.ts';

export const MAX_ENDPOINTS_PER_SLICE = 100;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const MANAGED_BY = 'endpointslice-controller.k8s.io';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/**
 * A Service the controller manages: one with a selector (a selector-less Service's slices are the
 * user's) that is not of type ExternalName (a DNS alias, never given endpoints).
 */
export function hasSelector(svc: KObject): boolean {
  return svc.spec?.type !== 'ExternalName' && Object.keys(svc.spec?.selector ?? {}).length > 0;
}

/**
 * The Service's slices as syncService lists them: labelled with its name and managed by this
 * controller, in its namespace, and not being deleted (dropEndpointSlicesPendingDeletion).
 */
export function managedSlices(svc: KObject, slices: readonly KObject[]): KObject[] {
  return slices.filter((s) => {
    const l = s.metadata.labels ?? {};
    return (
      s.metadata.namespace === svc.metadata.namespace &&
      l[SERVICE_NAME_LABEL] === svc.metadata.name &&
      l[MANAGED_BY_LABEL] === MANAGED_BY &&
      !s.metadata.deletionTimestamp
    );
  });
}

/** The Service's selector (a plain map, `labels.SelectorFromSet`) selects these labels. */
export function selects(svc: KObject, labels: Readonly<Record<string, string>> | undefined): boolean {
  const sel: Record<string, string> = svc.spec?.selector ?? {};
  const keys = Object.keys(sel);
  return keys.length > 0 && keys.every((k) => labels?.[k] === sel[k]);
}

/**
 * ShouldPodBeInEndpoints with includeTerminating: a pod is an endpoint once it has an IP and until it
 * is terminal (Succeeded or Failed); a terminating pod stays, with `terminating` set.
 */
export function shouldBeEndpoint(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.status?.podIP && phase !== 'Succeeded' && phase !== 'Failed';
}

function podReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
}

/**
 * podToEndpoint: serving is the pod's Ready condition, terminating its deletionTimestamp, and ready
 * is serving and not terminating, or always with publishNotReadyAddresses. The hostname is set when
 * the pod's subdomain names this Service (a StatefulSet pod under its serviceName); the zone is its
 * node's topology.kubernetes.io/zone label.
 */
export function podToEndpoint(
  svc: KObject,
  pod: KObject,
  v: EndpointSliceVariant = CORRECT,
  node?: KObject,
): Endpoint {
  const serving = podReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready =
    !v.readinessFromPod || svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [ipv4Of(pod)],
    conditions: {
      ready,
      serving: v.readinessFromPod ? serving : true,
      terminating: v.readinessFromPod && terminating,
    },
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? 'default',
      name: pod.metadata.name,
      uid: pod.metadata.uid,
    },
  };
  if (pod.spec?.hostname && pod.spec?.subdomain === svc.metadata.name) ep.hostname = pod.spec.hostname;
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  const zone = node?.metadata.labels?.[ZONE_LABEL];
  if (zone !== undefined) ep.zone = zone;
  return ep;
}

/** The pod's address for an IPv4 slice: the first IPv4 one of status.podIPs, else status.podIP. */
function ipv4Of(pod: KObject): string {
  const ips = ((pod.status?.podIPs ?? []) as Array<{ ip: string }>).map((x) => x.ip);
  return ips.find((ip) => !ip.includes(':')) ?? (pod.status.podIP as string);
}

/** The slice ports: the Service's ports with targetPort resolved to a number (named ports: the port itself). */
export function slicePorts(svc: KObject): EndpointPort[] {
  const ports = (svc.spec?.ports ?? []) as Array<{
    name?: string;
    port: number;
    targetPort?: number | string;
    protocol?: string;
  }>;
  return ports.map((p) => {
    const out: EndpointPort = {
      port: typeof p.targetPort === 'number' ? p.targetPort : p.port,
      protocol: p.protocol ?? 'TCP',
    };
    if (p.name) out.name = p.name;
    return out;
  });
}

/** The endpoints the Service should have, keyed by pod uid, in pod-name order; `nodeOf` gives each its zone. */
export function desiredEndpoints(
  svc: KObject,
  pods: readonly KObject[],
  v: EndpointSliceVariant = CORRECT,
  nodeOf: (name: string) => KObject | undefined = () => undefined,
): Map<string, Endpoint> {
  const out = new Map<string, Endpoint>();
  const ns = svc.metadata.namespace ?? 'default';
  const sorted = pods
    .filter(
      (p) =>
        (p.metadata.namespace ?? 'default') === ns && selects(svc, p.metadata.labels) && shouldBeEndpoint(p),
    )
    .sort((a, b) => byName(a.metadata.name, b.metadata.name));
  for (const pod of sorted)
    out.set(pod.metadata.uid, podToEndpoint(svc, pod, v, nodeOf(pod.spec?.nodeName ?? '')));
  return out;
}

export type SliceWrite =
  | { op: 'create'; slice: KObject }
  | { op: 'update'; slice: KObject }
  | { op: 'delete'; slice: KObject };

/** Labels kept for the controller: a Service label may not set these on its slices. */
const RESERVED_LABELS = [SERVICE_NAME_LABEL, MANAGED_BY_LABEL, HEADLESS_LABEL];

function customLabels(labels: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(labels ?? {}).sort()) if (!RESERVED_LABELS.includes(k)) out[k] = labels![k]!;
  return out;
}

/**
 * setEndpointSliceLabels: the Service's own labels (minus the reserved ones), the headless label when
 * the Service has no ClusterIP, then the service-name and managed-by labels. `updated` says whether the
 * slice's labels need a write, and Kubernetes looks only at the Service's own labels for that: a slice
 * whose headless label alone is out of date is not rewritten for it.
 */
export function setEndpointSliceLabels(
  slice: KObject | undefined,
  svc: KObject,
): { labels: Record<string, string>; updated: boolean } {
  const own = customLabels(svc.metadata.labels);
  const labels: Record<string, string> = { ...own };
  const ip = svc.spec?.clusterIP;
  if (ip === undefined || ip === '' || ip === 'None') labels[HEADLESS_LABEL] = '';
  labels[SERVICE_NAME_LABEL] = svc.metadata.name;
  labels[MANAGED_BY_LABEL] = MANAGED_BY;
  return { labels, updated: !sameJson(customLabels(slice?.metadata.labels), own) };
}

/** The labels a new slice of the Service gets. */
export function sliceLabels(svc: KObject): Record<string, string> {
  return setEndpointSliceLabels(undefined, svc).labels;
}

/** ServiceControllerKey: the `<namespace>/<service>` key a slice belongs to, by its service-name label. */
export function serviceControllerKey(slice: KObject): string | undefined {
  const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
  return svc ? `${slice.metadata.namespace}/${svc}` : undefined;
}

/** A new slice of the Service, named by the API server from `<service>-`. */
export function newSlice(svc: KObject, endpoints: Endpoint[], ports: EndpointPort[]): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace ?? 'default',
      labels: sliceLabels(svc),
      ownerReferences: [newControllerRef(svc)],
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  } as unknown as KObject;
}

/** ownedBy: the slice's controller reference is this Service (same uid), not a former one of that name. */
function ownedBy(slice: KObject, svc: KObject): boolean {
  return (slice.metadata.ownerReferences ?? []).some(
    (r: { kind: string; uid: string; controller?: boolean }) =>
      r.controller === true && r.kind === 'Service' && r.uid === svc.metadata.uid,
  );
}

interface Kept {
  slice: KObject;
  endpoints: Endpoint[];
  changed: boolean;
}

/**
 * reconcileByPortMapping and finalize (reconciler.go): an existing slice of this Service with the
 * desired ports keeps the desired endpoints it already holds (rewritten when the pod changed) and drops
 * the others; emptied, it is deleted; a slice with other ports or of a former Service of that name is
 * deleted whole. Endpoints not placed yet fill the slices being updated (fullest first); the rest go to
 * new slices of `max` (maxEndpointsPerSlice, 100), and a remainder below that to the fullest unchanged
 * slice it fits in whole, else a new slice. A Service with no endpoints keeps one placeholder slice. Finally a create replaces a delete
 * of this Service's slice by an update of it (recycling), and the writes come creates, updates, deletes.
 */
export function reconcile(
  svc: KObject,
  existing: readonly KObject[],
  desired: ReadonlyMap<string, Endpoint>,
  v: EndpointSliceVariant = CORRECT,
  max = MAX_ENDPOINTS_PER_SLICE,
): SliceWrite[] {
  const ports = slicePorts(svc);
  const labels = sliceLabels(svc);
  const placed = new Set<string>();
  const toDelete: KObject[] = [];
  const toUpdate: Kept[] = [];
  const unchanged: Kept[] = [];
  for (const slice of [...existing].sort((a, b) => byName(a.metadata.name, b.metadata.name))) {
    if (!ownedBy(slice, svc) || slice.addressType !== 'IPv4' || !samePorts(slice.ports ?? [], ports)) {
      toDelete.push(slice);
      continue;
    }
    const k = keepEndpoints(slice, desired, placed, v);
    if (setEndpointSliceLabels(slice, svc).updated) k.changed = true;
    if (k.endpoints.length === 0) toDelete.push(slice);
    else (k.changed ? toUpdate : unchanged).push(k);
  }
  const unplaced = [...desired.entries()].filter(([uid]) => !placed.has(uid)).map(([, ep]) => ep);
  // 3. slices being updated anyway take what they can, fullest first.
  for (const k of [...toUpdate].sort((a, b) => b.endpoints.length - a.endpoints.length))
    while (unplaced.length > 0 && k.endpoints.length < max) k.endpoints.push(unplaced.shift()!);
  // 4. new slices of `max`; a remainder goes to the unchanged slice closest to full that holds it whole.
  const toCreate: NewSlice[] = [];
  while (unplaced.length > 0) {
    const fill = unplaced.length < max ? sliceToFill(unchanged, unplaced.length, max) : undefined;
    const room = max - (fill?.endpoints.length ?? 0);
    const batch = unplaced.splice(0, room);
    if (fill) {
      fill.endpoints.push(...batch);
      unchanged.splice(unchanged.indexOf(fill), 1);
      toUpdate.push(fill);
    } else toCreate.push({ endpoints: batch, ports });
  }
  placeholder(svc, existing, toCreate, toDelete, labels);
  return finalize(svc, toCreate, toUpdate, toDelete, labels, ports);
}

/** The endpoints a slice keeps (see reconcile); `placed` collects the pods already placed. */
function keepEndpoints(
  slice: KObject,
  desired: ReadonlyMap<string, Endpoint>,
  placed: Set<string>,
  v: EndpointSliceVariant,
): Kept {
  let changed = false;
  const endpoints: Endpoint[] = [];
  for (const ep of slice.endpoints ?? []) {
    const uid = v.updateAddresses ? ep.targetRef.uid : uidByName(desired, ep.targetRef.name);
    const want = uid === undefined ? undefined : desired.get(uid);
    if (want && !placed.has(uid!)) {
      placed.add(uid!);
      const next = v.updateAddresses ? want : { ...want, addresses: ep.addresses };
      if (!sameEndpoint(next, ep)) changed = true;
      endpoints.push(next);
    } else if (!want && (!v.removeStale || (!v.updateAddresses && ep.hostname))) {
      // The mutants keep it: every stale endpoint, or (keeps-first-address) a named one, for its pod to come back to.
      endpoints.push(ep);
    } else changed = true;
  }
  return { slice, endpoints, changed };
}

/** getSliceToFill: the unchanged slice closest to full that still has room for `n` endpoints. */
function sliceToFill(unchanged: readonly Kept[], n: number, max: number): Kept | undefined {
  let best: Kept | undefined;
  for (const k of unchanged)
    if (k.endpoints.length + n <= max && (!best || k.endpoints.length > best.endpoints.length)) best = k;
  return best;
}

/** A slice to create: its endpoints and ports (a placeholder has neither). */
interface NewSlice {
  endpoints: Endpoint[];
  ports: EndpointPort[];
}

/**
 * A Service whose every slice is going away and none is being created gets an empty placeholder, with
 * no ports either, unless the one slice going away already is that placeholder (then it simply stays).
 */
function placeholder(
  svc: KObject,
  existing: readonly KObject[],
  toCreate: NewSlice[],
  toDelete: KObject[],
  labels: Record<string, string>,
): void {
  if (existing.length !== toDelete.length || toCreate.length > 0) return;
  const only = toDelete.length === 1 ? toDelete[0]! : undefined;
  const same =
    only !== undefined &&
    ownedBy(only, svc) &&
    only.addressType === 'IPv4' &&
    (only.endpoints ?? []).length === 0 &&
    (only.ports ?? []).length === 0 &&
    sameLabels(only.metadata.labels, labels);
  if (same) toDelete.length = 0;
  else toCreate.push({ endpoints: [], ports: [] });
}

/**
 * finalize: a create becomes an update of a slice of this Service (same address type) that would
 * otherwise be deleted; then the writes in Kubernetes' order, creates, updates, deletes.
 */
function finalize(
  svc: KObject,
  toCreate: NewSlice[],
  toUpdate: Kept[],
  toDelete: KObject[],
  labels: Record<string, string>,
  ports: EndpointPort[],
): SliceWrite[] {
  const updates = toUpdate.map((k) => ({
    ...k.slice,
    metadata: { ...k.slice.metadata, labels },
    endpoints: k.endpoints,
    ports,
  }));
  for (let i = 0; i < toDelete.length && toCreate.length > 0; ) {
    const old = toDelete[i]!;
    if (!ownedBy(old, svc) || old.addressType !== 'IPv4') {
      i++;
      continue;
    }
    const n = toCreate.pop()!;
    updates.push({ ...old, metadata: { ...old.metadata, labels }, endpoints: n.endpoints, ports: n.ports });
    toDelete.splice(i, 1);
  }
  return [
    ...toCreate.map((n): SliceWrite => ({ op: 'create', slice: newSlice(svc, n.endpoints, n.ports) })),
    ...updates.map((slice): SliceWrite => ({ op: 'update', slice })),
    ...toDelete.map((slice): SliceWrite => ({ op: 'delete', slice })),
  ];
}

function uidByName(desired: ReadonlyMap<string, Endpoint>, name: string): string | undefined {
  for (const [uid, ep] of desired) if (ep.targetRef.name === name) return uid;
  return undefined;
}

/** Equal port lists, port by port (whatever the order of each port's fields). */
function samePorts(a: readonly EndpointPort[], b: readonly EndpointPort[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.name === b[i]!.name && p.port === b[i]!.port && p.protocol === b[i]!.protocol)
  );
}

/** Equal label maps, whatever their key order. */
function sameLabels(
  a: Readonly<Record<string, string>> | undefined,
  b: Readonly<Record<string, string>>,
): boolean {
  const sorted = (m: Readonly<Record<string, string>>) => Object.entries(m).sort(([x], [y]) => byName(x, y));
  return sameJson(sorted(a ?? {}), sorted(b));
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Code-unit order: deterministic and cheaper than localeCompare over 10,000 names. */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Field-by-field equality of two endpoints (a sync compares every endpoint it keeps). */
function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return (
    a.addresses.length === b.addresses.length &&
    a.addresses.every((x, i) => x === b.addresses[i]) &&
    a.conditions.ready === b.conditions.ready &&
    a.conditions.serving === b.conditions.serving &&
    a.conditions.terminating === b.conditions.terminating &&
    a.hostname === b.hostname &&
    a.nodeName === b.nodeName &&
    a.zone === b.zone &&
    a.targetRef.uid === b.targetRef.uid &&
    a.targetRef.name === b.targetRef.name &&
    a.targetRef.namespace === b.targetRef.namespace
  );
}
