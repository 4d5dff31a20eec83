/**
 * Reading the run for the comparison: the scenario's workloads, and the trace replayed into Pod
 * incarnations (one life of a Pod object: a StatefulSet reuses names) and claim creations. It
 * reads the events' codes and parameters (src/trace/messages.ts): `api.pod` writes by
 * `<kind>-controller` create Pods and carry their node, readiness and whether they are being
 * deleted; `api.removed` of a `pod/` ends one; the kubelet's `kubelet.started` with restarts > 0
 * is a restart in place; `node.evicting` and writes by the taint eviction controller are
 * evictions; `api.pvc` creates of a claim count its volumes.
 */
import type { FinalPod, RunResult } from '../../run/types.ts';
import type { TraceEvent } from '../../trace/types.ts';
import { podOf } from '../events.ts';
import { type Incarnation, WORKLOAD_KINDS, type Workload, type WorkloadKind } from './types.ts';

function isWorkloadKind(kind: string): kind is WorkloadKind {
  return (WORKLOAD_KINDS as readonly string[]).includes(kind);
}

/** The scenario's workloads, in manifest order. */
export function workloadsOf(result: RunResult): Workload[] {
  const out: Workload[] = [];
  for (const o of result.scenario.objects) {
    if (!isWorkloadKind(o.kind)) continue;
    const spec = (o.spec ?? {}) as {
      volumeClaimTemplates?: Array<{ metadata?: { name?: string } }>;
      serviceName?: string;
    };
    const w: Workload = {
      kind: o.kind,
      name: o.metadata.name,
      key: `${o.kind.toLowerCase()}/${o.metadata.name}`,
      claimTemplates: (spec.volumeClaimTemplates ?? [])
        .map((t) => t.metadata?.name)
        .filter((n): n is string => typeof n === 'string'),
      namespace: o.metadata.namespace ?? 'default',
    };
    if (o.kind === 'StatefulSet' && typeof spec.serviceName === 'string' && spec.serviceName !== '')
      w.serviceName = spec.serviceName;
    out.push(w);
  }
  return out;
}

/** Does the scenario run more than one kind of workload (so a side-by-side view makes sense)? */
export function isComparison(result: RunResult): boolean {
  return new Set(workloadsOf(result).map((w) => (w.kind === 'Deployment' ? 'ReplicaSet' : w.kind))).size > 1;
}

/** The controller (trace actor prefix) that creates the Pods of a workload kind. */
function podCreator(kind: WorkloadKind): string {
  return kind === 'Deployment' ? 'replicaset' : kind.toLowerCase();
}

/**
 * The workload a Pod belongs to: the final state's owner when the Pod is still there, else the
 * workload of the creating controller's kind whose name is the longest `<name>-` prefix of the Pod.
 */
export function ownerOf(
  pod: string,
  actor: string,
  workloads: readonly Workload[],
  finalPods: readonly FinalPod[],
): string | undefined {
  const creator = actor.replace(/-controller$/, '');
  const candidates = workloads
    .filter((w) => podCreator(w.kind) === creator && pod.startsWith(`${w.name}-`))
    .sort((a, b) => b.name.length - a.name.length);
  if (candidates.length > 0) {
    if (candidates.length === 1) return candidates[0]!.key;
    const owner = finalPods.find((p) => p.name === pod)?.owner;
    return candidates.find((w) => w.key === owner)?.key ?? candidates[0]!.key;
  }
  return undefined;
}

/** Replays the trace into Pod incarnations (and claim creations). */
export function incarnations(
  events: readonly TraceEvent[],
  workloads: readonly Workload[],
  finalPods: readonly FinalPod[],
): { all: Incarnation[]; claimCreates: Map<string, number[]>; claimVolume: Map<string, string> } {
  const all: Incarnation[] = [];
  const current = new Map<string, Incarnation>();
  const claimCreates = new Map<string, number[]>();
  const claimVolume = new Map<string, string>();
  events.forEach((e, idx) => {
    if (e.code === 'api.pvc') {
      if (e.params.verb === 'create')
        claimCreates.set(e.params.pvc, [...(claimCreates.get(e.params.pvc) ?? []), idx]);
      if (e.params.volume !== '-') claimVolume.set(e.params.pvc, e.params.volume);
      return;
    }
    if (e.kind === 'fault' || e.kind === 'skip' || e.kind === 'controller' || e.kind === 'violation') return;
    const name = podOf(e);
    if (name === undefined) return;
    if (e.code === 'api.pod' && e.params.verb === 'create') {
      const owner = ownerOf(name, e.actor, workloads, finalPods);
      if (owner === undefined) return;
      const inc = newIncarnation(name, owner, idx, e.atMs);
      all.push(inc);
      current.set(name, inc);
      return;
    }
    const inc = current.get(name);
    if (inc) follow(inc, e, idx, () => current.delete(name));
  });
  return { all, claimCreates, claimVolume };
}

function newIncarnation(name: string, owner: string, idx: number, atMs: number): Incarnation {
  return {
    name,
    owner,
    createdIdx: idx,
    createdMs: atMs,
    node: null,
    ready: false,
    evicted: false,
    stopped: false,
    restarts: [],
    readyLog: [],
  };
}

/** Applies one event about the Pod of `inc` (`gone` when its object leaves the API). */
function follow(inc: Incarnation, e: TraceEvent, idx: number, gone: () => void): void {
  const kubeletNode = e.actor.startsWith('kubelet/') ? e.actor.slice(8) : undefined;
  // A kubelet's event about a Pod of the same name on another Node is about an older incarnation.
  if (kubeletNode !== undefined && inc.node !== null && kubeletNode !== inc.node) return;
  if (e.code === 'node.evicting') inc.evicted = true;
  if (e.code === 'kubelet.stopped' || e.code === 'kubelet.power-lost') inc.stopped = true;
  if (e.code === 'kubelet.started') {
    if (e.params.restarts > 0) inc.restarts.push({ idx, atMs: e.atMs });
    inc.stopped = false;
  }
  const removed = e.code === 'api.removed';
  const terminating = e.code === 'api.pod' && e.params.terminating;
  if (e.code === 'api.pod') {
    if (e.params.node !== '-' && inc.node === null) inc.node = e.params.node;
    const ready = e.params.ready;
    if (ready && inc.readyMs === undefined) inc.readyMs = e.atMs;
    if (ready !== inc.ready) inc.readyLog.push({ idx, ready });
    inc.ready = ready;
  }
  if ((terminating || removed) && inc.terminatingIdx === undefined) {
    inc.terminatingIdx = idx;
    inc.terminatingMs = e.atMs;
    if (e.actor.startsWith('taint-eviction')) inc.evicted = true;
  }
  if (removed) {
    inc.goneIdx = idx;
    inc.goneMs = e.atMs;
    gone();
  }
}
