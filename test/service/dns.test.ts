/** Cluster DNS from Services and EndpointSlices: search path, ClusterIP, headless, pod hostnames. */
import { describe, expect, it } from 'vitest';
import { candidates, resolve } from '../../src/sim/dns.ts';
import { runTo } from '../sim/helpers.ts';
import { appPod, service, worldWithSlices } from './helpers.ts';

describe('cluster DNS', () => {
  it('tries the search path first for short names, the name itself first with 5 dots', () => {
    expect(candidates('web')).toEqual([
      'web.default.svc.cluster.local',
      'web.svc.cluster.local',
      'web.cluster.local',
      'web',
    ]);
    expect(candidates('web.default.svc.cluster.local.')).toEqual(['web.default.svc.cluster.local']);
  });

  it('resolves a ClusterIP Service, a headless one to ready endpoints, and pod hostnames', () => {
    const w = worldWithSlices();
    w.store.create('user', service('web'));
    w.store.create('user', service('nginx', { clusterIP: 'None', selector: { app: 'db' } }));
    w.store.create('user', appPod('db-0', 'db', 'node-1', { hostname: 'db-0', subdomain: 'nginx' }));
    w.store.create('user', appPod('db-1', 'db', 'node-2', { hostname: 'db-1', subdomain: 'other' }));
    runTo(w, 10_000);
    expect(resolve(w.store, 'web')).toMatchObject({ kind: 'service', ips: ['10.96.0.2'] });
    expect(resolve(w.store, 'web.default')).toMatchObject({ kind: 'service' });
    expect(resolve(w.store, 'nginx')).toMatchObject({ kind: 'headless', ips: ['10.244.0.2', '10.244.1.2'] });
    expect(resolve(w.store, 'db-0.nginx')).toMatchObject({
      kind: 'pod',
      hostname: 'db-0',
      ips: ['10.244.0.2'],
    });
    expect(resolve(w.store, 'db-0.nginx.default.svc.cluster.local')).toMatchObject({ kind: 'pod' });
    // db-1's subdomain names another Service: no record under nginx.
    expect(resolve(w.store, 'db-1.nginx').kind).toBe('nxdomain');
    expect(resolve(w.store, 'missing').kind).toBe('nxdomain');
  });
});
