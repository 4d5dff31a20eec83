/**
 * staging/src/k8s.io/endpointslice/reconciler_test.go → `endpointslice/plan.ts` `reconcile` over the
 * pods and slices the case builds, its writes applied by a fake client (endpointslice_fake.ts). What
 * is compared is what the Go test compares: the client's actions (verbs, in order), the slice sizes
 * (`expectUnorderedSlicesWithLengths`), and for single-pod cases the slice's labels and endpoint.
 */
import { expect } from 'vitest';
import { podToEndpoint, SERVICE_NAME_LABEL } from '../../../src/controllers/endpointslice/plan.ts';
import type { Endpoint, KObject } from '../../../src/model/types.ts';
import type { PortedCase, Source } from '../harness.ts';
import { FakeClient, newEmptyEndpointSlice, newPod, newService, pods } from './endpointslice_fake.ts';

export const SOURCE: Source = {
  controller: 'EndpointSlice',
  file: 'staging/src/k8s.io/endpointslice/reconciler_test.go',
  version: 'c60ae89c6698664a79713343eb8bc78c87cc82ae',
};

const at = (func: string, name: string, run: () => void, deviation?: string): PortedCase => ({
  source: SOURCE,
  func,
  name,
  run,
  ...(deviation ? { deviation } : {}),
});

export const SINGLE_STACK =
  'kubeprop models single-stack IPv4 clusters: every Service gets one IPv4 slice, so an IPv6 or dual-stack Service gets the IPv4 slice (the case checks that answer)';

