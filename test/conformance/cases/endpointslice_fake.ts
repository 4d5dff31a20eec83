/**
 * The fixtures of staging/src/k8s.io/endpointslice's tests (utils_test.go `newPod`,
 * `newServiceAndEndpointMeta`, `newEmptyEndpointSlice`), and a fake client that applies the
 * reconciler's writes to a list of slices and counts them, as the Go tests read `client.Actions()`.
 */
import { desiredEndpoints, reconcile, type SliceWrite } from '../../../src/controllers/endpointslice/plan.ts';
import { newControllerRef } from '../../../src/model/pod.ts';
import type { Endpoint, KObject } from '../../../src/model/types.ts';

export const NS = 'test';

/** newPod(n, namespace, ready, nPorts, terminating): `pod<n>` at 1.2.3.<4+n> on node-1, labelled foo=bar. */
export function newPod(n: number, ready: boolean, terminating = false): KObject {
  const ip = `1.2.3.${4 + n}`;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: NS,
      name: `pod${n}`,
      uid: `uid-pod${n}`,
      labels: { foo: 'bar' },
      resourceVersion: String(n),
      ...(terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'container-1' }], nodeName: 'node-1' },
    status: {
      podIP: ip,
      podIPs: [{ ip }],
      conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }],
    },
  } as unknown as KObject;
}

/**
 * newServiceAndEndpointMeta / newServicePortsAddressType: a Service selecting foo=bar with one TCP
 * port named after it, target port 80, no ClusterIP set; its uid is `<namespace>-<name>`.
 */
export function newService(name = 'foo', spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { namespace: NS, name, uid: `${NS}-${name}` },
    spec: { ports: [{ name, targetPort: 80, protocol: 'TCP' }], selector: { foo: 'bar' }, ...spec },
  } as unknown as KObject;
}

/** newEmptyEndpointSlice(n, ...): `<service>-<n>`, owned by the Service, the Service's ports, no labels. */
export function newEmptyEndpointSlice(n: number, svc: KObject, endpoints: Endpoint[] = []): KObject {
  const port = svc.spec.ports[0];
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      namespace: NS,
      name: `${svc.metadata.name}-${n}`,
      uid: `uid-slice-${n}`,
      resourceVersion: '1',
      ownerReferences: [newControllerRef(svc)],
    },
    addressType: 'IPv4',
    ports: [{ name: port.name, port: port.targetPort, protocol: 'TCP' }],
    endpoints,
  } as unknown as KObject;
}

export function pods(count: number, from = 0): KObject[] {
  return Array.from({ length: count }, (_, i) => newPod(from + i, (from + i) % 3 !== 0));
}

/** The fake clientset: the slices it holds and the actions (verb per write) it received. */
export class FakeClient {
  slices: KObject[];
  actions: Array<SliceWrite['op']> = [];
  private created = 0;

  constructor(existing: readonly KObject[] = []) {
    this.slices = [...existing];
  }

  /** reconcileHelper: one reconcile of the Service over these pods and the slices as they are now. */
  reconcile(
    svc: KObject,
    podList: readonly KObject[],
    nodes: readonly KObject[] = [],
    maxEndpointsPerSlice?: number,
  ): SliceWrite[] {
    const nodeOf = (name: string) => nodes.find((n) => n.metadata.name === name);
    const desired = desiredEndpoints(svc, podList, undefined, nodeOf);
    const writes = reconcile(svc, this.slices, desired, undefined, maxEndpointsPerSlice);
    for (const w of writes) this.apply(w);
    return writes;
  }

  /** The slice sizes, largest first (expectUnorderedSlicesWithLengths). */
  lengths(): number[] {
    return this.slices.map((s) => (s.endpoints ?? []).length).sort((a, b) => b - a);
  }

  private apply(w: SliceWrite): void {
    this.actions.push(w.op);
    if (w.op === 'create') {
      const name = `${w.slice.metadata.generateName}gen${++this.created}`;
      this.slices.push({
        ...w.slice,
        metadata: { ...w.slice.metadata, name, uid: `uid-${name}`, resourceVersion: '1' },
      });
    } else if (w.op === 'update') {
      this.slices = this.slices.map((s) => (s.metadata.name === w.slice.metadata.name ? w.slice : s));
    } else this.slices = this.slices.filter((s) => s.metadata.name !== w.slice.metadata.name);
  }
}
