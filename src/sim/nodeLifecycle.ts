/**
 * The node lifecycle controller. Lease renewals are computed rather than simulated one by one: when
 * a kubelet stops reporting (crash or partition), its Ready condition turns Unknown at the first
 * 5 s monitor tick after its last renewal + node-monitor-grace-period (50 s). Then the node gets
 * the unreachable NoSchedule taint at once, its pods are marked NotReady, and the unreachable
 * NoExecute taint follows through a per-zone rate limiter (0.1 nodes/s; 0.01 or 0 in a partial
 * disruption; none at all when every zone is fully disrupted).
 */
import { TAINT_NOT_READY, TAINT_UNREACHABLE } from '../model/taints.ts';
import { formatTimestamp } from '../model/time.ts';
import type { KObject, Taint } from '../model/types.ts';
import type { Timer } from './clock.ts';
import { isReporting, lastRenewalAt, type Machine, nextRenewalAfter } from './machine.ts';
import { nodeReadyStatus, nodeZone, readyCondition } from './nodes.ts';
import { withCondition } from './podStatus.ts';
import type { World } from './world.ts';
import { zoneEvictionRate } from './zones.ts';

export const NODE_MONITOR_GRACE_MS = 50_000;
const MONITOR_PERIOD_MS = 5_000;
const ACTOR = 'node-lifecycle-controller';

export class NodeLifecycle {
  private readonly unknownTimers = new Map<string, Timer>();
  /** Per zone: nodes waiting for their NoExecute taint, and when the limiter next allows one. */
  private readonly tainter = new Map<string, { queue: string[]; nextAt: number; timer?: Timer }>();

  constructor(private readonly world: World) {}

  /** The kubelet of `m` stopped renewing its lease (crash or partition). */
  stoppedReporting(m: Machine): void {
    m.stoppedReportingAtMs = this.world.now;
    const deadline = lastRenewalAt(m, this.world.now) + NODE_MONITOR_GRACE_MS;
    const tick = Math.max(this.world.now, Math.ceil(deadline / MONITOR_PERIOD_MS) * MONITOR_PERIOD_MS);
    this.world.clock.cancel(this.unknownTimers.get(m.name));
    this.unknownTimers.set(
      m.name,
      this.world.clock.at(tick, `${ACTOR}: lease of ${m.name} expired`, () => this.markUnknown(m)),
    );
  }

  /**
   * Graceful shutdown begins: the kubelet posts Ready=False ("node is shutting down") and
   * TaintNodesByCondition adds not-ready:NoSchedule, so nothing new is placed there; when its lease
   * expires the node turns Unknown like any silent node.
   */
  shuttingDown(m: Machine): void {
    this.world.store.patch(
      `kubelet/${m.name}`,
      'Node',
      m.name,
      (n) => ({
        ...n,
        status: {
          ...n.status,
          conditions: [
            {
              ...readyCondition('False', 'KubeletNotReady', this.world.now),
              message: 'node is shutting down',
            },
          ],
        },
      }),
      { status: true },
    );
    this.setTaint(m.name, { key: TAINT_NOT_READY, effect: 'NoSchedule' }, true);
  }

  /** The kubelet of `m` can report again: it posts Ready at its next renewal and re-syncs its pods. */
  resumedReporting(m: Machine): void {
    this.world.clock.cancel(this.unknownTimers.get(m.name));
    this.unknownTimers.delete(m.name);
    m.stoppedReportingAtMs = undefined;
    this.world.clock.at(
      nextRenewalAfter(m, this.world.now),
      `kubelet/${m.name}: renews lease, posts status`,
      () => {
        if (!isReporting(m)) return;
        this.postReady(m);
        this.world.kubelet.resync(m);
        const tick = Math.ceil((this.world.now + 1) / MONITOR_PERIOD_MS) * MONITOR_PERIOD_MS;
        this.world.clock.at(tick, `${ACTOR}: ${m.name} is Ready again`, () => this.markReachable(m));
      },
    );
  }

  private postReady(m: Machine): void {
    const node = this.world.store.get('Node', m.name);
    if (!node || nodeReadyStatus(node) === 'True') return;
    this.world.store.patch(
      `kubelet/${m.name}`,
      'Node',
      m.name,
      (n) => ({
        ...n,
        status: { ...n.status, conditions: [readyCondition('True', 'KubeletReady', this.world.now)] },
      }),
      { status: true },
    );
  }

