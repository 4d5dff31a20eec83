import { validateLabels } from '../../model/labels.ts';
import { validateTaint } from '../../model/taints.ts';
import type { Taint } from '../../model/types.ts';
import { firstError, onlyFields, requireString } from '../fields.ts';
import type { FaultDef } from '../types.ts';

/** A node joins: its machine boots, its kubelet registers the Node and reports Ready. */
export const addNode: FaultDef = {
  kind: 'add-node',
  summary: { en: 'a node joins and becomes Ready', ko: '새 Node가 클러스터에 합류하고 Ready가 된다' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  validate(ev) {
    const base = firstError(
      onlyFields(ev, ['node', 'labels', 'taints', 'unschedulable']),
      requireString(ev, 'node'),
    );
    if (base) return base;
    if (ev.labels !== undefined) {
      const err = validateLabels(ev.labels as Record<string, string>, 'labels');
      if (err) return { field: 'labels', message: err };
    }
    if (ev.taints !== undefined) {
      if (!Array.isArray(ev.taints)) return { field: 'taints', message: '`taints` must be a list' };
      for (const [i, t] of ev.taints.entries()) {
        const err = validateTaint(t as Taint, `taints[${i}]`);
        if (err) return { field: 'taints', message: err };
      }
    }
    if (ev.unschedulable !== undefined && typeof ev.unschedulable !== 'boolean') {
      return { field: 'unschedulable', message: '`unschedulable` must be true or false' };
    }
    return null;
  },
  describe: (ev) => `add-node ${ev.node}`,
  apply(world, ev) {
    const name = ev.node as string;
    if (world.store.get('Node', name) || world.machines.get(name)?.removed === false) {
      return { applied: false, reason: `node ${name} already exists` };
    }
    world.addNode({
      name,
      labels: (ev.labels as Record<string, string>) ?? {},
      taints: (ev.taints as Taint[]) ?? [],
      unschedulable: (ev.unschedulable as boolean) ?? false,
      podCapacity: 110,
    });
    return { applied: true, text: `node ${name} joined` };
  },
  generate(ctx, rng) {
    const name = `node-x${rng.int(1000)}`;
    if (ctx.nodeNames.includes(name)) return null;
    ctx.nodeNames.push(name);
    return { at: ctx.at, do: 'add-node', node: name };
  },
};
