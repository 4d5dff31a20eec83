/** The end state of a run, summarised for reports (from the API store and the machines). */
import { isPodReady, podRestartCount } from '../model/pod.ts';
import type { KObject, OwnerReference, Pod } from '../model/types.ts';
import { nodeReadyStatus, nodeTaints } from '../sim/nodes.ts';
import type { World } from '../sim/world.ts';
import type { FinalPod, FinalState } from './types.ts';

const WORKLOAD_KINDS = ['ReplicaSet', 'DaemonSet', 'StatefulSet', 'Deployment'] as const;

export function finalState(world: World): FinalState {
  const store = world.store;
  return {
    nodes: store.list('Node').map((n) => {
      const m = world.machines.get(n.metadata.name);
      return {
        name: n.metadata.name,
        ready: nodeReadyStatus(n),
        up: m?.up ?? false,
        reachable: m?.reachable ?? false,
        unschedulable: !!n.spec?.unschedulable,
        taints: nodeTaints(n).map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`),
      };
    }),
    pods: finalPods(store.list('Pod')),
    workloads: WORKLOAD_KINDS.flatMap((k) =>
      store.list(k).map((o) => ({ kind: k, name: o.metadata.name, spec: o.spec, status: o.status ?? {} })),
    ),
    pvcs: store.list('PersistentVolumeClaim').map((c) => ({
      name: c.metadata.name,
      phase: c.status?.phase ?? 'Pending',
      volume: c.spec?.volumeName ?? null,
      terminating: !!c.metadata.deletionTimestamp,
    })),
  };
}

/**
 * One line per pod. The owner's name is one string per owner reference, not per pod (a
 * ReplicaSet's pods share their reference): a 150,000-pod run keeps these until its report.
 */
function finalPods(pods: readonly KObject[]): FinalPod[] {
  const owners = new Map<OwnerReference, string>();
  return pods.map((p) => {
    const revision = p.metadata.labels?.['controller-revision-hash'];
    const pod: FinalPod = {
      name: p.metadata.name,
      node: p.spec?.nodeName ?? null,
      phase: p.status?.phase ?? 'Pending',
      ready: isPodReady(p as Pod),
      terminating: !!p.metadata.deletionTimestamp,
      owner: ownerName(
        owners,
        p.metadata.ownerReferences?.find((r) => r.controller === true),
      ),
      restarts: podRestartCount(p as Pod),
    };
    if (revision) pod.revision = revision;
    return pod;
  });
}

function ownerName(names: Map<OwnerReference, string>, owner: OwnerReference | undefined): string | null {
  if (!owner) return null;
  let name = names.get(owner);
  if (name === undefined) {
    name = `${owner.kind.toLowerCase()}/${owner.name}`;
    names.set(owner, name);
  }
  return name;
}
