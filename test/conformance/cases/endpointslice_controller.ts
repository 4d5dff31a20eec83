/**
 * pkg/controller/endpointslice/endpointslice_controller_test.go: what the controller does before the
 * reconciler begins. A case that calls `syncService` on a fake client runs here through a simulated
 * world with the EndpointSlice controller (its informer lag included) and compares the slices the
 * API store holds afterwards; a case that only checks which slices and pods a sync works from runs
 * `managedSlices`, `desiredEndpoints` and `reconcile` on the cache it builds.
 */
import { expect } from 'vitest';
import {
  desiredEndpoints,
  MANAGED_BY,
  MANAGED_BY_LABEL,
  managedSlices,
  reconcile,
  SERVICE_NAME_LABEL,
} from '../../../src/controllers/endpointslice/plan.ts';
import { newControllerRef } from '../../../src/model/pod.ts';
import type { Endpoint, KObject } from '../../../src/model/types.ts';
import { appPod, service, slicesOf, worldWithSlices } from '../../service/helpers.ts';
import { runTo } from '../../sim/helpers.ts';
import type { PortedCase, Source } from '../harness.ts';
import { SINGLE_STACK } from './endpointslice_reconciler.ts';

export const SOURCE: Source = {
  controller: 'EndpointSlice',
  file: 'pkg/controller/endpointslice/endpointslice_controller_test.go',
  version: '003e86297d18a8538c9da3619871393f9703bf70',
};

const at = (func: string, name: string, run: () => void, deviation?: string): PortedCase => ({
  source: SOURCE,
  func,
  name,
  run,
  ...(deviation ? { deviation } : {}),
});

/** A world with node-1 and node-2, a pod `pod1` labelled app=foo on node-1, and these Services. */
function syncWorld(services: Array<Record<string, unknown>>): ReturnType<typeof worldWithSlices> {
  const w = worldWithSlices();
  w.store.create('user', appPod('pod1', 'foo', 'node-1'));
  for (const spec of services) w.store.create('user', service('testing-1', spec));
  runTo(w, 10_000);
  return w;
}

const noSelector = at('TestSyncServiceNoSelector', 'no slices for a Service without a selector', () => {
  const w = syncWorld([{ selector: undefined, ports: [{ port: 80, targetPort: 80 }] }]);
  expect(slicesOf(w, 'testing-1')).toEqual([]);
});

const externalName = [
  { desc: 'External name with selector and ports', spec: { ports: [{ port: 80 }] } },
  { desc: 'External name with ports', spec: { selector: undefined, ports: [{ port: 80 }] } },
  { desc: 'External name with selector', spec: { ports: undefined } },
  { desc: 'External name without selector and ports', spec: { selector: undefined, ports: undefined } },
].map((c) =>
  at('TestServiceExternalNameTypeSync', `${c.desc} should not receive endpoint slices`, () => {
    const w = syncWorld([
      { selector: { app: 'foo' }, ...c.spec, type: 'ExternalName', externalName: 'x.example' },
    ]);
    expect(slicesOf(w, 'testing-1')).toEqual([]);
  }),
);

const withSelector = at(
  'TestSyncServiceWithSelector',
  'a placeholder slice for a Service without pods',
  () => {
    const w = syncWorld([{ selector: { app: 'none' } }]);
    const slices = slicesOf(w, 'testing-1');
    expect(slices).toHaveLength(1);
    expect(slices[0]!.metadata.name.startsWith('testing-1')).toBe(true);
    expect(slices[0]!.metadata.labels?.[SERVICE_NAME_LABEL]).toBe('testing-1');
    expect(slices[0]!.ports).toEqual([]);
    expect(slices[0]!.endpoints).toEqual([]);
  },
);

const podSelection = at('TestSyncServicePodSelection', 'only the pod the selector matches', () => {
  const w = worldWithSlices();
  w.store.create('user', appPod('pod1', 'foo', 'node-1'));
  w.store.create('user', appPod('pod2', 'boo', 'node-1'));
  w.store.create('user', service('testing-1', { selector: { app: 'foo' } }));
  runTo(w, 10_000);
  const slices = slicesOf(w, 'testing-1');
  expect(slices).toHaveLength(1);
  expect(slices[0]!.endpoints!.map((e) => e.targetRef.name)).toEqual(['pod1']);
  expect(slices[0]!.endpoints![0]!.targetRef).toMatchObject({
    kind: 'Pod',
    namespace: 'default',
    name: 'pod1',
  });
});

function svcObj(spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'testing-1', namespace: 'default', uid: 'uid-testing-1' },
    spec: { selector: { foo: 'bar' }, ports: [{ targetPort: 80 }], ...spec },
  } as unknown as KObject;
}

function sliceObj(
  name: string,
  labels: Record<string, string>,
  extra: Record<string, unknown> = {},
): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', labels, ...extra },
    addressType: 'IPv4',
  } as unknown as KObject;
}

const OURS = { [SERVICE_NAME_LABEL]: 'testing-1', [MANAGED_BY_LABEL]: MANAGED_BY };

const pendingDeletion = at(
  'TestSyncServiceEndpointSlicePendingDeletion',
  'a slice being deleted is ignored',
  () => {
    const svc = svcObj();
    const placeholder = reconcile(svc, [], new Map())[0]!.slice;
    const existing = [
      {
        ...placeholder,
        metadata: { ...placeholder.metadata, name: 'testing-1-abc', uid: 'u1', resourceVersion: '1' },
      },
      sliceObj('epSlice-1', OURS, {
        ownerReferences: [newControllerRef(svc)],
        deletionTimestamp: '2026-01-01T00:00:00Z',
      }),
    ] as KObject[];
    const writes = reconcile(svc, managedSlices(svc, existing), new Map());
    expect(writes).toEqual([]);
  },
);

