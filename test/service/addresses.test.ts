/** Pod IPs from each node's pod CIDR, released with the sandbox; Service ClusterIPs at create. */
import { describe, expect, it } from 'vitest';
import { bare, node, pod, runTo, worldWith } from '../sim/helpers.ts';

describe('pod and Service addresses', () => {
  it('a started pod has an IP from its node, and a recreated pod gets a new one', () => {
    const w = worldWith([node('node-1')]);
    w.store.create('user', bare('a', { nodeName: 'node-1' }));
    runTo(w, 5_000);
    const first = pod(w, 'a')!.status;
    expect(first.podIP).toBe('10.244.0.2');
    expect(first.podIPs).toEqual([{ ip: '10.244.0.2' }]);
    w.store.delete('user', 'Pod', 'default/a');
    runTo(w, 60_000);
    expect(pod(w, 'a')).toBeUndefined();
    w.store.create('user', bare('a', { nodeName: 'node-1' }));
    runTo(w, 70_000);
    expect(pod(w, 'a')!.status.podIP).toBe('10.244.0.3');
  });

  it('each node has its own pod CIDR', () => {
    const w = worldWith([node('node-1'), node('node-2')]);
    w.store.create('user', bare('b', { nodeName: 'node-2' }));
    runTo(w, 5_000);
    expect(pod(w, 'b')!.status.podIP).toBe('10.244.1.2');
  });

  it('a Service gets a ClusterIP unless headless', () => {
    const w = worldWith([node('node-1')]);
    const svc = (name: string, spec: Record<string, unknown>) => ({
      apiVersion: 'v1',
      kind: 'Service' as const,
      metadata: { name },
      spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
    });
    w.store.create('user', svc('web', {}));
    w.store.create('user', svc('db', { clusterIP: 'None' }));
    expect(w.store.get('Service', 'default/web')!.spec.clusterIP).toBe('10.96.0.2');
    expect(w.store.get('Service', 'default/db')!.spec.clusterIP).toBe('None');
  });
});
