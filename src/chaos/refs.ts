/** Resolves the references in events (pods, nodes, workloads) against the API store at that moment. */
import { isPodActive } from '../model/pod.ts';
import { parseTimestamp } from '../model/time.ts';
import type { Kind, KObject, Pod } from '../model/types.ts';
import type { Container, Machine } from '../sim/machine.ts';
import type { World } from '../sim/world.ts';
import type { PodRef, WorkloadKind } from './types.ts';

const KINDS: Record<WorkloadKind, Kind> = {
  replicaset: 'ReplicaSet',
  daemonset: 'DaemonSet',
  statefulset: 'StatefulSet',
  deployment: 'Deployment',
};

/** The workload kinds a target may name, lower-case. */
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'replicaset',
  'daemonset',
  'statefulset',
  'deployment',
];

/** What kubectl accepts for a kind besides its lower-case name: plurals and short names. */
const KIND_ALIASES: Readonly<Record<string, WorkloadKind>> = {
  replicasets: 'replicaset',
  rs: 'replicaset',
  daemonsets: 'daemonset',
  ds: 'daemonset',
  statefulsets: 'statefulset',
  sts: 'statefulset',
  deployments: 'deployment',
  deploy: 'deployment',
};

const NAME_RE = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * `<kind>/<name>` in the canonical form (`statefulset/web`) for any form kubectl takes
 * (`sts/web`, `StatefulSet/web`, `statefulsets.apps/web`); undefined when it names no workload.
 */
export function canonicalTarget(target: string): string | undefined {
  const slash = target.indexOf('/');
  if (slash < 0) return undefined;
  const name = target.slice(slash + 1);
  let kind = target.slice(0, slash).toLowerCase();
  if (kind.endsWith('.apps')) kind = kind.slice(0, -'.apps'.length);
  const canonical = (WORKLOAD_KINDS as readonly string[]).includes(kind)
    ? (kind as WorkloadKind)
    : KIND_ALIASES[kind];
  return canonical !== undefined && NAME_RE.test(name) ? `${canonical}/${name}` : undefined;
}

/** `<kind>/<name>` → the stored workload, if it exists. */
export function resolveTarget(world: World, target: string): KObject | undefined {
  const [kind, name] = splitTarget(target);
  const k = KINDS[kind];
  return k ? world.store.get(k, `default/${name}`) : undefined;
}

export function kindOfTarget(target: string): Kind | undefined {
  return KINDS[splitTarget(target)[0]];
}

/** Parsed events are canonical already; other forms (a caller's own events) are normalised first. */
function splitTarget(target: string): [WorkloadKind, string] {
  const [kind, name] = target.split('/') as [WorkloadKind, string];
  if (Object.hasOwn(KINDS, kind)) return [kind, name];
  return (canonicalTarget(target) ?? '/').split('/') as [WorkloadKind, string];
}

/** A pod reference: a name, `{owner, index}` (active pods by creationTimestamp then name) or `{owner, node}`. */
export function resolvePod(world: World, r: PodRef): KObject | undefined {
  if (typeof r === 'string') return world.store.get('Pod', `default/${r}`);
  const owner = resolveTarget(world, r.owner);
  if (!owner) return undefined;
  const keys = podKeysOf(world, owner);
  if (keys.length === 0) return undefined;
  const pods = keys.map((k) => world.store.get('Pod', k)!).filter((p) => p && isPodActive(p as Pod));
  if (r.node !== undefined) return pods.filter((p) => p.spec?.nodeName === r.node).sort(byName)[0];
  pods.sort(
    (a, b) =>
      parseTimestamp(a.metadata.creationTimestamp) - parseTimestamp(b.metadata.creationTimestamp) ||
      byName(a, b),
  );
  return pods[r.index ?? 0];
}

/** Keys of the pods a workload controls; a Deployment's pods are those of its ReplicaSets. */
function podKeysOf(world: World, owner: KObject): string[] {
  const direct = world.store.index.podsByController;
  if (owner.kind !== 'Deployment') return [...(direct.get(owner.metadata.uid) ?? [])];
  return world.store
    .list('ReplicaSet')
    .filter((rs) => rs.metadata.ownerReferences?.some((o) => o.controller && o.uid === owner.metadata.uid))
    .flatMap((rs) => [...(direct.get(rs.metadata.uid) ?? [])]);
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
export function podRefText(r: PodRef): string {
  if (typeof r === 'string') return r;
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
