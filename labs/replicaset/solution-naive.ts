/**
 * The mistakes students make, on purpose (the lab must catch them): no expectations, so a cache
 * that has not yet seen the pods just created makes it create more; and every pod not being deleted
 * counts, even a Failed one that will never run again.
 */
import type { Controller, KObject } from '../../src/index.ts';

function owned(rs: KObject, pod: KObject): boolean {
  return pod.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid) ?? false;
}

const controller: Controller = {
  name: 'lab-replicaset',
  kind: 'ReplicaSet',
  watches: ['Pod'],
  async reconcile(key, client) {
    const rs = client.get('ReplicaSet', key);
    if (!rs) return undefined;
    const pods = client
      .list('Pod', { namespace: rs.metadata.namespace ?? 'default', labelSelector: rs.spec.selector })
      .filter((p) => owned(rs, p) && !p.metadata.deletionTimestamp);
    const want = rs.spec.replicas ?? 1;
    for (let i = pods.length; i < want; i++) {
      await client.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${rs.metadata.name}-`,
          namespace: rs.metadata.namespace ?? 'default',
          labels: { ...rs.spec.template.metadata.labels },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'ReplicaSet',
              name: rs.metadata.name,
              uid: rs.metadata.uid,
              controller: true,
            },
          ],
        },
        spec: rs.spec.template.spec,
      });
    }
    for (const pod of pods.slice(want))
      await client.delete('Pod', `${pod.metadata.namespace}/${pod.metadata.name}`);
    await client.updateStatus({ ...rs, status: { ...rs.status, replicas: pods.length } });
    return undefined;
  },
};

export default controller;
