/**
 * A ReplicaSet controller written as operators are, with @kubernetes/client-node only: informers
 * for ReplicaSets and Pods (makeInformer), the typed API clients for writes. It imports nothing from
 * kubeprop: test/clientNode/operator.test.ts maps '@kubernetes/client-node' to kubeprop's adapter
 * and runs this file unchanged under chaos.
 */
import {
  AppsV1Api,
  CoreV1Api,
  KubeConfig,
  makeInformer,
  type V1OwnerReference,
  type V1Pod,
  type V1ReplicaSet,
} from '@kubernetes/client-node';

const NAMESPACE = 'default';

export async function startOperator(): Promise<void> {
  const kc = new KubeConfig();
  kc.loadFromDefault();
  const core = kc.makeApiClient(CoreV1Api);
  const apps = kc.makeApiClient(AppsV1Api);
  const sets = makeInformer<V1ReplicaSet>(kc, `/apis/apps/v1/namespaces/${NAMESPACE}/replicasets`, () =>
    apps.listNamespacedReplicaSet({ namespace: NAMESPACE }),
  );
  const pods = makeInformer<V1Pod>(kc, `/api/v1/namespaces/${NAMESPACE}/pods`, () =>
    core.listNamespacedPod({ namespace: NAMESPACE }),
  );

  /** Pods created and not yet seen by the pod informer, per ReplicaSet (expectations). */
  const expected = new Map<string, number>();
  const queue = new Set<string>();
  let working = false;

  const controllerOf = (pod: V1Pod): V1OwnerReference | undefined =>
    pod.metadata?.ownerReferences?.find((r) => r.controller && r.kind === 'ReplicaSet');
  const active = (pod: V1Pod) =>
    !pod.metadata?.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';

  function enqueue(name: string | undefined): void {
    if (!name) return;
    queue.add(name);
    if (!working) void work();
  }

  async function work(): Promise<void> {
    working = true;
    while (queue.size > 0) {
      const name = [...queue].sort()[0]!;
      queue.delete(name);
      try {
        await sync(name);
      } catch {
        // A rejected call: the next event about this set tries again.
      }
    }
    working = false;
  }

  async function sync(name: string): Promise<void> {
    const rs = sets.get(name, NAMESPACE);
    if (!rs?.metadata?.uid || rs.metadata.deletionTimestamp) return;
    if ((expected.get(name) ?? 0) > 0) return;
    const owned = pods.list(NAMESPACE).filter((p) => controllerOf(p)?.uid === rs.metadata?.uid && active(p));
    const want = rs.spec?.replicas ?? 1;
    if (owned.length < want) {
      expected.set(name, want - owned.length);
      const creates = Array.from({ length: want - owned.length }, () =>
        core.createNamespacedPod({ namespace: NAMESPACE, body: newPod(rs) }).catch((e: unknown) => {
          expected.set(name, (expected.get(name) ?? 1) - 1);
          throw e;
        }),
      );
      await Promise.allSettled(creates);
    } else if (owned.length > want) {
      const victims = [...owned]
        .sort((a, b) =>
          String(b.metadata?.creationTimestamp).localeCompare(String(a.metadata?.creationTimestamp)),
        )
        .slice(0, owned.length - want);
      await Promise.allSettled(
        victims.map((p) => core.deleteNamespacedPod({ name: p.metadata!.name!, namespace: NAMESPACE })),
      );
    }
  }

  sets.on('add', (rs) => enqueue(rs.metadata?.name));
  sets.on('update', (rs) => enqueue(rs.metadata?.name));
  pods.on('add', (pod) => {
    const owner = controllerOf(pod)?.name;
    if (owner && (expected.get(owner) ?? 0) > 0) expected.set(owner, expected.get(owner)! - 1);
    enqueue(owner);
  });
  pods.on('update', (pod) => enqueue(controllerOf(pod)?.name));
  pods.on('delete', (pod) => enqueue(controllerOf(pod)?.name));
  await sets.start();
  await pods.start();
}

function newPod(rs: V1ReplicaSet): V1Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata!.name}-`,
      namespace: NAMESPACE,
      labels: { ...rs.spec!.template!.metadata!.labels },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata!.name!,
          uid: rs.metadata!.uid!,
          controller: true,
        },
      ],
    },
    spec: rs.spec!.template!.spec!,
  };
}
