/**
 * The side-by-side comparison: when a scenario runs more than one kind of workload (ReplicaSet,
 * DaemonSet, StatefulSet) through the same faults, what happened to each one's Pods at each fault
 * (replaced elsewhere under a new name, created again under the same name with the same volume,
 * restarted in place, kept, removed) and how each ended up (placement, scaling, identity, storage,
 * network identity).
 *
 * Derived from the trace alone (plus the final state), as the simulator writes it:
 * `create pod/<n> node=- ...` by `<kind>-controller` starts a Pod; `patch pod/<n> node=<node>` by
 * the scheduler binds it; `... ready=true` makes it Ready; a write with `terminating` marks it for
 * deletion (by `taint-eviction-controller`: an eviction); `delete pod/<n>` without `terminating`
 * removes the object; the kubelet's `started pod/<n> (restarts k)` with k > 0 is a restart in
 * place; `create persistentvolumeclaim/<c>` creates a claim (a second create of the same claim
 * means the Pod came back to an empty volume).
 *
 * Each Pod a fault hits (its Node's Pods for node faults, the named Pod for Pod faults, every Pod
 * of the workload for `scale`/`update-template`/`delete-object` of it) gets one {@link Fate},
 * followed until the next fault that hits it again (or the end of the run). Pods that appear or
 * disappear without being hit are listed in the row of the fault they follow ("start" before the
 * first fault).
 */
import type { FinalPod, RunResult } from '../run/types.ts';
import type { TraceEvent } from '../trace/types.ts';
import { parseTokens, podOf } from './cluster.ts';

/** Workload kinds a comparison can show. */
export type WorkloadKind = 'ReplicaSet' | 'DaemonSet' | 'StatefulSet' | 'Deployment';
const WORKLOAD_KINDS: readonly WorkloadKind[] = ['ReplicaSet', 'Deployment', 'DaemonSet', 'StatefulSet'];

/** One workload of the scenario: `key` is `<kind lower-case>/<name>`, as trace objects name it. */
export interface Workload {
  kind: WorkloadKind;
  name: string;
  key: string;
  /** `volumeClaimTemplates` names (StatefulSet), for `<template>-<pod>` claims. */
  claimTemplates: string[];
  /** `spec.serviceName` (StatefulSet): the headless Service giving each Pod a DNS name. */
  serviceName?: string;
  namespace: string;
}

/** What became of one Pod a fault hit, or of a Pod that appeared or went away on its own. */
export type Fate =
  /** The old Pod went away and a Pod with a new name took its place (ReplicaSet). */
  | {
      type: 'replaced';
      pod: string;
      node: string | null;
      by: string;
      byNode: string | null;
      /** When the old Pod was marked for deletion (or removed), and whether it was evicted. */
      endMs: number;
      evicted: boolean;
      readyMs?: number;
    }
  /** A Pod with the same name was created again after the old one was gone (StatefulSet). */
  | {
      type: 'recreated';
      pod: string;
      node: string | null;
      byNode: string | null;
      /** When the old one was marked for deletion, and when its object was finally gone. */
      endMs: number;
      goneMs: number;
      evicted: boolean;
      createdMs: number;
      readyMs?: number;
      /** Claims it came back to: `kept` = the same claim (same volume), `new` = a fresh empty one. */
      claims: Array<{ claim: string; volume: 'kept' | 'new' }>;
    }
  /** The same Pod object stayed and its container started again on the same Node. */
  | { type: 'restarted'; pod: string; node: string | null; atMs: number }
  /** The Pod object stayed where it was (possibly not Ready) and was not restarted. */
  | { type: 'kept'; pod: string; node: string | null; ready: boolean; stopped: boolean }
  /** Marked for deletion (Terminating) and not replaced before the horizon. */
  | { type: 'waiting'; pod: string; node: string | null; endMs: number; evicted: boolean }
  /** Removed and not replaced (scale-down, Node removed, workload deleted). */
  | { type: 'removed'; pod: string; node: string | null; endMs: number; evicted: boolean }
  /** A new Pod that replaces nothing (scale-up, a new Node for a DaemonSet, the first start). */
  | { type: 'created'; pod: string; node: string | null; createdMs: number; readyMs?: number };

