/**
 * Rebuilds "which Pod is on which Node, in which phase" at every step of a run from its trace, for
 * the nodes × time picture and the step-through control.
 *
 * It reads the trace events' message codes and parameters (src/trace/messages.ts): a fault's
 * effect moves a node (`node.partitioned`, `node.power-lost`, `node.shut-down`, `node.rebooted`,
 * `node.reconnected`, `node.joined`, `node.removed`); an `api.pod` write carries the pod's node,
 * phase, readiness and whether it is terminating; `api.removed` of a `pod/` removes the object.
 * The kubelet's own events (actor `kubelet/<node>`) track what that node really runs
 * (`kubelet.started` begins an instance; stopped, killed, exited, rejected, finished, shut down
 * and power loss end it; a node's power loss or removal ends all), so a Pod still running on an
 * unreachable Node after its object is gone shows as a ghost.
 */
import type { RunResult } from '../run/types.ts';
import type { FaultCode } from '../trace/messages.ts';
import type { TraceEvent } from '../trace/types.ts';
import { param, podOf } from './events.ts';

/** What a Pod bar shows. `Ghost`: a Node still runs it but the API object is elsewhere or gone. */
export type PodPhase = 'Pending' | 'Running' | 'Ready' | 'Terminating' | 'Failed' | 'Succeeded' | 'Ghost';
export const POD_PHASES: readonly PodPhase[] = [
  'Pending',
  'Running',
  'Ready',
  'Terminating',
  'Failed',
  'Succeeded',
  'Ghost',
];

export type NodeStatus = 'up' | 'crashed' | 'partitioned' | 'removed';
export const NODE_STATUSES: readonly NodeStatus[] = ['up', 'crashed', 'partitioned', 'removed'];

/**
 * One Pod as seen at one step. `node` is null while unscheduled. `revision`: the revision of the
 * Deployment ReplicaSet that owns it (absent for Pods no Deployment manages).
 */
export interface PodSlot {
  name: string;
  node: string | null;
  phase: PodPhase;
  revision?: number;
}

/** A Deployment's ReplicaSet at one step: its revision, spec.replicas and Ready Pods. */
export interface ReplicaSetSize {
  name: string;
  revision: number;
  replicas: number;
  ready: number;
}

/** The cluster after one step: `events` is the half-open range of trace indices of that step. */
export interface Frame {
  step: number;
  atMs: number;
  events: [number, number];
  nodes: Array<[string, NodeStatus]>;
  pods: PodSlot[];
  /** The Deployments' ReplicaSets, by name (absent when the run has none). */
  replicaSets?: ReplicaSetSize[];
}

interface ApiPod {
  node: string | null;
  phase: string;
  ready: boolean;
  terminating: boolean;
}

function displayPhase(p: ApiPod): PodPhase {
  if (p.terminating) return 'Terminating';
  if (p.phase === 'Failed' || p.phase === 'Succeeded') return p.phase;
  if (p.phase === 'Running') return p.ready ? 'Ready' : 'Running';
  return 'Pending';
}

/** How a fault's effect leaves its node. */
const EFFECT_NODE_STATUS: Partial<Readonly<Record<FaultCode, NodeStatus>>> = {
  'node.partitioned': 'partitioned',
  'node.power-lost': 'crashed',
  'node.shut-down': 'crashed',
  'node.rebooted': 'up',
  'node.reconnected': 'up',
  'node.joined': 'up',
  'node.removed': 'removed',
};

/** Kubelet events that end the instance a node runs. */
const INSTANCE_ENDS = new Set([
  'kubelet.stopped',
  'kubelet.killed',
  'kubelet.exited',
  'kubelet.rejected',
  'kubelet.finished',
  'kubelet.shutdown',
  'kubelet.power-lost',
]);

/** Mutable cluster state while replaying the trace. */
export class ClusterTracker {
  private readonly api = new Map<string, ApiPod>();
  /** `node\0pod` → the node really runs this pod. */
  private readonly running = new Set<string>();
  /** Pod name → its Deployment ReplicaSet (kept after the object goes: a ghost keeps its colour). */
  private readonly owners = new Map<string, string>();
  /** The Deployments' ReplicaSets now (those whose writes carry a revision). */
  private readonly replicaSets = new Map<string, ReplicaSetSize>();
  readonly nodes = new Map<string, NodeStatus>();

  constructor(initialNodes: readonly string[]) {
    for (const n of initialNodes) this.nodes.set(n, 'up');
  }