const MANAGED = { 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' };
const HEADLESS = { 'service.kubernetes.io/headless': '' };

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

/** pod1 of TestReconcile1Pod: two pod IPs (IPv4 first) and a hostname but no subdomain. */
function pod1(): KObject {
  const p = newPod(1, true);
  p.status.podIPs = [{ ip: '1.2.3.4' }, { ip: '1234::5678:0000:0000:9abc:def0' }];
  p.spec.hostname = 'example-hostname';
  return p;
}

const expectedEndpoint: Endpoint = {
  addresses: ['1.2.3.4'],
  conditions: { ready: true, serving: true, terminating: false },
  zone: 'us-central1-a',
  nodeName: 'node-1',
  targetRef: { kind: 'Pod', namespace: 'test', name: 'pod1', uid: 'uid-pod1' },
};

const ONE_POD: Array<{
  name: string;
  svc: () => KObject;
  labels: Record<string, string>;
  deviation?: string;
}> = [
  {
    name: 'no-family-service',
    svc: () => newService('foo', { clusterIP: '10.0.0.10' }),
    labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo' },
  },
  { name: 'ipv4', svc: () => newService(), labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo', ...HEADLESS } },
  {
    name: 'ipv4-clusterip',
    svc: () => newService('foo', { clusterIP: '1.1.1.1' }),
    labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo' },
  },
  {
    name: 'ipv4-labels',
    svc: () => withLabels(newService(), { foo: 'bar' }),
    labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo', foo: 'bar', ...HEADLESS },
  },
  {
    name: 'ipv4-bad-labels',
    svc: () =>
      withLabels(newService(), {
        [SERVICE_NAME_LABEL]: 'bad',
        'endpointslice.kubernetes.io/managed-by': 'actor',
        'service.kubernetes.io/headless': 'invalid',
      }),
    labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo', ...HEADLESS },
  },
  {
    name: 'ipv6',
    svc: () => newService('foo', { ipFamilies: ['IPv6'] }),
    labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo', ...HEADLESS },
    deviation: SINGLE_STACK,
  },
  {
    name: 'ipv6-clusterip',
    svc: () => newService('foo', { ipFamilies: ['IPv6'], clusterIP: '1234::5678:0000:0000:9abc:def1' }),
    labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo' },
    deviation: SINGLE_STACK,
  },
  {
    name: 'dualstack-service',
    svc: () =>
      newService('foo', {
        ipFamilies: ['IPv4', 'IPv6'],
        clusterIP: '10.0.0.10',
        clusterIPs: ['10.0.0.10', '2000::1'],
      }),
    labels: { ...MANAGED, [SERVICE_NAME_LABEL]: 'foo' },
    deviation: SINGLE_STACK,
  },
];

function withLabels(svc: KObject, labels: Record<string, string>): KObject {
  return { ...svc, metadata: { ...svc.metadata, labels } };
}

const reconcile1Pod = ONE_POD.map((c) =>
  at(
    'TestReconcile1Pod',
    c.name,
    () => {
      const client = new FakeClient();
      const svc = c.svc();
      client.reconcile(svc, [pod1()], [node1]);
      // Kubernetes: one create per address family (IPv6 and dual-stack: an IPv6 slice); kubeprop: the IPv4 one.
      expect(client.actions).toEqual(['create']);
      expect(client.slices).toHaveLength(1);
      const [slice] = client.slices;
      expect(slice!.metadata.name.startsWith('foo')).toBe(true);
      expect(slice!.metadata.labels).toEqual(c.labels);
      expect(slice!.addressType).toBe('IPv4');
      expect(slice!.endpoints).toEqual([expectedEndpoint]);
    },
    c.deviation,
  ),
);

function reconcileEmpty(): PortedCase {
  return at('TestReconcileEmpty', 'a placeholder slice for a Service without pods', () => {
    const client = new FakeClient();
    client.reconcile(newService(), []);
    expect(client.actions).toEqual(['create']);
    expect(client.slices).toHaveLength(1);
    const [slice] = client.slices;
    expect(slice!.metadata.name.startsWith('foo')).toBe(true);
    expect(slice!.metadata.labels?.[SERVICE_NAME_LABEL]).toBe('foo');
    expect(slice!.ports).toEqual([]);
    expect(slice!.endpoints).toEqual([]);
  });
}

/** TestReconcile1EndpointSlice: an existing placeholder is kept as it is, or updated when it differs. */
function reconcile1EndpointSlice(): PortedCase[] {
  const svc = newService();
  const cases: Array<{ desc: string; existing?: () => KObject; want: string[] }> = [
    { desc: 'No existing placeholder', want: ['create'] },
    {
      desc: "Existing placeholder that's the same",
      existing: () => {
        const c = new FakeClient();
        c.reconcile(svc, []);
        return c.slices[0]!;
      },
      want: [],
    },
    {
      desc: "Existing placeholder that's different",
      existing: () => {
        const s = newEmptyEndpointSlice(1, svc);
        s.metadata.labels = { bar: 'baz' };
        return s;
      },
      want: ['update'],
    },
  ];
  return cases.map((c) =>
    at('TestReconcile1EndpointSlice', c.desc, () => {
      const client = new FakeClient(c.existing ? [c.existing()] : []);
      client.reconcile(svc, []);
      expect(client.actions).toEqual(c.want);
      expect(client.slices).toHaveLength(1);
      expect(client.slices[0]!.endpoints).toEqual([]);
      expect(client.slices[0]!.metadata.labels?.[SERVICE_NAME_LABEL]).toBe('foo');
    }),
  );
}

const publishNotReady = at('TestReconcile1EndpointSlicePublishNotReadyAddresses', 'all 50 ready', () => {
  const client = new FakeClient();
  client.reconcile(newService('foo', { publishNotReadyAddresses: true }), pods(50));
  expect(client.actions).toEqual(['create']);
  expect(client.slices.flatMap((s) => (s.endpoints ?? []).map((e: Endpoint) => e.conditions.ready))).toEqual(
    Array(50).fill(true),
  );
  expect(client.lengths()).toEqual([50]);
});

const manyPods = at('TestReconcileManyPods', '250 pods: 3 creates, 100 100 50', () => {
  const client = new FakeClient();
  client.reconcile(newService(), pods(250));
  expect(client.actions).toEqual(['create', 'create', 'create']);
  expect(client.lengths()).toEqual([100, 100, 50]);
});

/** Two existing slices: every fourth pod from 1 and every fourth from 3, below `count - 4`. */
function twoQuarterSlices(svc: KObject, all: KObject[]): KObject[] {
  const quarter = (from: number) =>
    newEmptyEndpointSlice(
      from === 1 ? 1 : 2,
      svc,
      all
        .filter((_, i) => i >= from && i < all.length - 4 && (i - from) % 4 === 0)
        .map((p) => podToEndpoint(svc, p)),
    );
  return [quarter(1), quarter(3)];
}

const somePreexisting = at(
  'TestReconcileEndpointSlicesSomePreexisting',
  '250 pods, slices of 62 and 61: 1 create + 1 update, 89 61 100',
  () => {
    const svc = newService();
    const all = pods(250);
    const client = new FakeClient(twoQuarterSlices(svc, all));
    expect(client.lengths()).toEqual([62, 61]);
    client.reconcile(svc, all);
    expect(client.actions).toEqual(['create', 'update']);
    expect(client.lengths()).toEqual([100, 89, 61]);
  },
);

const worseAllocation = at(
  'TestReconcileEndpointSlicesSomePreexistingWorseAllocation',
  '300 pods, slices of 74 and 74: 2 creates, 74 74 100 52',
  () => {
    const svc = newService();
    const all = pods(300);
    const client = new FakeClient(twoQuarterSlices(svc, all));
    expect(client.lengths()).toEqual([74, 74]);
    client.reconcile(svc, all);
    expect(client.actions).toEqual(['create', 'create']);
    expect(client.lengths()).toEqual([100, 74, 74, 52]);
  },
);

function withTargetPort(svc: KObject, port: number): KObject {
  return { ...svc, spec: { ...svc.spec, ports: [{ ...svc.spec.ports[0], targetPort: port }] } };
}

const updating = at('TestReconcileEndpointSlicesUpdating', 'a port change updates the 3 slices', () => {
  const svc = newService();
  const all = pods(250);
  const client = new FakeClient();
  client.reconcile(svc, all);
  client.actions = [];
  client.reconcile(withTargetPort(svc, 81), all);
  expect(client.actions).toEqual(['update', 'update', 'update']);
  expect(client.lengths()).toEqual([100, 100, 50]);
});

const labelsUpdating = at(
  'TestReconcileEndpointSlicesServicesLabelsUpdating',
  'new Service labels update the 3 slices',
  () => {
    const svc = newService();
    const all = pods(250);
    const client = new FakeClient();
    client.reconcile(svc, all);
    client.actions = [];
    client.reconcile(withLabels(svc, { foo: 'bar' }), all);
    expect(client.actions).toEqual(['update', 'update', 'update']);
    expect(client.lengths()).toEqual([100, 100, 50]);
    for (const s of client.slices) expect(s.metadata.labels?.foo).toBe('bar');
  },
);

const reservedLabels = at(
  'TestReconcileEndpointSlicesServicesReservedLabels',
  'reserved Service labels change nothing',
  () => {
    const svc = newService();
    const all = pods(250);
    const client = new FakeClient();
    client.reconcile(svc, all);
    client.actions = [];
    const evil = withLabels(svc, {
      [SERVICE_NAME_LABEL]: 'bad',
      'endpointslice.kubernetes.io/managed-by': 'actor',
      'service.kubernetes.io/headless': 'invalid',
    });
    client.reconcile(evil, all);
    expect(client.actions).toEqual([]);
    expect(client.lengths()).toEqual([100, 100, 50]);
  },
);

const recycling = at(
  'TestReconcileEndpointSlicesRecycling',
  '10 slices of 30: no-op, then a port change repacks into 3 (3 updates + 7 deletes)',
  () => {
    const svc = newService();
    const all = pods(300);
    const existing = Array.from({ length: 10 }, (_, n) =>
      newEmptyEndpointSlice(
        n,
        svc,
        all.slice(n * 30, n * 30 + 30).map((p) => podToEndpoint(svc, p)),
      ),
    );
    const client = new FakeClient(existing);
    client.reconcile(svc, all);
    expect(client.actions).toEqual([]);
    client.reconcile(withTargetPort(svc, 81), all);
    expect(client.actions).toEqual([...Array(3).fill('update'), ...Array(7).fill('delete')]);
    expect(client.lengths()).toEqual([100, 100, 100]);
  },
);

const updatePacking = at(
  'TestReconcileEndpointSlicesUpdatePacking',
  'slices of 80 and 20 both updated; 15 new pods go to the fuller: 95 20',
  () => {
    const svc = newService();
    const first = Array.from({ length: 80 }, (_, i) => newPod(i, true));
    const second = Array.from({ length: 20 }, (_, i) => newPod(100 + i, true));
    const client = new FakeClient([
      newEmptyEndpointSlice(
        1,
        svc,
        first.map((p) => podToEndpoint(svc, p)),
      ),
      newEmptyEndpointSlice(
        2,
        svc,
        second.map((p) => podToEndpoint(svc, p)),
      ),
    ]);
    const all = [...first, ...second];
    all.forEach((p, i) => {
      if (i % 10 === 0) p.status.conditions = [{ type: 'Ready', status: 'False' }];
    });
    for (let i = 200; i < 215; i++) all.push(newPod(i, true));
    client.reconcile(svc, all);
    expect(client.actions).toEqual(['update', 'update']);
    expect(client.lengths()).toEqual([95, 20]);
  },
);

const replaceDeprecated = at(
  'TestReconcileEndpointSlicesReplaceDeprecated',
  'slices of the deprecated IP address type are replaced: 100 30',
  () => {
    const svc = newService();
    const bare = newService('foo', { selector: undefined });
    const first = Array.from({ length: 80 }, (_, i) => newPod(i, true));
    const second = Array.from({ length: 50 }, (_, i) => newPod(100 + i, true));
    const ip = (s: KObject) => ({ ...s, addressType: 'IP' }) as KObject;
    const client = new FakeClient([
      ip(
        newEmptyEndpointSlice(
          1,
          svc,
          first.map((p) => podToEndpoint(bare, p)),
        ),
      ),
      ip(
        newEmptyEndpointSlice(
          2,
          svc,
          second.map((p) => podToEndpoint(bare, p)),
        ),
      ),
    ]);
    client.reconcile(svc, [...first, ...second]);
    expect(client.actions.filter((a) => a === 'delete')).toHaveLength(2);
    expect(client.lengths()).toEqual([100, 30]);
    for (const s of client.slices) expect(s.addressType).toBe('IPv4');
  },
);

function recreation(): PortedCase[] {
  return [
    { name: 'slice owned by Service', owned: true, want: [] as string[] },
    { name: 'slice owned by other Service UID', owned: false, want: ['create', 'delete'] },
  ].map((c) =>
    at('TestReconcileEndpointSlicesRecreation', c.name, () => {
      const svc = newService();
      const pod = newPod(1, true);
      const slice = newEmptyEndpointSlice(1, svc, [
        podToEndpoint(newService('foo', { selector: undefined }), pod),
      ]);
      if (!c.owned) slice.metadata.ownerReferences![0]!.uid = 'different';
      const client = new FakeClient([slice]);
      client.reconcile(svc, [pod]);
      expect(client.actions).toEqual(c.want);
      expect(client.slices).toHaveLength(1);
    }),
  );
}

const maxEndpointsPerSlice = [
  { max: 50, want: [50, 50, 50, 50, 50] },
  { max: 80, want: [80, 80, 80, 10] },
  { max: 150, want: [150, 100] },
  { max: 250, want: [250] },
  { max: 500, want: [250] },
].map((c) =>
  at('TestReconcileMaxEndpointsPerSlice', `maxEndpointsPerSlice: ${c.max}`, () => {
    const client = new FakeClient();
    client.reconcile(newService(), pods(250), [], c.max);
    expect(client.actions).toEqual(Array(c.want.length).fill('create'));
    expect(client.lengths()).toEqual(c.want);
  }),
);

const metrics = at(
  'TestReconcileEndpointSlicesMetrics',
  '20 pods: 1 create; then 10 of them: 1 update',
  () => {
    const svc = newService();
    const all = Array.from({ length: 20 }, (_, i) => newPod(i, true));
    const client = new FakeClient();
    client.reconcile(svc, all);
    expect(client.actions).toEqual(['create']);
    client.reconcile(svc, all.slice(0, 10));
    expect(client.actions).toEqual(['create', 'update']);
    expect(client.lengths()).toEqual([10]);
  },
);

export const cases: PortedCase[] = [
  reconcileEmpty(),
  ...reconcile1Pod,
  ...reconcile1EndpointSlice(),
  publishNotReady,
  manyPods,
  somePreexisting,
  worseAllocation,
  updating,
  labelsUpdating,
  reservedLabels,
  recycling,
  updatePacking,
  replaceDeprecated,
  ...recreation(),
  ...maxEndpointsPerSlice,
  metrics,
];
