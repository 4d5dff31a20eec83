import { defineFault } from '../types.ts';

/** A node joins: its machine boots, its kubelet registers the Node and reports Ready. */
export const addNode = defineFault({
  kind: 'add-node',
  summary: { en: 'a node joins and becomes Ready', ko: '새 노드가 클러스터에 합류하고 Ready가 된다' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    node: { type: 'string', required: true, doc: 'the new node name' },
    labels: { type: 'labels', removable: false, doc: 'node labels' },
    taints: { type: 'taints', doc: 'node taints' },
    unschedulable: { type: 'boolean', doc: 'join cordoned' },
  },
  example: '{do: add-node, node: node-d, labels: {topology.kubernetes.io/zone: b}}',
  describe: (ev) => `add-node ${ev.node}`,
  apply(world, ev) {
    const name = ev.node;
    if (world.store.get('Node', name) || world.machines.get(name)?.removed === false) {
      return { applied: false, reason: `node ${name} already exists` };
    }
    world.addNode({
      name,
      labels: ev.labels ?? {},
      taints: ev.taints ?? [],
      unschedulable: ev.unschedulable ?? false,
      podCapacity: 110,
    });
    return { applied: true, effect: { code: 'node.joined', params: { node: name } } };
  },
  generate(ctx, rng) {
    const name = `node-x${rng.int(1000)}`;
    if (ctx.nodeNames.includes(name)) return null;
    ctx.nodeNames.push(name);
    return { at: ctx.at, do: 'add-node', node: name };
  },
});
