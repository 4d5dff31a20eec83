/**
 * staging/src/k8s.io/endpointslice/utils_test.go → `endpointslice/plan.ts`: `newSlice`
 * (newEndpointSlice), `podToEndpoint`, `serviceControllerKey` (ServiceControllerKey) and
 * `setEndpointSliceLabels`. Each case compares what the Go case compares: the slice's metadata, the
 * endpoint, the key, the labels and whether they need a write.
 */
import { expect } from 'vitest';
import {
  MANAGED_BY,
  MANAGED_BY_LABEL,
  newSlice,
  podToEndpoint,
  SERVICE_NAME_LABEL,
  serviceControllerKey,
  setEndpointSliceLabels,
} from '../../../src/controllers/endpointslice/plan.ts';
import { newControllerRef } from '../../../src/model/pod.ts';
import type { Endpoint, KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';
import { newPod, newService } from './endpointslice_fake.ts';

export const SOURCE: Source = {
  controller: 'EndpointSlice',
  file: 'staging/src/k8s.io/endpointslice/utils_test.go',
  version: 'b94367cabf3edea99cfd7ecf7e8bafdc908d83ca',
};

const at = (func: string, name: string, run: () => void): PortedCase => ({ source: SOURCE, func, name, run });

const HEADLESS = 'service.kubernetes.io/headless';
const OWN = { [SERVICE_NAME_LABEL]: 'foo', [MANAGED_BY_LABEL]: MANAGED_BY };

/** The Service of TestNewEndpointSlice and TestSetEndpointSliceLabels: ClusterIP 1.1.1.1, port 80. */
function baseService(labels?: Record<string, string>, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'foo', namespace: 'test', uid: 'test-foo', ...(labels ? { labels } : {}) },
    spec: { clusterIP: '1.1.1.1', ports: [{ port: 80 }], selector: { foo: 'bar' }, ...spec },
  } as unknown as KObject;
}

const NEW_SLICE: Array<{ name: string; svc: KObject; labels: Record<string, string> }> = [
  { name: 'Service without labels', svc: baseService(), labels: OWN },
  { name: 'Service with labels', svc: baseService({ foo: 'bar' }), labels: { ...OWN, foo: 'bar' } },
  {
    name: 'Headless Service with labels',
    svc: baseService({ foo: 'bar' }, { clusterIP: 'None' }),
    labels: { ...OWN, [HEADLESS]: '', foo: 'bar' },
  },
  {
    name: 'Service with multiple labels',
    svc: baseService({ foo: 'bar', foo2: 'bar2' }),
    labels: { ...OWN, foo: 'bar', foo2: 'bar2' },
  },
  {
    name: 'Evil service hijacking endpoint slices labels',
    svc: baseService({ [SERVICE_NAME_LABEL]: 'bad', [MANAGED_BY_LABEL]: 'actor', foo: 'bar' }),
    labels: { ...OWN, foo: 'bar' },
  },
  {
    name: 'Service with annotations',
    svc: {
      ...baseService(),
      metadata: { ...baseService().metadata, annotations: { foo: 'bar' } },
    } as KObject,
    labels: OWN,
  },
];

const newEndpointSlice = NEW_SLICE.map((c) =>
  at('TestNewEndpointSlice', c.name, () => {
    const ports = [{ name: 'foo', port: 80, protocol: 'TCP' }];
    const slice = newSlice(c.svc, [], ports);
    expect(slice.metadata).toEqual({
      labels: c.labels,
      generateName: 'foo-',
      ownerReferences: [newControllerRef(c.svc)],
      namespace: 'test',
    });
    expect(slice.ports).toEqual(ports);
    expect(slice.addressType).toBe('IPv4');
    expect(slice.endpoints).toEqual([]);
  }),
);

const node1 = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: {
    name: 'node-1',
    labels: {
      'topology.kubernetes.io/zone': 'us-central1-a',
      'topology.kubernetes.io/region': 'us-central1',
    },
  },
} as unknown as KObject;

function endpoint(
  ip: string,
  [ready, serving, terminating]: [boolean, boolean, boolean],
  extra: Partial<Endpoint> = {},
): Endpoint {
  return {
    addresses: [ip],
    conditions: { ready, serving, terminating },
    ...extra,
    nodeName: 'node-1',
    targetRef: { kind: 'Pod', namespace: 'test', name: 'pod1', uid: 'uid-pod1' },
  };
}

