/** A fault that acts on one node by name: validation, description and generation are shared. */
import type { World } from '../sim/world.ts';
import type { FaultEffect } from '../trace/messages.ts';
import type { EventBase, FaultDef } from './types.ts';

export function nodeFault<const K extends string>(
  kind: K,
  summary: { en: string; ko: string },
  act: (world: World, node: string) => FaultEffect | undefined,
): FaultDef<EventBase<K> & { node: string }> {
  return {
    kind,
    summary,
    appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
    fields: { node: { type: 'string', required: true, doc: 'the node name' } },
    example: `{do: ${kind}, node: node-a}`,
    describe: (ev) => `${kind} ${ev.node}`,
    apply(world, ev) {
      const effect = act(world, ev.node);
      return effect
        ? { applied: true, effect }
        : { applied: false, reason: `${kind}: node ${ev.node} is not in a state where this applies` };
    },
    generate: (ctx, rng) =>
      ctx.nodeNames.length === 0 ? null : { at: ctx.at, do: kind, node: rng.pick(ctx.nodeNames) },
  };
}
