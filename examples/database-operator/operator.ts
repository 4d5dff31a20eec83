/**
 * An operator for a custom resource, checked under kubeprop's chaos (issue #15 item 3). A
 * `Database` (example.com/v1) asks for `spec.replicas` instances; the operator keeps a headless
 * Service and a StatefulSet of that name, both controlled by the Database, so deleting the Database
 * garbage-collects them. It creates what is missing, scales the StatefulSet with a patch (no
 * conflict to lose) and reports the ready instances in the Database's status.
 */
import { ApiError, type Controller, type KObject } from '../../src/index.ts';

const PORT = 5432;

function ownedBy(db: KObject) {
  return [
    {
      apiVersion: 'example.com/v1',
      kind: 'Database',
      name: db.metadata.name,
      uid: db.metadata.uid,
      controller: true,
      blockOwnerDeletion: true,
    },
  ];
}

function headlessService(db: KObject) {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: db.metadata.name, namespace: db.metadata.namespace, ownerReferences: ownedBy(db) },
    spec: { clusterIP: 'None', selector: { database: db.metadata.name }, ports: [{ port: PORT }] },
  };
}

function statefulSet(db: KObject) {
  const labels = { database: db.metadata.name };
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: db.metadata.name, namespace: db.metadata.namespace, ownerReferences: ownedBy(db) },
    spec: {
      replicas: db.spec.replicas,
      serviceName: db.metadata.name,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            { name: 'db', image: db.spec.image ?? 'postgres:17', ports: [{ containerPort: PORT }] },
          ],
        },
      },
    },
  } as const;
}

/** A create the cache has not caught up with yet answers AlreadyExists: nothing to do. */
function unlessExists(e: unknown): void {
  if (!(e instanceof ApiError && e.code === 'AlreadyExists')) throw e;
}

const operator: Controller = {
  name: 'database-operator',
  kind: 'Database',
  watches: ['Service', 'StatefulSet'],
  async reconcile(key, client) {
    const db = client.get('Database', key);
    if (!db || db.metadata.deletionTimestamp) return undefined;
    if (!client.get('Service', key)) await client.create(headlessService(db)).catch(unlessExists);
    const sts = client.get('StatefulSet', key);
    if (!sts) {
      await client.create(statefulSet(db)).catch(unlessExists);
      return undefined;
    }
    if (sts.spec.replicas !== db.spec.replicas)
      await client.patch('StatefulSet', key, (cur) => ({
        ...cur,
        spec: { ...cur.spec, replicas: db.spec.replicas },
      }));
    const readyReplicas = sts.status?.readyReplicas ?? 0;
    if (db.status?.readyReplicas !== readyReplicas)
      await client.updateStatus({ ...db, status: { ...db.status, readyReplicas } });
    return undefined;
  },
};

export default operator;
