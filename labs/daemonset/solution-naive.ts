/**
 * The mistakes students make, on purpose (the lab must catch them): no expectations, so a cache that
 * has not yet seen the pod just created for a node makes it create a second one there; and any pod
 * on a node counts, even a Failed one that will never run again.
 */
import type { Controller } from '../../src/index.ts';

const controller: Controller = {
  name: 'lab-daemonset',
  kind: 'DaemonSet',
  watches: ['Pod', 'Node'],
  onEvent: (ev) => (ev.object.kind === 'Node' ? ['default/agent'] : undefined),
  async reconcile(key, client) {
    const ds = client.get('DaemonSet', key);
    if (!ds) return undefined;
    const pods = client
      .list('Pod', { namespace: ds.metadata.namespace ?? 'default' })
      .filter((p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid));
    for (const node of client.list('Node')) {
      if (pods.some((p) => p.spec?.nodeName === node.metadata.name && !p.metadata.deletionTimestamp))
        continue;
      await client.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: `${ds.metadata.name}-`,
          namespace: ds.metadata.namespace ?? 'default',
          labels: { ...ds.spec.template.metadata.labels },
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
        spec: { ...ds.spec.template.spec, nodeName: node.metadata.name },
      });
    }
    return undefined;
  },
};

export default controller;
