import { shutdownNode } from '../../sim/nodeOps.ts';
import { defineFault } from '../types.ts';

const PHASES = ['Succeeded', 'Failed'] as const;

/**
 * Graceful node shutdown: the kubelet ends every pod it runs, reports each one terminal (Succeeded
 * when its containers exit 0 on SIGTERM, since 1.27; Failed otherwise) and the machine powers off
 * until `heal-node`. Workload pods are then terminal without ever being deleted: the controllers
 * must replace them.
 */
export const shutdownNodeFault = defineFault({
  kind: 'shutdown-node',
  summary: {
    en: 'the node shuts down gracefully: its pods end Succeeded (or Failed), then it powers off',
    ko: '노드가 정상 종료된다: 파드가 Succeeded(또는 Failed)로 끝난 뒤 전원이 꺼진다',
  },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    node: { type: 'string', required: true, doc: 'the node name' },
    phase: { type: 'string', enum: PHASES, doc: 'the phase its pods end in (default Succeeded)' },
  },
  example: '{do: shutdown-node, node: node-a, phase: Succeeded}',
  describe: (ev) => `shutdown-node ${ev.node}${ev.phase ? ` (pods ${ev.phase})` : ''}`,
  apply(world, ev) {
    const phase = ev.phase ?? 'Succeeded';
    const effect = shutdownNode(world, ev.node, phase);
    return effect
      ? { applied: true, effect }
      : { applied: false, reason: `shutdown-node: node ${ev.node} is not up and reporting` };
  },
  generate: (ctx, rng) =>
    ctx.nodeNames.length === 0
      ? null
      : { at: ctx.at, do: 'shutdown-node', node: rng.pick(ctx.nodeNames), phase: rng.pick(PHASES) },
});
