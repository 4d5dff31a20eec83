/** Resolves the references in events (pods, nodes, workloads) against the API store at that moment. */
import { isPodActive } from '../model/pod.ts';
import { parseTimestamp } from '../model/time.ts';
import type { Kind, KObject, Pod } from '../model/types.ts';
import type { Container, Machine } from '../sim/machine.ts';
import type { World } from '../sim/world.ts';

const KINDS: Record<string, Kind> = {
  replicaset: 'ReplicaSet',
  daemonset: 'DaemonSet',
  statefulset: 'StatefulSet',
  deployment: 'Deployment',
};

/** `<kind>/<name>` → the stored workload, if it exists. */
export function resolveTarget(world: World, target: string): KObject | undefined {
  const [kind, name] = target.split('/') as [string, string];
  const k = KINDS[kind];
  return k ? world.store.get(k, `default/${name}`) : undefined;
}

export function kindOfTarget(target: string): Kind | undefined {
  return KINDS[target.split('/')[0]!];
}

/** A pod reference: a name, `{owner, index}` (active pods by creationTimestamp then name) or `{owner, node}`. */
export function resolvePod(world: World, ref: unknown): KObject | undefined {
  if (typeof ref === 'string') return world.store.get('Pod', `default/${ref}`);
  const r = ref as { owner: string; index?: number; node?: string };
  const owner = resolveTarget(world, r.owner);
  if (!owner) return undefined;
  const keys = world.store.index.podsByController.get(owner.metadata.uid);
  if (!keys) return undefined;
  const pods = [...keys].map((k) => world.store.get('Pod', k)!).filter((p) => p && isPodActive(p as Pod));
  if (r.node !== undefined) return pods.filter((p) => p.spec?.nodeName === r.node).sort(byName)[0];
  pods.sort(
    (a, b) =>
      parseTimestamp(a.metadata.creationTimestamp) - parseTimestamp(b.metadata.creationTimestamp) ||
      byName(a, b),
  );
  return pods[r.index ?? 0];
}

function byName(a: KObject, b: KObject): number {
  return a.metadata.name.localeCompare(b.metadata.name);
}

/** The machine and container that really run a pod, if any. */
export function containerOf(
  world: World,
  pod: KObject,
): { machine: Machine; container: Container } | undefined {
  const machine = world.machines.get(pod.spec?.nodeName);
  const container = machine?.containers.get(pod.metadata.uid);
  return machine && container ? { machine, container } : undefined;
}

/** A readable form of a pod reference for describe(). */
export function podRefText(ref: unknown): string {
  if (typeof ref === 'string') return ref;
  const r = ref as { owner: string; index?: number; node?: string };
  return r.node !== undefined ? `${r.owner} pod on ${r.node}` : `${r.owner} pod #${r.index ?? 0}`;
}

/** Applies a labels patch (null removes a label). */
export function patchLabels(
  cur: Record<string, string> | undefined,
  patch: Record<string, string | null>,
): Record<string, string> {
  const next: Record<string, string> = { ...(cur ?? {}) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next;
}
