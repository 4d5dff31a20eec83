/**
 * Pod and Service addresses, deterministic. Each node gets its own pod CIDR carved from the cluster
 * CIDR 10.244.0.0/16 upwards in the order nodes join (the node IPAM controller's job): a /24 for the
 * default 110 pods, larger for a node that holds more. Within a node, addresses are handed out as
 * the CNI host-local plugin does: the next free address after the last one given, wrapping, so a pod
 * recreated on the same node gets a new IP rather than its predecessor's. Service ClusterIPs come
 * from 10.96.0.0/12 in creation order (10.96.0.1 is the `kubernetes` Service, so the first is .2).
 */

const POD_CIDR_BASE = ipToInt('10.244.0.0');
const SERVICE_CIDR_BASE = ipToInt('10.96.0.0');
const SERVICE_CIDR_SIZE = 1 << 20;

interface NodeRange {
  /** The first address of the node's pod CIDR. */
  base: number;
  /** How many addresses the CIDR holds (a power of two, at least 256). */
  size: number;
  /** 1 at each offset in use (a byte per address: a node's few hundred, read once per pod). */
  used: Uint8Array;
  /** The offset handed out last (host-local's "last reserved IP"). */
  last: number;
}

export class PodIPs {
  private readonly nodes = new Map<string, NodeRange>();
  private next = POD_CIDR_BASE;
  private serviceNext = 2;
  private readonly servicesUsed = new Set<number>();

  /** A node joins: it gets a pod CIDR sized for its capacity (kept if it rejoins under the same name). */
  addNode(name: string, podCapacity: number): void {
    if (this.nodes.has(name)) return;
    let size = 256;
    // Network and broadcast addresses plus the gateway (.1) are not pods'.
    while (size - 3 < podCapacity) size *= 2;
    // Align the block to its size, as a CIDR is.
    const base = Math.ceil(this.next / size) * size;
    this.next = base + size;
    this.nodes.set(name, { base, size, used: new Uint8Array(size), last: 1 });
  }

  /** The node's pod CIDR, e.g. `10.244.3.0/24`. */
  podCIDR(name: string): string | undefined {
    const r = this.nodes.get(name);
    return r && `${intToIp(r.base)}/${32 - Math.log2(r.size)}`;
  }

  /** The next free address on the node, or undefined when its CIDR is full. */
  allocate(node: string): string | undefined {
    const r = this.nodes.get(node);
    if (!r) return undefined;
    const hosts = r.size - 3;
    for (let i = 1; i <= hosts; i++) {
      // Offsets 2 .. size-2: .0 is the network, .1 the gateway, the last the broadcast address.
      const off = ((r.last - 2 + i) % hosts) + 2;
      if (r.used[off] === 1) continue;
      r.used[off] = 1;
      r.last = off;
      return intToIp(r.base + off);
    }
    return undefined;
  }

  /** The pod's sandbox is gone: its address may be given again. */
  release(node: string, ip: string): void {
    const r = this.nodes.get(node);
    if (!r) return;
    const off = ipToInt(ip) - r.base;
    // An address outside the node's CIDR was never handed out by it.
    if (off >= 0 && off < r.size) r.used[off] = 0;
  }

  /** A ClusterIP for a new Service, or undefined when the range is exhausted. */
  allocateClusterIP(): string | undefined {
    for (let i = 0; i < SERVICE_CIDR_SIZE - 3; i++) {
      const off = ((this.serviceNext - 2 + i) % (SERVICE_CIDR_SIZE - 3)) + 2;
      if (this.servicesUsed.has(off)) continue;
      this.servicesUsed.add(off);
      this.serviceNext = off + 1;
      return intToIp(SERVICE_CIDR_BASE + off);
    }
    return undefined;
  }

  /** A Service is deleted: its ClusterIP returns to the range. */
  releaseClusterIP(ip: string): void {
    this.servicesUsed.delete(ipToInt(ip) - SERVICE_CIDR_BASE);
  }
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

export function intToIp(n: number): string {
  // join, not a template: a template leaves a pod's IP as a concatenated string of two parts
  // (26 bytes more each, at 150,000 pods); a literal array rather than map() keeps it fast.
  return [octet(n, 24), octet(n, 16), octet(n, 8), octet(n, 0)].join('.');
}

function octet(n: number, shift: number): number {
  return Math.floor(n / 2 ** shift) % 256;
}