const labelSelection = at(
  'TestSyncServiceEndpointSliceLabelSelection',
  '5 slices, 2 ours: 1 update (the placeholder) + 1 delete',
  () => {
    const svc = svcObj();
    const owned = { ownerReferences: [newControllerRef(svc)] };
    const slices = [
      sliceObj('matching-1', OURS, owned),
      sliceObj('matching-2', OURS, owned),
      sliceObj('partially-matching-1', { [SERVICE_NAME_LABEL]: 'testing-1' }),
      sliceObj('not-matching-1', { ...OURS, [SERVICE_NAME_LABEL]: 'something-else' }),
      sliceObj('not-matching-2', { ...OURS, [MANAGED_BY_LABEL]: 'something-else' }),
    ];
    const ours = managedSlices(svc, slices);
    expect(ours.map((s) => s.metadata.name)).toEqual(['matching-1', 'matching-2']);
    expect(reconcile(svc, ours, new Map()).map((w) => w.op)).toEqual(['update', 'delete']);
  },
);

function syncPod(
  name: string,
  ip: string,
  opts: { ready?: boolean; terminating?: boolean; v6?: boolean } = {},
) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: 'default',
      name,
      uid: `uid-${name}`,
      labels: { foo: 'bar' },
      ...(opts.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'container-1' }], nodeName: 'node-1' },
    status: {
      podIP: ip,
      podIPs: [{ ip }, ...(opts.v6 ? [{ ip: 'fd08::5678:0000:0000:9abc:def0' }] : [])],
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    },
  } as unknown as KObject;
}

const SYNC_PORTS = [
  { name: 'tcp-example', targetPort: 80, protocol: 'TCP' },
  { name: 'udp-example', targetPort: 161, protocol: 'UDP' },
  { name: 'sctp-example', targetPort: 3456, protocol: 'SCTP' },
];

const conds = (ready: boolean, serving: boolean, terminating: boolean) => ({ ready, serving, terminating });

const SYNC: Array<{
  name: string;
  pods: KObject[];
  want: Array<[string, string, ReturnType<typeof conds>]>;
  deviation?: string;
}> = [
  {
    name: 'pods with multiple IPs and Service with ipFamilies=ipv4',
    pods: [syncPod('pod0', '10.0.0.1'), syncPod('pod1', '10.0.0.2', { v6: true })],
    want: [
      ['pod0', '10.0.0.1', conds(true, true, false)],
      ['pod1', '10.0.0.2', conds(true, true, false)],
    ],
  },
  {
    name: 'pods with multiple IPs and Service with ipFamilies=ipv6',
    pods: [syncPod('pod0', '10.0.0.1'), syncPod('pod1', '10.0.0.2', { v6: true })],
    // Kubernetes: only pod1, at its IPv6 address; kubeprop's single IPv4 slice lists both.
    want: [
      ['pod0', '10.0.0.1', conds(true, true, false)],
      ['pod1', '10.0.0.2', conds(true, true, false)],
    ],
    deviation: SINGLE_STACK,
  },
  {
    name: 'Terminating pods',
    pods: [syncPod('pod0', '10.0.0.1'), syncPod('pod1', '10.0.0.2', { terminating: true })],
    want: [
      ['pod0', '10.0.0.1', conds(true, true, false)],
      ['pod1', '10.0.0.2', conds(false, true, true)],
    ],
  },
  {
    name: 'Not ready terminating pods',
    pods: [syncPod('pod0', '10.0.0.1'), syncPod('pod1', '10.0.0.2', { ready: false, terminating: true })],
    want: [
      ['pod0', '10.0.0.1', conds(true, true, false)],
      ['pod1', '10.0.0.2', conds(false, false, true)],
    ],
  },
];

const syncService = SYNC.map((c) =>
  at(
    'TestSyncService',
    c.name,
    () => {
      const svc = svcObj({ ports: SYNC_PORTS, ipFamilies: c.deviation ? ['IPv6'] : ['IPv4'] });
      const writes = reconcile(svc, [], desiredEndpoints(svc, c.pods));
      expect(writes.map((w) => w.op)).toEqual(['create']);
      const slice = writes[0]!.slice;
      const byName = (a: { name?: string }, b: { name?: string }) => (a.name! < b.name! ? -1 : 1);
      expect([...slice.ports!].sort(byName)).toEqual(
        [
          { name: 'sctp-example', protocol: 'SCTP', port: 3456 },
          { name: 'udp-example', protocol: 'UDP', port: 161 },
          { name: 'tcp-example', protocol: 'TCP', port: 80 },
        ].sort(byName),
      );
      expect(
        slice.endpoints!.map((e: Endpoint) => [e.targetRef.name, e.addresses[0], e.conditions, e.nodeName]),
      ).toEqual(c.want.map(([n, ip, cd]) => [n, ip, cd, 'node-1']));
    },
    c.deviation,
  ),
);

export const cases: PortedCase[] = [
  noSelector,
  ...externalName,
  withSelector,
  podSelection,
  pendingDeletion,
  labelSelection,
  ...syncService,
];