/** One row of the comparison: a fault (or the start of the run) and each workload's fates. */
export interface CompareRow {
  /** `null` for the start of the run (before the first fault). */
  fault: { index: number; step: number; atMs: number; text: string } | null;
  /** Workload key → fates, in the order the Pods were hit or appeared. */
  cells: Record<string, Fate[]>;
}

/** How one workload ended up. */
export interface WorkloadSummary {
  workload: Workload;
  /** Node → the workload's Pods on it at the end (not terminating), sorted. */
  placement: Array<{ node: string; pods: string[] }>;
  /** spec.replicas (ReplicaSet, StatefulSet) or the Nodes it should cover (DaemonSet), if known. */
  desired: number | null;
  pods: number;
  ready: number;
  /** DaemonSet: true when no Node ran two of its Pods at the end. */
  onePerNode: boolean;
  /** Pods replaced under a new name / created again under the same name, over the whole run. */
  replacedCount: number;
  recreatedCount: number;
  /** Names of Pods ever created (in order) — its identities. */
  names: string[];
  /** Claims (StatefulSet) with how many times each was created (1 = one volume for life). */
  claims: Array<{ claim: string; creates: number; volume: string | null }>;
  /** Stable DNS names (StatefulSet with a serviceName), in ordinal order. */
  dnsNames: string[];
}

/** The whole comparison. */
export interface Comparison {
  workloads: Workload[];
  rows: CompareRow[];
  summaries: WorkloadSummary[];
}

/** One life of a Pod object (a StatefulSet reuses names, so one name can have several). */
interface Incarnation {
  name: string;
  owner: string;
  createdIdx: number;
  createdMs: number;
  node: string | null;
  readyMs?: number;
  ready: boolean;
  terminatingIdx?: number;
  terminatingMs?: number;
  evicted: boolean;
  goneIdx?: number;
  goneMs?: number;
  stopped: boolean;
  restarts: Array<{ idx: number; atMs: number }>;
  /** Ready state by trace index, for "kept, not Ready" at a horizon. */
  readyLog: Array<{ idx: number; ready: boolean }>;
}

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

const NODE_FAULTS_THAT_HIT = new Set([
  'crash-node',
  'partition-node',
  'remove-node',
  'drain-node',
  'cordon-node',
  'taint-node',
  'label-node',
]);
const WORKLOAD_FAULTS = new Set(['scale', 'update-template', 'delete-object']);

/** Replays the trace into Pod incarnations (and claim creations). */
function incarnations(
  events: readonly TraceEvent[],
  workloads: readonly Workload[],
  finalPods: readonly FinalPod[],
): { all: Incarnation[]; claimCreates: Map<string, number[]>; claimVolume: Map<string, string> } {
  const all: Incarnation[] = [];
  const current = new Map<string, Incarnation>();
  const claimCreates = new Map<string, number[]>();
  const claimVolume = new Map<string, string>();
  events.forEach((e, idx) => {
    const claim = e.objects?.find((o) => o.startsWith('persistentvolumeclaim/'))?.slice(22);
    if (claim !== undefined) {
      if (e.kind === 'create') claimCreates.set(claim, [...(claimCreates.get(claim) ?? []), idx]);
      const vol = parseTokens(e.text).volume;
      if (vol !== undefined && vol !== '-') claimVolume.set(claim, vol);
      return;
    }
    if (e.kind === 'fault' || e.kind === 'skip' || e.kind === 'controller' || e.kind === 'violation') return;
    const name = podOf(e);
    if (name === undefined) return;
    if (e.kind === 'create' && /^create pod\//.test(e.text)) {
      const owner = ownerOf(name, e.actor, workloads, finalPods);
      if (owner === undefined) return;
      const inc: Incarnation = {
        name,
        owner,
        createdIdx: idx,
        createdMs: e.atMs,
        node: null,
        ready: false,
        evicted: false,
        stopped: false,
        restarts: [],
        readyLog: [],
      };
      all.push(inc);
      current.set(name, inc);
      return;
    }
    const inc = current.get(name);
    if (!inc) return;
    const tok = parseTokens(e.text);
    const kubeletNode = e.actor.startsWith('kubelet/') ? e.actor.slice(8) : undefined;
    // A kubelet's line about a Pod of the same name on another Node is about an older incarnation.
    if (kubeletNode !== undefined && inc.node !== null && kubeletNode !== inc.node) return;
    if (e.kind === 'node' && /^evicting\b/.test(e.text)) inc.evicted = true;
    if (tok.node !== undefined && tok.node !== '-' && inc.node === null) inc.node = tok.node;
    if (tok.ready !== undefined) {
      const ready = tok.ready === 'true';
      if (ready && inc.readyMs === undefined) inc.readyMs = e.atMs;
      if (ready !== inc.ready) inc.readyLog.push({ idx, ready });
      inc.ready = ready;
    }
    if (e.kind === 'kubelet') {
      if (/^stopped\b/.test(e.text)) inc.stopped = true;
      const restarts = /^started\b.*\(restarts (\d+)\)/.exec(e.text);
      if (restarts && Number(restarts[1]) > 0) inc.restarts.push({ idx, atMs: e.atMs });
      if (restarts) inc.stopped = false;
    }
    const terminating = /\bterminating\b/.test(e.text);
    if ((terminating || e.kind === 'delete' || e.kind === 'gc') && inc.terminatingIdx === undefined) {
      inc.terminatingIdx = idx;
      inc.terminatingMs = e.atMs;
      if (e.actor.startsWith('taint-eviction')) inc.evicted = true;
    }
    if ((e.kind === 'delete' || e.kind === 'gc') && !terminating && /^delete pod\//.test(e.text)) {
      inc.goneIdx = idx;
      inc.goneMs = e.atMs;
      current.delete(name);
    }
  });
  return { all, claimCreates, claimVolume };
}