  /** Applies one trace event. */
  apply(e: TraceEvent): void {
    if (e.code === 'fault.applied') return this.applyFault(e);
    if (this.applyReplicaSet(e)) return;
    const name = podOf(e);
    if (name === undefined) return;
    if (e.code === 'api.removed') {
      this.api.delete(name);
      return;
    }
    const kubeletNode = e.actor.startsWith('kubelet/') ? e.actor.slice('kubelet/'.length) : undefined;
    if (kubeletNode !== undefined && e.kind === 'kubelet') this.trackInstance(kubeletNode, name, e);
    if (e.code !== 'api.pod') return;
    const p = e.params;
    if (p.verb === 'create') {
      this.api.set(name, { node: null, phase: 'Pending', ready: false, terminating: false });
    }
    const pod = this.api.get(name);
    if (!pod || (kubeletNode !== undefined && pod.node !== null && pod.node !== kubeletNode)) return;
    pod.node = p.node === '-' ? null : p.node;
    pod.phase = p.phase;
    pod.ready = p.ready;
    if (p.terminating) pod.terminating = true;
    if (p.owner !== undefined) this.owners.set(name, p.owner);
  }

  /** A Deployment ReplicaSet's write or removal; true if `e` was one. */
  private applyReplicaSet(e: TraceEvent): boolean {
    if (e.code === 'api.workload' && e.params.ref.startsWith('replicaset/')) {
      const { ref, revision, replicas, ready } = e.params;
      const name = ref.slice('replicaset/'.length);
      if (revision !== undefined) this.replicaSets.set(name, { name, revision, replicas, ready });
      return true;
    }
    if (e.code === 'api.removed' && e.params.ref.startsWith('replicaset/')) {
      this.replicaSets.delete(e.params.ref.slice('replicaset/'.length));
      return true;
    }
    return false;
  }

  /** The revision of a Pod's Deployment ReplicaSet, if it has one. */
  private revisionOf(pod: string): number | undefined {
    const rs = this.owners.get(pod);
    return rs === undefined ? undefined : this.replicaSets.get(rs)?.revision;
  }

  /** The Deployments' ReplicaSets now, by name; undefined if the run has none. */
  replicaSetSizes(): ReplicaSetSize[] | undefined {
    if (this.replicaSets.size === 0) return undefined;
    return [...this.replicaSets.keys()].sort().map((n) => ({ ...this.replicaSets.get(n)! }));
  }

  private trackInstance(node: string, name: string, e: TraceEvent): void {
    const key = `${node}\0${name}`;
    if (INSTANCE_ENDS.has(e.code)) this.running.delete(key);
    else if (e.code === 'kubelet.started') this.running.add(key);
  }

  private applyFault(e: TraceEvent & { code: 'fault.applied' }): void {
    const status = EFFECT_NODE_STATUS[e.params.effect];
    const target = param(e, 'node');
    if (status === undefined || target === undefined) return;
    this.nodes.set(target, status);
    if (status === 'crashed' || status === 'removed') {
      for (const key of [...this.running]) if (key.startsWith(`${target}\0`)) this.running.delete(key);
    }
  }

  /** The pods now: API objects by name, then ghosts (running where no API object says so). */
  pods(): PodSlot[] {
    const out: PodSlot[] = [...this.api.keys()].sort().map((name) => {
      const p = this.api.get(name)!;
      return this.withRevision({ name, node: p.node, phase: displayPhase(p) });
    });
    for (const key of [...this.running].sort()) {
      const [node, name] = key.split('\0') as [string, string];
      if (this.api.get(name)?.node !== node) out.push(this.withRevision({ name, node, phase: 'Ghost' }));
    }
    return out;
  }

  private withRevision(slot: PodSlot): PodSlot {
    const revision = this.revisionOf(slot.name);
    if (revision !== undefined) slot.revision = revision;
    return slot;
  }
}

/** Node names of a run: the scenario's, then any added later (in order of appearance). */
export function nodeNames(result: RunResult, tracker?: ClusterTracker): string[] {
  const names = result.scenario.nodes.map((n) => n.name);
  for (const n of tracker?.nodes.keys() ?? []) if (!names.includes(n)) names.push(n);
  return names;
}

/** The cluster after every step of the run (one frame per distinct trace step). */
export function clusterFrames(result: RunResult): Frame[] {
  const tracker = new ClusterTracker(result.scenario.nodes.map((n) => n.name));
  const frames: Frame[] = [];
  const events = result.events;
  let i = 0;
  while (i < events.length) {
    const first = events[i]!;
    let j = i;
    while (j < events.length && events[j]!.step === first.step) tracker.apply(events[j++]!);
    const frame: Frame = {
      step: first.step,
      atMs: first.atMs,
      events: [i, j],
      nodes: [...tracker.nodes.entries()],
      pods: tracker.pods(),
    };
    const replicaSets = tracker.replicaSetSizes();
    if (replicaSets) frame.replicaSets = replicaSets;
    frames.push(frame);
    i = j;
  }
  return frames;
}
