/**
 * kube-scheduler, reduced to what workload controllers rely on: filter nodes by nodeSelector,
 * required node affinity, taints (NoSchedule/NoExecute), spec.unschedulable, pod capacity and host
 * ports; score by spreading pods of the same owner, then by load; break ties with the seeded PRNG.
 * Large clusters are sampled like percentageOfNodesToScore (at least 100 feasible nodes, from a
 * rotating start) so a 5,000-node cluster costs the same per pod as a small one.
 */
import { podMatchesNodeSelectorAndAffinity, targetNodeNameOf } from '../model/affinity.ts';
import { extend } from '../model/objects.ts';
import { findUntoleratedTaint } from '../model/taints.ts';
import { formatTimestamp } from '../model/time.ts';
import type { KObject, Node, Toleration } from '../model/types.ts';
import type { WatchEvent } from './api/types.ts';
import type { Timer } from './clock.ts';
import { nodeTaints, podCapacity } from './nodes.ts';
import type { World } from './world.ts';

const SCHEDULE_DELAY_MS = 5;
const RETRY_DELAY_MS = 1_000;
const MIN_FEASIBLE = 100;

export class Scheduler {
  private active: string[] = [];
  private readonly queued = new Set<string>();
  private readonly unschedulable = new Set<string>();
  private timer: Timer | undefined;
  private nodeNames: string[] = [];
  private nodeNamesStale = false;
  private rotate = 0;
  private readonly load = new Map<string, number>();
  private readonly ownerLoad = new Map<string, Map<string, number>>();

  constructor(private readonly world: World) {
    world.store.watch((ev) => this.onEvent(ev));
  }

  private onEvent(ev: WatchEvent): void {
    if (ev.kind === 'Node') {
      // Rebuilt lazily: a cluster of 5,000 nodes joining one by one must not sort 5,000 times.
      if (ev.type !== 'MODIFIED') this.nodeNamesStale = true;
      this.retryUnschedulable();
      return;
    }
    if (ev.kind !== 'Pod') return;
    this.account(ev.old, -1);
    if (ev.type !== 'DELETED') this.account(ev.object, +1);
    const pod = ev.object;
    if (ev.type !== 'DELETED' && !pod.spec?.nodeName && !pod.metadata.deletionTimestamp)
      this.enqueue(ev.key, 0);
    if (ev.type === 'DELETED' || (ev.old && counted(ev.old) && !counted(ev.object)))
      this.retryUnschedulable();
  }

  private account(pod: KObject | undefined, delta: number): void {
    if (!pod || !counted(pod)) return;
    const node = pod.spec.nodeName as string;
    this.load.set(node, (this.load.get(node) ?? 0) + delta);
    const owner = controllerUid(pod);
    if (!owner) return;
    let m = this.ownerLoad.get(node);
    if (!m) {
      m = new Map();
      this.ownerLoad.set(node, m);
    }
    m.set(owner, (m.get(owner) ?? 0) + delta);
  }

  private enqueue(key: string, delayMs: number): void {
    if (!this.queued.has(key)) {
      this.queued.add(key);
      this.active.push(key);
    }
    if (!this.timer)
      this.timer = this.world.clock.after(
        delayMs + SCHEDULE_DELAY_MS,
        'scheduler: schedule pending pods',
        () => this.run(),
      );
  }

  private retryUnschedulable(): void {
    if (this.unschedulable.size === 0) return;
    const keys = [...this.unschedulable].sort();
    this.unschedulable.clear();
    for (const k of keys) this.enqueue(k, RETRY_DELAY_MS);
  }

  private run(): void {
    this.timer = undefined;
    const batch = this.active;
    this.active = [];
    this.queued.clear();
    for (const key of batch) {
      const pod = this.world.store.get('Pod', key);
      if (!pod || pod.spec?.nodeName || pod.metadata.deletionTimestamp) continue;
      const node = this.pickNode(pod);
      if (node) this.bind(key, pod, node);
      else this.markUnschedulable(key, pod);
    }
  }

  private pickNode(pod: KObject): string | undefined {
    const target = targetNodeNameOf(pod.spec);
    if (target !== undefined) return this.fits(pod, target) ? target : undefined;
    if (this.nodeNamesStale) {
      this.nodeNames = this.world.store.list('Node').map((n) => n.metadata.name);
      this.nodeNamesStale = false;
    }
    const names = this.nodeNames;
    const want =
      names.length <= MIN_FEASIBLE
        ? names.length
        : Math.max(MIN_FEASIBLE, Math.ceil((names.length * Math.max(5, 50 - names.length / 125)) / 100));
    const owner = controllerUid(pod);
    let best: string[] = [];
    let bestScore = Number.POSITIVE_INFINITY;
    let found = 0;
    for (let i = 0; i < names.length && found < want; i++) {
      const name = names[(this.rotate + i) % names.length]!;
      if (!this.fits(pod, name)) continue;
      found++;
      const same = owner ? (this.ownerLoad.get(name)?.get(owner) ?? 0) : 0;
      const score = same * 1_000_000 + (this.load.get(name) ?? 0);
      if (score < bestScore) {
        bestScore = score;
        best = [name];
      } else if (score === bestScore) best.push(name);
    }
    if (names.length > 0) this.rotate = (this.rotate + 1) % names.length;
    if (best.length === 0) return undefined;
    return best.length === 1 ? best[0] : this.world.streams.stream('scheduler').pick(best);
  }

