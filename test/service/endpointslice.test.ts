/** The EndpointSlice controller: endpoints follow pods, conditions as Kubernetes sets them, 100 per slice. */
import { describe, expect, it } from 'vitest';
import { EndpointSliceController } from '../../src/controllers/endpointslice/controller.ts';
import { ENDPOINTSLICE_VARIANTS } from '../../src/controllers/endpointslice/variants.ts';
import { serviceEndpointsConverge } from '../../src/invariants/service-endpoints-converge.ts';
import { node, runTo, worldWith } from '../sim/helpers.ts';
import { appPod, endpointLines, service, slicesOf, worldWithSlices } from './helpers.ts';

describe('EndpointSlice controller', () => {
  it('writes one endpoint per selected pod with an IP, owned by and labelled for the Service', () => {
    const w = worldWithSlices();
    w.store.create('user', service('web'));
    w.store.create('user', appPod('a', 'web', 'node-1'));
    w.store.create('user', appPod('b', 'web', 'node-2'));
    w.store.create('user', appPod('other', 'db', 'node-1'));
    runTo(w, 10_000);
    expect(endpointLines(w, 'web')).toEqual(['a 10.244.0.2 RS-', 'b 10.244.1.2 RS-']);
    const [slice] = slicesOf(w, 'web');
    expect(slice!.metadata.labels).toEqual({
      'kubernetes.io/service-name': 'web',
      'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
    });
    expect(slice!.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Service',
      name: 'web',
      controller: true,
    });
    expect(slice!.addressType).toBe('IPv4');
    expect(slice!.ports).toEqual([{ port: 80, protocol: 'TCP' }]);
  });

  it('a Service without endpoints keeps one empty placeholder slice', () => {
    const w = worldWithSlices();
    w.store.create('user', service('web'));
    runTo(w, 5_000);
    expect(slicesOf(w, 'web').map((s) => s.endpoints)).toEqual([[]]);
  });

  it('a not-ready pod is serving=false, ready=false; publishNotReadyAddresses makes it ready', () => {
    const w = worldWithSlices();
    w.store.create('user', service('web'));
    w.store.create(
      'user',
      service('peers', { selector: { app: 'web' }, publishNotReadyAddresses: true, clusterIP: 'None' }),
    );
    w.store.create('user', appPod('a', 'web', 'node-1', {}));
    runTo(w, 5_000);
    const c = w.machines.get('node-1')!.containers.values().next().value!;
    w.kubelet.unready(w.machines.get('node-1')!, c, 30_000);
    runTo(w, 10_000);
    expect(endpointLines(w, 'web')).toEqual(['a 10.244.0.2 ---']);
    expect(endpointLines(w, 'peers')).toEqual(['a 10.244.0.2 R--']);
    runTo(w, 40_000);
    expect(endpointLines(w, 'web')).toEqual(['a 10.244.0.2 RS-']);
  });

  it('a terminating pod stays, terminating and not ready, until it is gone', () => {
    const w = worldWithSlices();
    w.store.create('user', service('web'));
    w.store.create('user', appPod('a', 'web', 'node-1'));
    runTo(w, 5_000);
    w.store.delete('user', 'Pod', 'default/a');
    runTo(w, 5_200);
    expect(endpointLines(w, 'web')).toEqual(['a 10.244.0.2 -ST']);
    runTo(w, 60_000);
    expect(endpointLines(w, 'web')).toEqual([]);
  });

  it('splits 250 endpoints into slices of at most 100 and deletes slices with the Service', () => {
    const w = worldWithSlices(3);
    w.store.create('user', service('web'));
    for (let i = 0; i < 250; i++) w.store.create('user', appPod(`p${i}`, 'web', `node-${(i % 3) + 1}`));
    runTo(w, 30_000);
    const sizes = slicesOf(w, 'web')
      .map((s) => s.endpoints!.length)
      .sort((a, b) => b - a);
    expect(sizes).toEqual([100, 100, 50]);
    expect(new Set(endpointLines(w, 'web')).size).toBe(250);
    w.store.delete('user', 'Service', 'default/web');
    runTo(w, 40_000);
    expect(slicesOf(w, 'web')).toEqual([]);
  });
});

/** Regression tests for the differences the ported reconciler_test.go cases found (CONFORMANCE.md, "Fixed"). */
describe('EndpointSlice controller: conformance fixes in a running world', () => {
  it('reconciler_test.go TestReconcile1Pod/ipv4-labels: slices carry the Service labels, endpoints their node zone', () => {
    const w = worldWith([node('node-1', { 'topology.kubernetes.io/zone': 'zone-a' })]);
    const c = new EndpointSliceController(w, ENDPOINTSLICE_VARIANTS.correct!.variant);
    w.controllers.set('endpointslice', c);
    c.start();
    const svc = service('web');
    w.store.create('user', { ...svc, metadata: { ...svc.metadata, labels: { tier: 'front' } } });
    w.store.create('user', appPod('a', 'web', 'node-1'));
    runTo(w, 10_000);
    const [slice] = slicesOf(w, 'web');
    expect(slice!.metadata.labels).toMatchObject({ tier: 'front', 'kubernetes.io/service-name': 'web' });
    expect(slice!.endpoints!.map((e) => e.zone)).toEqual(['zone-a']);
  });

  it('reconciler_test.go TestReconcileEndpointSlicesServicesLabelsUpdating: a Service label change updates its slice', () => {
    const w = worldWithSlices();
    w.store.create('user', service('web'));
    w.store.create('user', appPod('a', 'web', 'node-1'));
    runTo(w, 10_000);
    const svc = w.store.get('Service', 'default/web')!;
    w.store.update('user', { ...svc, metadata: { ...svc.metadata, labels: { tier: 'front' } } });
    runTo(w, 20_000);
    expect(slicesOf(w, 'web').map((s) => s.metadata.labels?.tier)).toEqual(['front']);
  });

  it('endpointslice_controller_test.go TestServiceExternalNameTypeSync: no slices, and the judge expects none', () => {
    const w = worldWithSlices();
    w.store.create('user', service('web', { type: 'ExternalName', externalName: 'db.example' }));
    w.store.create('user', appPod('a', 'web', 'node-1'));
    runTo(w, 10_000);
    expect(slicesOf(w, 'web')).toEqual([]);
    const ctx = { phase: 'settled' as const, memo: new Map<string, unknown>(), held: () => {} };
    expect(serviceEndpointsConverge.check(w, ctx)).toEqual([]);
  });
});
