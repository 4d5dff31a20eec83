/**
 * Judging fates: what became of each Pod a fault hit (replaced, created again under its name,
 * restarted, kept, waiting, removed), followed until the next fault that hits it again.
 */
import type { RunResult } from '../../run/types.ts';
import type { TraceEvent } from '../../trace/types.ts';
import { faultHit } from '../events.ts';
import { incarnations, workloadsOf } from './read.ts';
import { summarize } from './summary.ts';
import type { CompareRow, Comparison, Fate, Incarnation, Workload } from './types.ts';

function aliveAt(inc: Incarnation, idx: number): boolean {
  return inc.createdIdx < idx && (inc.goneIdx === undefined || inc.goneIdx > idx);
}

/** Is this fault about a whole workload (a scale, a new template, a delete)? */
function isWorkloadFault(e: TraceEvent): boolean {
  const hit = faultHit(e);
  return hit !== undefined && 'workload' in hit;
}

/** The Pods of `w` that fault `e` (at trace index `idx`) hits. */
function hitBy(e: TraceEvent, idx: number, w: Workload, incs: readonly Incarnation[]): Incarnation[] {
  const hit = faultHit(e);
  if (hit === undefined) return [];
  const alive = incs
    .filter(
      (i) =>
        i.owner === w.key && aliveAt(i, idx) && (i.terminatingIdx === undefined || i.terminatingIdx > idx),
    )
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.createdIdx - b.createdIdx));
  if ('node' in hit) return alive.filter((i) => i.node === hit.node);
  if ('workload' in hit) return hit.workload === w.key ? alive : [];
  return alive.filter((i) => i.name === hit.pod);
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
    isWorkloadFault(events[i]!)
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
    const workloadFault = isWorkloadFault(e);
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
    rows.push({ fault: { index: i, step: e.step, atMs: e.atMs, event: e }, cells });
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