function aliveAt(inc: Incarnation, idx: number): boolean {
  return inc.createdIdx < idx && (inc.goneIdx === undefined || inc.goneIdx > idx);
}

/** What a fault line is about: its kind and its first target word. */
function faultTarget(e: TraceEvent): { what: string; target: string; pod?: string } {
  const [, what = '', target = ''] = /^(\S+)\s+([^\s:]+)/.exec(e.text) ?? [];
  const pod = /(?:^|\s)pod\/([^\s:;,()]+)/.exec(e.text)?.[1];
  return pod === undefined ? { what, target } : { what, target, pod };
}

/** The Pods of `w` that fault `e` (at trace index `idx`) hits. */
function hitBy(e: TraceEvent, idx: number, w: Workload, incs: readonly Incarnation[]): Incarnation[] {
  const { what, target, pod } = faultTarget(e);
  const alive = incs
    .filter(
      (i) =>
        i.owner === w.key && aliveAt(i, idx) && (i.terminatingIdx === undefined || i.terminatingIdx > idx),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.createdIdx - b.createdIdx));
  if (NODE_FAULTS_THAT_HIT.has(what)) return alive.filter((i) => i.node === target);
  if (WORKLOAD_FAULTS.has(what)) return target === w.key ? alive : [];
  if (what.endsWith('-pod')) {
    const name = pod ?? target;
    return alive.filter((i) => i.name === name);
  }
  return [];
}

function readyAt(inc: Incarnation, idx: number): boolean {
  let ready = false;
  for (const r of inc.readyLog) if (r.idx <= idx) ready = r.ready;
  return ready;
}

