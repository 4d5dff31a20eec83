/** Summarising the comparison: how each workload ended up (placement, scaling, identity, storage, DNS). */
import type { RunResult } from '../../run/types.ts';
import type { CompareRow, Incarnation, Workload, WorkloadSummary } from './types.ts';

export function summarize(
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
