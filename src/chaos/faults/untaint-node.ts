import type { Taint } from '../../model/types.ts';
import { defineFault } from '../types.ts';
import { taintText } from './taint-node.ts';

/** Removes a taint (matched by key and effect). */
export const untaintNodeFault = defineFault({
  kind: 'untaint-node',
  summary: { en: 'remove a taint', ko: '노드에서 테인트를 제거한다' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    node: { type: 'string', required: true, doc: 'the node name' },
    taint: { type: 'taint', required: true, doc: 'the taint to remove {key, value?, effect}' },
  },
  example: '{do: untaint-node, node: node-a, taint: {key: dedicated, value: db, effect: NoSchedule}}',
  describe: (ev) => `untaint-node ${ev.node} ${taintText(ev.taint)}`,
  apply(world, ev) {
    const name = ev.node;
    const t = ev.taint;
    const node = world.store.get('Node', name);
    const has = ((node?.spec?.taints ?? []) as Taint[]).some((x) => x.key === t.key && x.effect === t.effect);
    if (!has) return { applied: false, reason: `node ${name} has no taint ${taintText(t)}` };
    world.lifecycle.setTaint(name, t, false);
    return { applied: true, effect: { code: 'node.untainted', params: { node: name, taint: taintText(t) } } };
  },
  generate: (ctx, rng) =>
    ctx.nodeNames.length === 0
      ? null
      : {
          at: ctx.at,
          do: 'untaint-node',
          node: rng.pick(ctx.nodeNames),
          taint: {
            key: 'kubeprop.io/maintenance',
            value: 'true',
            effect: rng.pick(['NoSchedule', 'NoExecute', 'PreferNoSchedule']),
          },
        },
});