  private markUnknown(m: Machine): void {
    this.unknownTimers.delete(m.name);
    const node = this.world.store.get('Node', m.name);
    if (!node || isReporting(m)) return;
    this.world.store.patch(
      ACTOR,
      'Node',
      m.name,
      (n) => ({
        ...n,
        status: { ...n.status, conditions: [readyCondition('Unknown', 'NodeStatusUnknown', this.world.now)] },
      }),
      { status: true },
    );
    this.setTaint(m.name, { key: TAINT_UNREACHABLE, effect: 'NoSchedule' }, true);
    this.setTaint(m.name, { key: TAINT_NOT_READY, effect: 'NoSchedule' }, false);
    for (const pod of this.world.podsOnNode(m.name)) this.markPodNotReady(pod);
    this.enqueueNoExecute(m.name);
    this.pumpAll();
  }

  private markPodNotReady(pod: KObject): void {
    const ready = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'Ready');
    if (!ready || ready.status === 'False') return;
    this.world.store.patch(
      ACTOR,
      'Pod',
      `${pod.metadata.namespace}/${pod.metadata.name}`,
      (p) => ({
        ...p,
        status: {
          ...p.status,
          conditions: withCondition(
            p.status?.conditions ?? [],
            'Ready',
            'False',
            this.world.now,
            'NodeNotReady',
          ),
        },
      }),
      { status: true, uid: pod.metadata.uid },
    );
  }

  private markReachable(m: Machine): void {
    if (!isReporting(m)) return;
    this.setTaint(m.name, { key: TAINT_UNREACHABLE, effect: 'NoExecute' }, false);
    this.setTaint(m.name, { key: TAINT_UNREACHABLE, effect: 'NoSchedule' }, false);
    this.setTaint(m.name, { key: TAINT_NOT_READY, effect: 'NoSchedule' }, false);
    for (const z of this.tainter.values()) z.queue = z.queue.filter((n) => n !== m.name);
    this.pumpAll();
  }

  /** Node health changed somewhere: zone states (and so eviction rates) may have changed. */
  private pumpAll(): void {
    for (const zone of [...this.tainter.keys()].sort()) this.pumpZone(zone);
  }

  private enqueueNoExecute(node: string): void {
    const obj = this.world.store.get('Node', node);
    if (!obj) return;
    const zone = nodeZone(obj);
    let z = this.tainter.get(zone);
    if (!z) {
      z = { queue: [], nextAt: 0 };
      this.tainter.set(zone, z);
    }
    if (!z.queue.includes(node)) z.queue.push(node);
    this.pumpZone(zone);
  }

  /** Adds NoExecute taints in a zone at the rate its disruption state allows. */
  private pumpZone(zone: string): void {
    const z = this.tainter.get(zone)!;
    if (z.timer || z.queue.length === 0) return;
    // Paused by a disruption: markUnknown / markReachable pump every zone again when nodes change.
    const rate = zoneEvictionRate(this.world, zone);
    if (rate === 0) return;
    const at = Math.max(this.world.now, z.nextAt);
    z.timer = this.world.clock.at(at, `${ACTOR}: taint next unreachable node in zone '${zone}'`, () => {
      z.timer = undefined;
      if (zoneEvictionRate(this.world, zone) === 0) return;
      const node = z.queue.shift();
      if (node !== undefined && !isReporting(this.world.machines.get(node)!)) {
        this.setTaint(node, { key: TAINT_UNREACHABLE, effect: 'NoExecute' }, true);
        z.nextAt = this.world.now + 1000 / rate;
      }
      this.pumpZone(zone);
    });
  }

  /** Adds or removes one taint on a node (the `timeAdded` stamp drives tolerationSeconds). */
  setTaint(node: string, taint: Taint, present: boolean): void {
    const obj = this.world.store.get('Node', node);
    if (!obj) return;
    const taints = (obj.spec?.taints ?? []) as Taint[];
    const has = taints.some((t) => t.key === taint.key && t.effect === taint.effect);
    if (has === present) return;
    const next = present
      ? [...taints, { ...taint, timeAdded: formatTimestamp(this.world.now) }]
      : taints.filter((t) => !(t.key === taint.key && t.effect === taint.effect));
    this.world.store.patch(ACTOR, 'Node', node, (n) => ({
      ...n,
      spec: { ...n.spec, taints: next.length > 0 ? next : undefined },
    }));
  }
}
