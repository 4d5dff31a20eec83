/**
 * DaemonSet knowledge for the generic invariants (workload.converges, status.consistent) and the
 * coverage claim, recomputed from the API store and the machines — never a controller's cache.
 */
import { nodeShouldRunDaemonPod } from '../../controllers/daemonset/eligibility.ts';
import { podHash, podsByNode } from '../../controllers/daemonset/pods.ts';
import { statusCounts } from '../../controllers/daemonset/status.ts';
import { templateHash } from '../../controllers/shared/history.ts';
import { compileSelector, selectorMatches } from '../../model/labels.ts';
import type { KObject } from '../../model/types.ts';
import { isReporting } from '../../sim/machine.ts';
import type { World } from '../../sim/world.ts';
import { appCanBeReady, controlledPods, ready, unschedulable } from '../util.ts';
import type { WorkloadChecks } from './types.ts';

/** The DaemonSet's pods in the store (controlled by it and matching its selector). */
export function daemonPods(world: World, ds: KObject): KObject[] {
  const sel = compileSelector(ds.spec?.selector);
  return controlledPods(world, ds.metadata.uid).filter((p) => selectorMatches(sel, p.metadata.labels));
}

/** Why the DaemonSet does not cover the cluster as it should, one reason per node (null when it does). */
export function coverageProblems(world: World, ds: KObject): string[] {
  const byNode = podsByNode(daemonPods(world, ds), true);
  const problems: string[] = [];
  const nodes = world.store.list('Node');
  for (const node of nodes) {
    const name = node.metadata.name;
    const active = (byNode.get(name) ?? []).filter((p) => !p.metadata.deletionTimestamp);
    const e = nodeShouldRunDaemonPod(ds, node);
    if (e.shouldRun) {
      if (active.length !== 1) problems.push(`${name} runs ${active.length} pods (wants 1)`);
      else if (!ready(active[0]!) && appCanBeReady(active[0]!) && !unschedulable(active[0]!))
        problems.push(`${name}: pod/${active[0]!.metadata.name} is not Ready`);
    } else if (!e.shouldContinueRunning && active.length > 0) {
      problems.push(
        `${name} is not eligible but runs ${active.map((p) => `pod/${p.metadata.name}`).join(', ')}`,
      );
    } else if (active.length > 1) problems.push(`${name} runs ${active.length} pods`);
  }
  const known = new Set(nodes.map((n) => n.metadata.name));
  for (const [name, pods] of [...byNode.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (known.has(name)) continue;
    const active = pods.filter((p) => !p.metadata.deletionTimestamp);
    if (active.length > 0) problems.push(`node ${name} is gone but ${active.length} pods still target it`);
  }
  return problems;
}

/** A rollout Kubernetes itself cannot finish: a pod still terminating on a node that does not report. */
function rolloutHeld(world: World, pods: readonly KObject[]): string | undefined {
  for (const p of pods) {
    if (!p.metadata.deletionTimestamp || !p.spec?.nodeName) continue;
    const m = world.machines.get(p.spec.nodeName);
    if (m && !isReporting(m)) return p.spec.nodeName;
  }
  return undefined;
}

function outdated(world: World, ds: KObject): string | null {
  if (ds.spec?.updateStrategy?.type === 'OnDelete') return null;
  const hash = templateHash(ds);
  const pods = daemonPods(world, ds);
  const stale = pods.filter((p) => !p.metadata.deletionTimestamp && podHash(p) !== hash);
  const onDesired = stale.filter((p) => {
    const node = world.store.get('Node', p.spec?.nodeName ?? '');
    return node && nodeShouldRunDaemonPod(ds, node).shouldRun;
  });
  if (onDesired.length === 0 || rolloutHeld(world, pods)) return null;
  return `${onDesired.length} pods still run an old template (${onDesired.map((p) => p.metadata.name).join(', ')})`;
}

export const daemonSetChecks: WorkloadChecks = {
  kind: 'DaemonSet',
  notConverged(world, ds) {
    const problems = coverageProblems(world, ds);
    const old = outdated(world, ds);
    if (old) problems.push(old);
    return problems.length === 0 ? null : problems.slice(0, 5).join('; ');
  },
  fingerprint: (world, ds) =>
    daemonPods(world, ds)
      .filter((p) => !p.metadata.deletionTimestamp)
      .map((p) => p.metadata.uid)
      .sort()
      .join(','),
  expectedStatus(world, ds) {
    const counts = statusCounts(
      ds,
      world.store.list('Node'),
      podsByNode(daemonPods(world, ds)),
      templateHash(ds),
      world.now,
    );
    return { ...counts, observedGeneration: ds.metadata.generation };
  },
};
