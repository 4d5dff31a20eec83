/**
 * A correct ReplicaSet controller written against kubeprop's controller API: it keeps exactly
 * spec.replicas active pods, counts neither terminating nor finished (Succeeded, Failed) pods, and
 * uses expectations so that a cache that lags does not make it create (or delete) twice.
 */
import type { Client, Controller, ControllerEvent, KObject } from '../../src/index.ts';

/** Creates and deletions asked for and not yet seen in the cache, per ReplicaSet key. */
const expectedAdds = new Map<string, number>();
const expectedDeletes = new Map<string, Set<string>>();

function ownerKey(pod: KObject): string | undefined {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref?.kind === 'ReplicaSet' ? `${pod.metadata.namespace ?? 'default'}/${ref.name}` : undefined;
}

function podKey(pod: KObject): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

function isActive(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

function isReady(pod: KObject): boolean {
  return (pod.status?.conditions ?? []).some(
    (c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True',
  );
}

/** The informer handler: a pod seen created or going away lowers its owner's expectations. */
function observe(ev: ControllerEvent): readonly string[] | undefined {
  if (ev.object.kind !== 'Pod') return undefined;
  const owner = ownerKey(ev.object);
  if (owner === undefined) return [];
  if (ev.type === 'ADDED') expectedAdds.set(owner, Math.max(0, (expectedAdds.get(owner) ?? 0) - 1));
  if (ev.type === 'DELETED' || ev.object.metadata.deletionTimestamp)
    expectedDeletes.get(owner)?.delete(podKey(ev.object));
  return [owner];
}

function satisfied(key: string): boolean {
  return (expectedAdds.get(key) ?? 0) === 0 && (expectedDeletes.get(key)?.size ?? 0) === 0;
}

/** Which pods go first on a scale-down: unscheduled, then not ready, then the youngest. */
function deletionOrder(a: KObject, b: KObject): number {
  const rank = (p: KObject) => (p.spec?.nodeName ? 1 : 0) * 2 + (isReady(p) ? 1 : 0);
  return (
    rank(a) - rank(b) ||
    (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
    a.metadata.name.localeCompare(b.metadata.name)
  );
}

function newPod(rs: KObject): Parameters<Client['create']>[0] {
  const template = rs.spec.template;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace ?? 'default',
      labels: { ...(template.metadata?.labels ?? {}) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs.metadata.name,
          uid: rs.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: template.spec,
  };
}

async function scaleUp(client: Client, key: string, rs: KObject, count: number): Promise<void> {
  expectedAdds.set(key, count);
  const results = await Promise.allSettled(Array.from({ length: count }, () => client.create(newPod(rs))));
  // A create that failed will never be seen: stop waiting for it.
  const failed = results.filter((r) => r.status === 'rejected');
  expectedAdds.set(key, Math.max(0, (expectedAdds.get(key) ?? 0) - failed.length));
  if (failed.length > 0) throw (failed[0] as PromiseRejectedResult).reason;
}

async function scaleDown(client: Client, key: string, victims: KObject[]): Promise<void> {
  const names = new Set(victims.map(podKey));
  expectedDeletes.set(key, names);
  const results = await Promise.allSettled(
    victims.map((p) => client.delete('Pod', podKey(p), { uid: p.metadata.uid })),
  );
  results.forEach((r, i) => {
    if (r.status === 'rejected') names.delete(podKey(victims[i]!));
  });
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

/** Every field kubectl and a Deployment read, as Kubernetes' ReplicaSet controller computes them. */
async function writeStatus(client: Client, rs: KObject, pods: KObject[], owned: KObject[]): Promise<void> {
  const templateLabels: Record<string, string> = rs.spec.template?.metadata?.labels ?? {};
  const status = {
    ...rs.status,
    replicas: pods.length,
    fullyLabeledReplicas: pods.filter((p) =>
      Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v),
    ).length,
    readyReplicas: pods.filter(isReady).length,
    availableReplicas: pods.filter(isReady).length,
    terminatingReplicas: owned.filter((p) => p.metadata.deletionTimestamp).length,
    observedGeneration: rs.metadata.generation,
  };
  if (JSON.stringify(status) === JSON.stringify(rs.status)) return;
  await client.updateStatus({ ...rs, status });
}

const controller: Controller = {
  name: 'lab-replicaset',
  kind: 'ReplicaSet',
  watches: ['Pod'],
  onStart() {
    expectedAdds.clear();
    expectedDeletes.clear();
  },
  onEvent: observe,
  async reconcile(key, client) {
    const rs = client.get('ReplicaSet', key);
    if (!rs || rs.metadata.deletionTimestamp) {
      expectedAdds.delete(key);
      expectedDeletes.delete(key);
      return;
    }
    // Decide only on a cache that has seen our own last writes; the event that completes them requeues.
    if (!satisfied(key)) return;
    const owned = client
      .list('Pod', { namespace: rs.metadata.namespace ?? 'default', labelSelector: rs.spec.selector })
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid));
    const pods = owned.filter(isActive);
    const want = rs.spec.replicas ?? 1;
    if (pods.length < want) await scaleUp(client, key, rs, want - pods.length);
    else if (pods.length > want)
      await scaleDown(client, key, [...pods].sort(deletionOrder).slice(0, pods.length - want));
    await writeStatus(client, rs, pods, owned);
    return undefined;
  },
};

export default controller;
