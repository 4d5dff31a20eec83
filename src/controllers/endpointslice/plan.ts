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

/** A Service the controller manages: one with a selector (a selector-less Service's slices are the user's). */
export function hasSelector(svc: KObject): boolean {
  return Object.keys(svc.spec?.selector ?? {}).length > 0;
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
 * the pod's subdomain names this Service (a StatefulSet pod under its serviceName).
 */
export function podToEndpoint(svc: KObject, pod: KObject, v: EndpointSliceVariant = CORRECT): Endpoint {
  const serving = podReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  const ready =
    !v.readinessFromPod || svc.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [pod.status.podIP as string],
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
  return ep;
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

/** The endpoints the Service should have, keyed by pod uid, in pod-name order. */
export function desiredEndpoints(
  svc: KObject,
  pods: readonly KObject[],
  v: EndpointSliceVariant = CORRECT,
): Map<string, Endpoint> {
  const out = new Map<string, Endpoint>();
  const ns = svc.metadata.namespace ?? 'default';
  const sorted = pods
    .filter(
      (p) =>
        (p.metadata.namespace ?? 'default') === ns && selects(svc, p.metadata.labels) && shouldBeEndpoint(p),
    )
    .sort((a, b) => byName(a.metadata.name, b.metadata.name));
  for (const pod of sorted) out.set(pod.metadata.uid, podToEndpoint(svc, pod, v));
  return out;
}

export type SliceWrite =
  | { op: 'create'; slice: KObject }
  | { op: 'update'; slice: KObject }
  | { op: 'delete'; slice: KObject };

/** A new slice of the Service, named by the API server from `<service>-`. */
export function newSlice(svc: KObject, endpoints: Endpoint[], ports: EndpointPort[]): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      generateName: `${svc.metadata.name}-`,
      namespace: svc.metadata.namespace ?? 'default',
      labels: { [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: MANAGED_BY },
      ownerReferences: [newControllerRef(svc)],
    },
    addressType: 'IPv4',
    endpoints,
    ports,
  } as unknown as KObject;
}

/**
 * reconcileByAddressType, simplified to its outcome: every existing slice keeps the desired endpoints
 * it already holds (rewritten when the pod changed) and drops the others; endpoints not placed yet
 * fill the slices being updated, then the fullest slices with room, then new slices of at most 100.
 * A slice left empty is deleted, except that a Service with no endpoints keeps one empty placeholder
 * slice. Writes come in Kubernetes' finalize order: creates, updates, deletes.
 */
export function reconcile(
  svc: KObject,
  existing: readonly KObject[],
  desired: ReadonlyMap<string, Endpoint>,
  v: EndpointSliceVariant = CORRECT,
): SliceWrite[] {
  const ports = slicePorts(svc);
  const placed = new Set<string>();
  const kept: Array<{ slice: KObject; endpoints: Endpoint[]; changed: boolean }> = [];
  for (const slice of [...existing].sort((a, b) => byName(a.metadata.name, b.metadata.name))) {
    let changed = !sameJson(slice.ports ?? [], ports);
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
    kept.push({ slice, endpoints, changed });
  }
  const unplaced = [...desired.entries()].filter(([uid]) => !placed.has(uid)).map(([, ep]) => ep);
  // Slices being updated anyway first, then the fullest, so churn and slice count stay low.
  const byFill = [...kept].sort(
    (a, b) => Number(b.changed) - Number(a.changed) || b.endpoints.length - a.endpoints.length,
  );
  for (const k of byFill) {
    while (unplaced.length > 0 && k.endpoints.length < MAX_ENDPOINTS_PER_SLICE) {
      k.endpoints.push(unplaced.shift()!);
      k.changed = true;
    }
  }
  const writes: SliceWrite[] = [];
  for (let i = 0; i < unplaced.length; i += MAX_ENDPOINTS_PER_SLICE)
    writes.push({
      op: 'create',
      slice: newSlice(svc, unplaced.slice(i, i + MAX_ENDPOINTS_PER_SLICE), ports),
    });
  const nonEmpty = kept.filter((k) => k.endpoints.length > 0);
  // The placeholder: a Service without endpoints still has one (empty) slice.
  const placeholder = writes.length === 0 && nonEmpty.length === 0 ? kept[0] : undefined;
  if (writes.length === 0 && kept.length === 0)
    writes.push({ op: 'create', slice: newSlice(svc, [], ports) });
  for (const k of kept) {
    if (k.endpoints.length === 0 && k !== placeholder) writes.push({ op: 'delete', slice: k.slice });
    else if (k.changed) writes.push({ op: 'update', slice: { ...k.slice, endpoints: k.endpoints, ports } });
  }
  return sortWrites(writes);
}

function sortWrites(writes: SliceWrite[]): SliceWrite[] {
  const order = { create: 0, update: 1, delete: 2 } as const;
  return writes
    .map((w, i) => ({ w, i }))
    .sort((a, b) => order[a.w.op] - order[b.w.op] || a.i - b.i)
    .map((x) => x.w);
}

function uidByName(desired: ReadonlyMap<string, Endpoint>, name: string): string | undefined {
  for (const [uid, ep] of desired) if (ep.targetRef.name === name) return uid;
  return undefined;
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
    a.targetRef.uid === b.targetRef.uid &&
    a.targetRef.name === b.targetRef.name &&
    a.targetRef.namespace === b.targetRef.namespace
  );
}