/** Follows `inc` from fault index `from` up to `horizon` (exclusive). */
function fateOf(
  inc: Incarnation,
  w: Workload,
  from: number,
  horizon: number,
  incs: readonly Incarnation[],
  claimed: Set<Incarnation>,
  claimCreates: Map<string, number[]>,
): { fate: Fate; resolved: number } {
  const endIdx = inc.terminatingIdx ?? inc.goneIdx;
  if (endIdx !== undefined && endIdx > from && endIdx < horizon) {
    const endMs = inc.terminatingMs ?? inc.goneMs!;
    const after = incs.filter(
      (i) => i.owner === w.key && !claimed.has(i) && i.createdIdx > endIdx && i.createdIdx < horizon,
    );
    const same = after.find((i) => i.name === inc.name);
    if (same) {
      claimed.add(same);
      const claims = w.claimTemplates.map((t) => {
        const claim = `${t}-${inc.name}`;
        const created = (claimCreates.get(claim) ?? []).some(
          (c) => c > inc.createdIdx && c <= same.createdIdx,
        );
        return { claim, volume: created ? ('new' as const) : ('kept' as const) };
      });
      const fate: Fate = {
        type: 'recreated',
        pod: inc.name,
        node: inc.node,
        byNode: same.node,
        endMs,
        goneMs: inc.goneMs ?? same.createdMs,
        evicted: inc.evicted,
        createdMs: same.createdMs,
        claims,
      };
      if (same.readyMs !== undefined) fate.readyMs = same.readyMs;
      return { fate, resolved: same.createdIdx };
    }
    const other =
      w.kind === 'StatefulSet'
        ? undefined
        : w.kind === 'DaemonSet'
          ? after.find((i) => i.node === inc.node)
          : after[0];
    if (other) {
      claimed.add(other);
      const fate: Fate = {
        type: 'replaced',
        pod: inc.name,
        node: inc.node,
        by: other.name,
        byNode: other.node,
        endMs,
        evicted: inc.evicted,
      };
      if (other.readyMs !== undefined) fate.readyMs = other.readyMs;
      return { fate, resolved: other.createdIdx };
    }
    if (inc.goneIdx !== undefined && inc.goneIdx < horizon) {
      const fate: Fate = { type: 'removed', pod: inc.name, node: inc.node, endMs, evicted: inc.evicted };
      return { fate, resolved: inc.goneIdx };
    }
    const fate: Fate = { type: 'waiting', pod: inc.name, node: inc.node, endMs, evicted: inc.evicted };
    return { fate, resolved: Number.POSITIVE_INFINITY };
  }
  const restart = inc.restarts.find((r) => r.idx > from && r.idx < horizon);
  if (restart) {
    return {
      fate: { type: 'restarted', pod: inc.name, node: inc.node, atMs: restart.atMs },
      resolved: restart.idx,
    };
  }
  const fate: Fate = {
    type: 'kept',
    pod: inc.name,
    node: inc.node,
    ready: readyAt(inc, horizon - 1),
    stopped: inc.stopped && inc.restarts.every((r) => r.idx >= horizon),
  };
  // A healthy Pod is no longer in the fault's hands; a stopped or not-Ready one still is.
  return { fate, resolved: fate.ready && !fate.stopped ? from : Number.POSITIVE_INFINITY };
}

function summarize(
  w: Workload,
  result: RunResult,
  incs: readonly Incarnation[],
  rows: readonly CompareRow[],
  claimCreates: Map<string, number[]>,
  claimVolume: Map<string, string>,
): WorkloadSummary {
  const mine = result.final.pods.filter(
    (p) =>
      (p.owner ?? '') === w.key ||
      (p.owner === null && incs.some((i) => i.owner === w.key && i.name === p.name)),
  );
  const active = mine.filter((p) => !p.terminating);
  const byNode = new Map<string, string[]>();
  for (const p of active) {
    const node = p.node ?? '-';
    byNode.set(node, [...(byNode.get(node) ?? []), p.name].sort());
  }
  const placement = [...byNode.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([node, pods]) => ({ node, pods }));
  const wl = result.final.workloads.find((x) => x.kind === w.kind && x.name === w.name);
  const spec = (wl?.spec ?? {}) as { replicas?: number };
  const status = (wl?.status ?? {}) as { desiredNumberScheduled?: number };
  const desired =
    w.kind === 'DaemonSet'
      ? (status.desiredNumberScheduled ?? null)
      : typeof spec.replicas === 'number'
        ? spec.replicas
        : null;
  const fates = rows.flatMap((r) => r.cells[w.key] ?? []);
  const names: string[] = [];
  for (const i of incs) if (i.owner === w.key && !names.includes(i.name)) names.push(i.name);
  const ordinal = (n: string) => Number(/-(\d+)$/.exec(n)?.[1] ?? 0);
  const claims = w.claimTemplates.flatMap((t) =>
    names
      .map((n) => `${t}-${n}`)
      .filter((c) => claimCreates.has(c))
      .map((claim) => ({
        claim,
        creates: claimCreates.get(claim)!.length,
        volume: claimVolume.get(claim) ?? null,
      })),
  );
  const dnsNames =
    w.serviceName === undefined
      ? []
      : [...names]
          .sort((a, b) => ordinal(a) - ordinal(b))
          .map((n) => `${n}.${w.serviceName}.${w.namespace}.svc.cluster.local`);
  return {
    workload: w,
    placement,
    desired,
    pods: active.length,
    ready: active.filter((p) => p.ready).length,
    onePerNode: [...byNode.values()].every((pods) => pods.length <= 1),
    replacedCount: fates.filter((f) => f.type === 'replaced').length,
    recreatedCount: fates.filter((f) => f.type === 'recreated').length,
    names,
    claims,
    dnsNames,
  };
}