  /** The Filter phase for one node. */
  private fits(pod: KObject, nodeName: string): boolean {
    const node = this.world.store.get('Node', nodeName);
    if (!node || node.metadata.deletionTimestamp) return false;
    const tolerations = (pod.spec?.tolerations ?? []) as Toleration[];
    const taints = nodeTaints(node);
    if (taints.length > 0 && findUntoleratedTaint(taints, tolerations, NO_SCHEDULE_EFFECTS)) return false;
    if (
      node.spec?.unschedulable &&
      !tolerations.some(
        (t) => t.key === 'node.kubernetes.io/unschedulable' || (t.operator === 'Exists' && !t.key),
      )
    ) {
      return false;
    }
    if ((this.load.get(nodeName) ?? 0) >= podCapacity(node)) return false;
    if (hasNodeConstraints(pod) && !podMatchesNodeSelectorAndAffinity(pod.spec, node as unknown as Node))
      return false;
    return !this.hostPortConflict(pod, nodeName);
  }

  private hostPortConflict(pod: KObject, nodeName: string): boolean {
    const ports = hostPorts(pod);
    if (ports.length === 0) return false;
    for (const other of this.world.podsOnNode(nodeName)) {
      if (!counted(other)) continue;
      if (hostPorts(other).some((p) => ports.includes(p))) return true;
    }
    return false;
  }

  private bind(key: string, pod: KObject, node: string): void {
    const now = this.world.now;
    this.world.store.patch(
      'scheduler',
      'Pod',
      key,
      (p) =>
        extend(p, {
          spec: extend(p.spec, { nodeName: node }),
          status: extend(p.status, { conditions: scheduledCondition(p, 'True', now) }),
        }),
      { uid: pod.metadata.uid },
    );
  }

  private markUnschedulable(key: string, pod: KObject): void {
    this.unschedulable.add(key);
    const cur = (pod.status?.conditions ?? []).find((c: { type: string }) => c.type === 'PodScheduled');
    if (cur?.status === 'False') return;
    this.world.store.patch(
      'scheduler',
      'Pod',
      key,
      (p) => ({ ...p, status: { ...p.status, conditions: scheduledCondition(p, 'False', this.world.now) } }),
      {
        status: true,
        uid: pod.metadata.uid,
      },
    );
  }
}

const NO_SCHEDULE_EFFECTS = ['NoSchedule', 'NoExecute'] as const;

/** Most pods name no node at all: skip the selector machinery for them (a hot path at scale). */
function hasNodeConstraints(pod: KObject): boolean {
  const spec = pod.spec ?? {};
  return !!spec.nodeSelector || !!spec.affinity?.nodeAffinity;
}

function scheduledCondition(pod: KObject, status: 'True' | 'False', nowMs: number) {
  const others = ((pod.status?.conditions ?? []) as Array<{ type: string }>).filter(
    (c) => c.type !== 'PodScheduled',
  );
  const lastTransitionTime = formatTimestamp(nowMs);
  const cond =
    status === 'True'
      ? { type: 'PodScheduled', status, lastTransitionTime }
      : {
          type: 'PodScheduled',
          status,
          lastTransitionTime,
          reason: 'Unschedulable',
          message: '0 nodes are available',
        };
  return [...others, cond];
}

/** Pods that occupy a node's capacity: bound and not finished. */
function counted(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.spec?.nodeName && phase !== 'Succeeded' && phase !== 'Failed';
}

function controllerUid(pod: KObject): string | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller === true)?.uid;
}

const HOST_PORTS = new WeakMap<KObject, number[]>();

/** Host ports a pod claims (memoized per pod object: objects are immutable values). */
function hostPorts(pod: KObject): number[] {
  let ports = HOST_PORTS.get(pod);
  if (!ports) {
    ports = computeHostPorts(pod);
    HOST_PORTS.set(pod, ports);
  }
  return ports;
}

function computeHostPorts(pod: KObject): number[] {
  const out: number[] = [];
  for (const c of (pod.spec?.containers ?? []) as Array<{ ports?: Array<{ hostPort?: number }> }>) {
    for (const p of c.ports ?? []) if (p.hostPort) out.push(p.hostPort);
  }
  return out;
}
