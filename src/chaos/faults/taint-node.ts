import type { Taint } from '../../model/types.ts';
import { defineFault } from '../types.ts';

/** Adds a taint to a node (NoExecute evicts pods that do not tolerate it). */
export const taintNodeFault = defineFault({
  kind: 'taint-node',
  summary: { en: 'add a taint {key, value?, effect}', ko: '노드에 테인트를 추가한다' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    node: { type: 'string', required: true, doc: 'the node name' },
    taint: { type: 'taint', required: true, doc: 'the taint to add {key, value?, effect}' },
  },
  example: '{do: taint-node, node: node-a, taint: {key: dedicated, value: db, effect: NoSchedule}}',
  describe: (ev) => `taint-node ${ev.node} ${taintText(ev.taint)}`,
  apply(world, ev) {
    const name = ev.node;
    const t = ev.taint;
    if (!world.store.get('Node', name)) return { applied: false, reason: `node ${name} does not exist` };
    world.lifecycle.setTaint(name, t, true);
    return { applied: true, effect: { code: 'node.tainted', params: { node: name, taint: taintText(t) } } };
  },
  generate: (ctx, rng) =>
    ctx.nodeNames.length === 0
      ? null
      : {
          at: ctx.at,
          do: 'taint-node',
          node: rng.pick(ctx.nodeNames),
          taint: {
            key: 'kubeprop.io/maintenance',
            value: 'true',
            effect: rng.pick(['NoSchedule', 'NoExecute', 'PreferNoSchedule']),
          },
        },
});

export function taintText(t: Taint): string {
  return `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`;
}
