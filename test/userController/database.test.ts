import { describe, expect, it } from 'vitest';
import { databaseServed } from '../../examples/database-operator/invariant.ts';
import operator from '../../examples/database-operator/operator.ts';
import { loadScenario } from '../../src/api/scenario.ts';
import type { Kind, KObject, NewObject } from '../../src/model/types.ts';
import { World } from '../../src/sim/world.ts';
import { runWithControllers } from '../../src/userController/run.ts';

const DB = {
  apiVersion: 'example.com/v1',
  kind: 'Database',
  metadata: { name: 'orders', namespace: 'default' },
  spec: { replicas: 3, image: 'postgres:17' },
};
const SCENARIO = 'examples/database-operator/scenario.yaml';

describe('a custom resource and its operator', () => {
  it('the Database operator keeps its headless Service and StatefulSet through a node crash', async () => {
    const r = await runWithControllers(loadScenario(SCENARIO), {
      controllers: { database: operator },
      objects: [DB],
      invariants: [databaseServed],
    });
    expect(r.error).toBeUndefined();
    expect(r.invariants.find((i) => i.id === 'database.served')?.status).toBe('held');
    expect(r.events.some((e) => e.actor === 'database-operator')).toBe(true);
  });

  it('its invariant fails when the operator forgets the Service', async () => {
    const forgetful = {
      ...operator,
      reconcile: async (key: string, client: Parameters<typeof operator.reconcile>[1]) => {
        const db = client.get('Database', key);
        if (db && !client.get('StatefulSet', key))
          await operator.reconcile(key, {
            ...client,
            create: (o) => (o.kind === 'Service' ? Promise.resolve(db) : client.create(o)),
          });
        return undefined;
      },
    };
    const r = await runWithControllers(loadScenario(SCENARIO), {
      controllers: { database: forgetful },
      objects: [DB],
      invariants: [databaseServed],
    });
    const v = r.invariants.find((i) => i.id === 'database.served');
    expect(v?.status).toBe('violated');
    expect(v?.violations[0]?.message).toBe('database/orders has no headless Service of its own');
  });

  it('a custom resource is stored, watched and its dependents garbage-collected', () => {
    const scenario = loadScenario(SCENARIO);
    const world = new World({ seed: 1, sim: scenario.sim });
    const seen: string[] = [];
    const informer = world.newInformer('probe', ['Database' as Kind]);
    informer.setHandler((ev) => seen.push(`${ev.type} ${ev.key}`));
    const db = world.store.create('user', DB as unknown as NewObject);
    if (!db.ok) throw new Error(db.message);
    const owner = {
      apiVersion: 'example.com/v1',
      kind: 'Database',
      name: 'orders',
      uid: db.obj.metadata.uid,
      controller: true,
    };
    const svc = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'orders', ownerReferences: [owner] },
      spec: { clusterIP: 'None' },
    };
    expect(world.store.create('operator', svc as NewObject).ok).toBe(true);
    expect(world.store.delete('user', 'Database' as Kind, 'default/orders').ok).toBe(true);
    while (world.step()) {}
    expect(world.store.get('Service', 'default/orders')).toBeUndefined();
    expect(seen).toEqual(['ADDED default/orders', 'DELETED default/orders']);
    expect(informer.get('Database' as Kind, 'default/orders') as KObject | undefined).toBeUndefined();
  });
});
