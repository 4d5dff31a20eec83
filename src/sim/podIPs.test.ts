import { describe, expect, it } from 'vitest';
import { PodIPs } from './podIPs.ts';

describe('PodIPs', () => {
  it('gives each node a /24 in join order and addresses after the last one given', () => {
    const ips = new PodIPs();
    ips.addNode('node-1', 110);
    ips.addNode('node-2', 110);
    expect(ips.podCIDR('node-2')).toBe('10.244.1.0/24');
    expect(ips.allocate('node-1')).toBe('10.244.0.2');
    const b = ips.allocate('node-1')!;
    expect(b).toBe('10.244.0.3');
    ips.release('node-1', b);
    // host-local moves on: a recreated pod does not get its predecessor's address.
    expect(ips.allocate('node-1')).toBe('10.244.0.4');
    expect(ips.allocate('node-2')).toBe('10.244.1.2');
  });

  it('wraps around and reports a full CIDR', () => {
    const ips = new PodIPs();
    ips.addNode('n', 10);
    const all = Array.from({ length: 253 }, () => ips.allocate('n'));
    expect(new Set(all).size).toBe(253);
    expect(all.at(-1)).toBe('10.244.0.254');
    expect(ips.allocate('n')).toBeUndefined();
    ips.release('n', '10.244.0.7');
    expect(ips.allocate('n')).toBe('10.244.0.7');
  });

  it('sizes a large node a bigger aligned block', () => {
    const ips = new PodIPs();
    ips.addNode('a', 110);
    ips.addNode('b', 1000);
    ips.addNode('c', 110);
    expect(ips.podCIDR('b')).toBe('10.244.4.0/22');
    expect(ips.podCIDR('c')).toBe('10.244.8.0/24');
  });

  it('allocates ClusterIPs from 10.96.0.2 and reuses released ones only after wrapping', () => {
    const ips = new PodIPs();
    expect(ips.allocateClusterIP()).toBe('10.96.0.2');
    expect(ips.allocateClusterIP()).toBe('10.96.0.3');
    ips.releaseClusterIP('10.96.0.2');
    expect(ips.allocateClusterIP()).toBe('10.96.0.4');
  });
});
