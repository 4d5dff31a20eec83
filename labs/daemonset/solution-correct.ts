/**
 * A correct DaemonSet controller written against kubeprop's controller API: one daemon pod on every
 * node, bound to it by spec.nodeName. A finished pod is deleted first and replaced only once it is
 * gone, a terminating one is waited for, and expectations keep a lagging cache from placing twice.
 */
import type { Client, Controller, ControllerEvent, KObject } from '../../src/index.ts';

/** Per DaemonSet key: nodes a pod was created for, and pods deleted, not yet seen by the cache. */
const expectedCreates = new Map<string, Set<string>>();
const expectedDeletes = new Map<string, Set<string>>();

/** DaemonSets seen, so that a node event can queue them all. */
const daemonSetKeys = new Set<string>();

const keyOf = (o: KObject) => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;
const finished = (p: KObject) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

function ownerKey(pod: KObject): string | undefined {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
  return ref?.kind === 'DaemonSet' ? `${pod.metadata.namespace ?? 'default'}/${ref.name}` : undefined;
}

/** Seeing a pod of ours created or removed lowers its owner's expectations. */
function observe(ev: ControllerEvent): readonly string[] {
  if (ev.object.kind === 'Node') return [...daemonSetKeys];
  const owner = ownerKey(ev.object);
  if (owner === undefined) return [];
  if (ev.type === 'ADDED') expectedCreates.get(owner)?.delete(ev.object.spec?.nodeName);
  if (ev.type === 'DELETED') expectedDeletes.get(owner)?.delete(keyOf(ev.object));
  return [owner];
}

function satisfied(key: string): boolean {
  return (expectedCreates.get(key)?.size ?? 0) === 0 && (expectedDeletes.get(key)?.size ?? 0) === 0;
}

function daemonPod(ds: KObject, node: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod' as const,
    metadata: {
      generateName: `${ds.metadata.name}-`,
      namespace: ds.metadata.namespace ?? 'default',
      labels: { ...(ds.spec.template.metadata?.labels ?? {}) },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds.metadata.name,
          uid: ds.metadata.uid,
          controller: true,
        },
      ],
    },
    spec: { ...ds.spec.template.spec, nodeName: node },
  };
}

/** What one node needs: a pod created, pods deleted, or nothing. */
function planNode(node: string, pods: KObject[]): { create?: string; remove?: KObject[] } {
  const mine = pods.filter((p) => p.spec?.nodeName === node);
  // A finished pod never runs again: delete it, and replace it once it is gone.
  const done = mine.filter(finished);
  if (done.length > 0) return { remove: done.filter((p) => !p.metadata.deletionTimestamp) };
  if (mine.length === 0) return { create: node };
  // A pod still terminating holds the node (its host port, its socket): wait for it.
  if (mine.some((p) => p.metadata.deletionTimestamp)) return {};
  // Never two: keep the oldest.
  const byAge = [...mine].sort((a, b) =>
    (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
  );
  return { remove: byAge.slice(1) };
}

async function apply(
  client: Client,
  key: string,
  ds: KObject,
  plans: ReturnType<typeof planNode>[],
): Promise<void> {
  const creates = plans.flatMap((p) => (p.create ? [p.create] : []));
  const removes = plans.flatMap((p) => p.remove ?? []);
  const nodes = new Set(creates);
  const victims = new Set(removes.map(keyOf));
  expectedCreates.set(key, nodes);
  expectedDeletes.set(key, victims);
  const results = await Promise.allSettled([
    ...creates.map((node) =>
      client.create(daemonPod(ds, node)).catch((e: unknown) => {
        nodes.delete(node);
        throw e;
      }),
    ),
    ...removes.map((p) =>
      client.delete('Pod', keyOf(p), { uid: p.metadata.uid }).catch((e: unknown) => {
        victims.delete(keyOf(p));
        throw e;
      }),
    ),
  ]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw (failed as PromiseRejectedResult).reason;
}

const controller: Controller = {
  name: 'lab-daemonset',
  kind: 'DaemonSet',
  watches: ['Pod', 'Node'],
  onStart() {
    expectedCreates.clear();
    expectedDeletes.clear();
  },
  onEvent: (ev) => (ev.object.kind === 'DaemonSet' ? undefined : observe(ev)),
  async reconcile(key, client) {
    const ds = client.get('DaemonSet', key);
    if (!ds || ds.metadata.deletionTimestamp) {
      daemonSetKeys.delete(key);
      expectedCreates.delete(key);
      expectedDeletes.delete(key);
      return undefined;
    }
    daemonSetKeys.add(key);
    if (!satisfied(key)) return undefined;
    const pods = client
      .list('Pod', { namespace: ds.metadata.namespace ?? 'default' })
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid));
    const nodes = client.list('Node').filter((n) => !n.metadata.deletionTimestamp);
    // Pods on nodes that are gone: the pod GC removes them; nothing to place there.
    const plans = nodes.map((n) => planNode(n.metadata.name, pods));
    await apply(client, key, ds, plans);
    return undefined;
  },
};

export default controller;