/**
 * The comparison of a run: one row for the start and one per applied fault, one cell per workload,
 * and a summary per workload. Works for any number of workloads; reporters show it when
 * {@link isComparison} holds.
 */
export function compareWorkloads(result: RunResult): Comparison {
  const workloads = workloadsOf(result);
  const events = result.events;
  const { all, claimCreates, claimVolume } = incarnations(events, workloads, result.final.pods);
  const faultIdx = events.flatMap((e, i) => (e.kind === 'fault' ? [i] : []));
  // Node and Pod faults hit the Pods they touch; a fate is followed until the next such hit.
  const direct = faultIdx.map((i) =>
    WORKLOAD_FAULTS.has(faultTarget(events[i]!).what)
      ? new Map<string, Incarnation[]>()
      : new Map(workloads.map((w) => [w.key, hitBy(events[i]!, i, w, all)])),
  );
  const nextHit = (inc: Incarnation, k: number): number => {
    for (let j = k + 1; j < faultIdx.length; j++) {
      if (direct[j]!.get(inc.owner)?.includes(inc)) return faultIdx[j]!;
    }
    return events.length;
  };
  const claimed = new Set<Incarnation>();
  const ended = new Set<Incarnation>();
  /** Incarnation → trace index at which the fate of its latest hit resolved (Infinity: never). */
  const inFlight = new Map<Incarnation, number>();
  const rows: CompareRow[] = [
    { fault: null, cells: Object.fromEntries(workloads.map((w) => [w.key, [] as Fate[]])) },
  ];
  faultIdx.forEach((i, k) => {
    const e = events[i]!;
    const workloadFault = WORKLOAD_FAULTS.has(faultTarget(e).what);
    const cells: Record<string, Fate[]> = {};
    for (const w of workloads) {
      // A workload-wide fault (scale, new template) leaves Pods a fault is still acting on to that fault.
      const hit = workloadFault
        ? hitBy(e, i, w, all).filter((inc) => (inFlight.get(inc) ?? -1) < i)
        : direct[k]!.get(w.key)!;
      cells[w.key] = hit.map((inc) => {
        const { fate, resolved } = fateOf(inc, w, i, nextHit(inc, k), all, claimed, claimCreates);
        inFlight.set(inc, resolved);
        if (fate.type !== 'kept' && fate.type !== 'restarted') ended.add(inc);
        return fate;
      });
    }
    rows.push({ fault: { index: i, step: e.step, atMs: e.atMs, text: e.text }, cells });
  });
  // Pods that appeared or went away without a fault hitting them: in the row of the preceding fault.
  const rowOf = (idx: number): CompareRow => {
    let k = 0;
    while (k < faultIdx.length && faultIdx[k]! < idx) k++;
    return rows[k]!;
  };
  for (const inc of all) {
    const w = workloads.find((x) => x.key === inc.owner)!;
    if (!claimed.has(inc)) {
      const fate: Fate = { type: 'created', pod: inc.name, node: inc.node, createdMs: inc.createdMs };
      if (inc.readyMs !== undefined) fate.readyMs = inc.readyMs;
      rowOf(inc.createdIdx).cells[w.key]!.push(fate);
    }
    if (!ended.has(inc) && inc.goneIdx !== undefined) {
      rowOf(inc.goneIdx).cells[w.key]!.push({
        type: 'removed',
        pod: inc.name,
        node: inc.node,
        endMs: inc.terminatingMs ?? inc.goneMs!,
        evicted: inc.evicted,
      });
    }
  }
  const summaries = workloads.map((w) => summarize(w, result, all, rows, claimCreates, claimVolume));
  return { workloads, rows, summaries };
}