function podToEndpointCases(): PortedCase[] {
  const svc = newService('foo');
  const publish = newService('publishnotready', { publishNotReadyAddresses: true });
  const hostnamePod = newPod(1, true);
  hostnamePod.spec.subdomain = 'foo';
  hostnamePod.spec.hostname = 'example-hostname';
  const multiIP = newPod(1, true);
  multiIP.status.podIPs = [{ ip: '1.2.3.4' }, { ip: '1234::5678:0000:0000:9abc:def0' }];
  const zone = { zone: 'us-central1-a' };
  const rows: Array<{ name: string; pod: KObject; svc: KObject; node?: KObject; want: Endpoint }> = [
    { name: 'Ready pod', pod: newPod(1, true), svc, want: endpoint('1.2.3.5', [true, true, false]) },
    {
      name: 'Ready pod + publishNotReadyAddresses',
      pod: newPod(1, true),
      svc: publish,
      want: endpoint('1.2.3.5', [true, true, false]),
    },
    { name: 'Unready pod', pod: newPod(1, false), svc, want: endpoint('1.2.3.5', [false, false, false]) },
    {
      name: 'Unready pod + publishNotReadyAddresses',
      pod: newPod(1, false),
      svc: publish,
      want: endpoint('1.2.3.5', [true, false, false]),
    },
    {
      name: 'Ready pod + node labels',
      pod: newPod(1, true),
      svc,
      node: node1,
      want: endpoint('1.2.3.5', [true, true, false], zone),
    },
    {
      name: 'Multi IP Ready pod + node labels',
      pod: multiIP,
      svc,
      node: node1,
      want: endpoint('1.2.3.4', [true, true, false], zone),
    },
    {
      name: 'Ready pod + hostname',
      pod: hostnamePod,
      svc,
      node: node1,
      want: endpoint('1.2.3.5', [true, true, false], { hostname: 'example-hostname', ...zone }),
    },
    {
      name: 'Ready terminating pod',
      pod: newPod(1, true, true),
      svc,
      want: endpoint('1.2.3.5', [false, true, true]),
    },
    {
      name: 'Not ready terminating pod',
      pod: newPod(1, false, true),
      svc,
      want: endpoint('1.2.3.5', [false, false, true]),
    },
  ];
  return rows.map((r) =>
    at('TestPodToEndpoint', r.name, () => {
      expect(podToEndpoint(r.svc, r.pod, undefined, r.node)).toEqual(r.want);
    }),
  );
}

const controllerKey = [
  { name: 'empty EndpointSlice', labels: undefined, want: undefined },
  { name: 'valid EndpointSlice', labels: { [SERVICE_NAME_LABEL]: 'svc' }, want: 'ns/svc' },
].map((c) =>
  at('TestServiceControllerKey', c.name, () => {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: '', namespace: 'ns', ...(c.labels ? { labels: c.labels } : {}) },
    } as unknown as KObject;
    expect(serviceControllerKey(slice)).toBe(c.want);
  }),
);

const SET_LABELS: Array<{
  name: string;
  slice?: Record<string, string>;
  svc: KObject;
  labels: Record<string, string>;
  updated: boolean;
}> = [
  {
    name: 'Service without labels and empty endpoint slice',
    svc: baseService(),
    labels: OWN,
    updated: false,
  },
  {
    name: 'Headless service with labels and empty endpoint slice',
    svc: baseService({ foo: 'bar' }, { clusterIP: 'None' }),
    labels: { ...OWN, [HEADLESS]: '', foo: 'bar' },
    updated: true,
  },
  {
    name: 'Headless service without labels and empty endpoint slice',
    svc: baseService(undefined, { clusterIP: 'None' }),
    labels: { ...OWN, [HEADLESS]: '' },
    updated: false,
  },
  {
    name: 'Non Headless service with Headless label and empty endpoint slice',
    svc: baseService({ [HEADLESS]: '' }),
    labels: OWN,
    updated: false,
  },
  {
    name: 'Headless Service change to ClusterIP Service with headless label',
    slice: { ...OWN, [HEADLESS]: '' },
    svc: baseService({ [HEADLESS]: '' }),
    labels: OWN,
    updated: false,
  },
  {
    name: 'Headless Service change to ClusterIP Service',
    slice: { ...OWN, [HEADLESS]: '' },
    svc: baseService(),
    labels: OWN,
    updated: false,
  },
  {
    name: 'Headless service and endpoint slice with same labels',
    slice: { ...OWN, foo: 'bar' },
    svc: baseService({ foo: 'bar' }, { clusterIP: 'None' }),
    labels: { ...OWN, [HEADLESS]: '', foo: 'bar' },
    updated: false,
  },
  {
    name: 'Service with labels and empty endpoint slice',
    svc: baseService({ foo: 'bar' }),
    labels: { ...OWN, foo: 'bar' },
    updated: true,
  },
  {
    name: 'Slice with labels and service without labels',
    slice: { ...OWN, foo: 'bar' },
    svc: baseService(),
    labels: OWN,
    updated: true,
  },
  {
    name: 'Slice with headless label and service with ClusterIP',
    slice: { ...OWN, [HEADLESS]: '' },
    svc: baseService(),
    labels: OWN,
    updated: false,
  },
  {
    name: 'Slice with reserved labels and service with labels',
    slice: OWN,
    svc: baseService({ foo: 'bar' }),
    labels: { ...OWN, foo: 'bar' },
    updated: true,
  },
  {
    name: 'Evil service trying to hijack slice labels only well-known slice labels',
    slice: OWN,
    svc: baseService({ [SERVICE_NAME_LABEL]: 'bad', [MANAGED_BY_LABEL]: 'actor', [HEADLESS]: 'invalid' }),
    labels: OWN,
    updated: false,
  },
  {
    name: 'Evil service trying to hijack slice labels with updates',
    slice: OWN,
    svc: baseService({ [SERVICE_NAME_LABEL]: 'bad', [MANAGED_BY_LABEL]: 'actor', foo: 'bar' }),
    labels: { ...OWN, foo: 'bar' },
    updated: true,
  },
];

const setLabels = SET_LABELS.map((c) =>
  at('TestSetEndpointSliceLabels', c.name, () => {
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: '', ...(c.slice ? { labels: c.slice } : {}) },
    } as unknown as KObject;
    expect(setEndpointSliceLabels(slice, c.svc)).toEqual({ labels: c.labels, updated: c.updated });
  }),
);

export const cases: PortedCase[] = [
  ...newEndpointSlice,
  ...podToEndpointCases(),
  ...controllerKey,
  ...setLabels,
];
