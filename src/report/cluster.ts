/**
 * Rebuilds "which Pod is on which Node, in which phase" at every step of a run from its trace, for
 * the nodes × time picture and the step-through control.
 *
 * It reads the trace events as the simulator writes them: faults are `<do> <target> ...` (the
 * fault's `describe`), pod events name the pod in `objects` (`pod/<name>`) or their text, and carry
 * `key=value` tokens, as src/sim/api/summary.ts writes them for every pod write:
 * `<verb> pod/<name> node=<node|-> phase=<phase> ready=<bool>[ terminating]`. A `delete` event
 * without `terminating` removes the object. The kubelet's own lines (kind `kubelet`, actor
 * `kubelet/<node>`) track what that node really runs (`started` begins an instance; `stopped`,
 * `killed`, `exited`, `rejected`, `Failed`, `Succeeded` end it; a `crash-node` fault ends all), so a
 * Pod still running on an unreachable Node after its object is gone shows as a ghost.
 */
import type { RunResult } from '../run/types.ts';
import type { TraceEvent } from '../trace/types.ts';

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

/** One Pod as seen at one step. `node` is null while unscheduled. */
export interface PodSlot {
  name: string;
  node: string | null;
  phase: PodPhase;
}

/** The cluster after one step: `events` is the half-open range of trace indices of that step. */
export interface Frame {
  step: number;
  atMs: number;
  events: [number, number];
  nodes: Array<[string, NodeStatus]>;
  pods: PodSlot[];
}

interface ApiPod {
  node: string | null;
  phase: string;
  ready: boolean;
  terminating: boolean;
}

/** `key=value` tokens of a trace line (later tokens win). */
export function parseTokens(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/(?:^|\s)([A-Za-z][\w.-]*)=(\S+)/g)) out[m[1]!] = m[2]!;
  return out;
}

/** The pod an event is about: its first `pod/<name>` object, else the first `pod/<name>` in its text. */
export function podOf(e: TraceEvent): string | undefined {
  const obj = e.objects?.find((o) => o.startsWith('pod/'));
  if (obj) return obj.slice(4);
  return /(?:^|\s)pod\/([^\s:;,()]+)/.exec(e.text)?.[1];
}

function displayPhase(p: ApiPod): PodPhase {
  if (p.terminating) return 'Terminating';
  if (p.phase === 'Failed' || p.phase === 'Succeeded') return p.phase;
  if (p.phase === 'Running') return p.ready ? 'Ready' : 'Running';
  return 'Pending';
}

const FAULT_NODE_STATUS: Readonly<Record<string, NodeStatus>> = {
  'partition-node': 'partitioned',
  'crash-node': 'crashed',
  'heal-node': 'up',
  'add-node': 'up',
  'remove-node': 'removed',
};

/** Mutable cluster state while replaying the trace. */
export class ClusterTracker {
  private readonly api = new Map<string, ApiPod>();
  /** `node\0pod` → the node really runs this pod. */
  private readonly running = new Set<string>();
  readonly nodes = new Map<string, NodeStatus>();

  constructor(initialNodes: readonly string[]) {
    for (const n of initialNodes) this.nodes.set(n, 'up');
  }

  /** Applies one trace event. */
  apply(e: TraceEvent): void {
    if (e.kind === 'fault') return this.applyFault(e.text);
    const name = podOf(e);
    if (name === undefined || e.kind === 'controller' || e.kind === 'info' || e.kind === 'violation') return;
    const tok = parseTokens(e.text);
    if (e.kind === 'create') {
      this.api.set(name, { node: null, phase: 'Pending', ready: false, terminating: false });
    } else if (e.kind === 'delete' || e.kind === 'gc') {
      const pod = this.api.get(name);
      if (/\bterminating\b/.test(e.text)) {
        if (pod) pod.terminating = true;
        return;
      }
      this.api.delete(name);
      return;
    }
    const kubeletNode = e.actor.startsWith('kubelet/') ? e.actor.slice('kubelet/'.length) : undefined;
    if (kubeletNode !== undefined && e.kind === 'kubelet') this.trackInstance(kubeletNode, name, e.text, tok);
    const pod = this.api.get(name);
    if (!pod || (kubeletNode !== undefined && pod.node !== null && pod.node !== kubeletNode)) return;
    if (tok.node !== undefined) pod.node = tok.node === '-' ? null : tok.node;
    if (tok.phase !== undefined) pod.phase = tok.phase;
    if (tok.ready !== undefined) pod.ready = tok.ready === 'true';
    if (/\bterminating\b/.test(e.text)) pod.terminating = true;
  }

  private trackInstance(node: string, name: string, text: string, tok: Record<string, string>): void {
    const key = `${node}\0${name}`;
    if (/\b(stopped|killed|exited|rejected|Failed|Succeeded)\b/.test(text) || tok.phase === 'Failed') {
      this.running.delete(key);
    } else if (/^started\b/.test(text) || tok.phase === 'Running') {
      this.running.add(key);
    }
  }

  private applyFault(text: string): void {
    const [, what, target] = /^(\S+)\s+([^\s:]+)/.exec(text) ?? [];
    const status = what === undefined ? undefined : FAULT_NODE_STATUS[what];
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
      return { name, node: p.node, phase: displayPhase(p) };
    });
    for (const key of [...this.running].sort()) {
      const [node, name] = key.split('\0') as [string, string];
      if (this.api.get(name)?.node !== node) out.push({ name, node, phase: 'Ghost' });
    }
    return out;
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
    frames.push({
      step: first.step,
      atMs: first.atMs,
      events: [i, j],
      nodes: [...tracker.nodes.entries()],
      pods: tracker.pods(),
    });
    i = j;
  }
  return frames;
}
