import { patchLabels } from '../refs.ts';
import { defineFault } from '../types.ts';

/** Changes node labels (a null value removes a label), which can flip a nodeSelector. */
export const labelNodeFault = defineFault({
  kind: 'label-node',
  summary: { en: 'change node labels (null removes)', ko: '노드 레이블을 바꾼다 (null이면 삭제)' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    node: { type: 'string', required: true, doc: 'the node name' },
    labels: {
      type: 'labels',
      removable: true,
      required: true,
      doc: 'labels to set; a null value removes one',
    },
  },
  example: '{do: label-node, node: node-a, labels: {disktype: ssd, zone: null}}',
  describe: (ev) => `label-node ${ev.node} ${JSON.stringify(ev.labels)}`,
  apply(world, ev) {
    const name = ev.node;
    if (!world.store.get('Node', name)) return { applied: false, reason: `node ${name} does not exist` };
    const patch = ev.labels;
    world.store.patch('user', 'Node', name, (n) => ({
      ...n,
      metadata: { ...n.metadata, labels: patchLabels(n.metadata.labels, patch) },
    }));
    return { applied: true, effect: { code: 'node.labeled', params: { node: name } } };
  },
  generate: (ctx, rng) =>
    ctx.nodeNames.length === 0
      ? null
      : {
          at: ctx.at,
          do: 'label-node',
          node: rng.pick(ctx.nodeNames),
          labels: { 'kubeprop.io/pool': rng.chance(0.5) ? 'blue' : null },
        },
});
