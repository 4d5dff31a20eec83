/** The end state of a run, summarised for reports (from the API store and the machines). */
import { isPodReady, podRestartCount } from '../model/pod.ts';
import type { Pod } from '../model/types.ts';
import { nodeReadyStatus, nodeTaints } from '../sim/nodes.ts';
import type { World } from '../sim/world.ts';
import type { FinalState } from './types.ts';

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
    pods: store.list('Pod').map((p) => {
      const owner = p.metadata.ownerReferences?.find((r) => r.controller === true);
      const revision = p.metadata.labels?.['controller-revision-hash'];
      return {
        name: p.metadata.name,
        node: p.spec?.nodeName ?? null,
        phase: p.status?.phase ?? 'Pending',
        ready: isPodReady(p as Pod),
        terminating: !!p.metadata.deletionTimestamp,
        owner: owner ? `${owner.kind.toLowerCase()}/${owner.name}` : null,
        restarts: podRestartCount(p as Pod),
        ...(revision ? { revision } : {}),
      };
    }),
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
