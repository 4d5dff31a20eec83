import type { RejectReason } from '../../sim/kubelet.ts';
import { durationMs } from '../fields.ts';
import { defineFault } from '../types.ts';

const REASONS: readonly RejectReason[] = ['OutOfcpu', 'OutOfmemory', 'OutOfpods', 'UnexpectedAdmissionError'];

/**
 * The node's kubelet rejects the pods it is asked to admit: they end Failed with the reason a real
 * kubelet reports (OutOfcpu when the scheduler's view of the node's resources is stale,
 * UnexpectedAdmissionError when a device plugin is gone). A failure that repeats on one node, so a
 * controller's replacement of terminal pods, its per-node back-off and its hot loops are exercised.
 */
export const rejectPodsFault = defineFault({
  kind: 'reject-pods',
  summary: {
    en: "the node's kubelet rejects pods at admission (they end Failed) for a while or for a count",
    ko: '노드의 kubelet이 일정 시간 또는 정해진 개수만큼 파드를 승인 단계에서 거부한다 (파드는 Failed로 끝난다)',
  },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    node: { type: 'string', required: true, doc: 'the node name' },
    reason: { type: 'string', enum: REASONS, doc: 'the rejection reason (default OutOfcpu)' },
    for: { type: 'duration', doc: 'how long the kubelet keeps rejecting' },
    count: { type: 'int', min: 1, max: 10_000, doc: 'how many pods it rejects' },
  },
  example: '{do: reject-pods, node: node-a, reason: OutOfcpu, for: 2m}',
  validate: (ev) =>
    ev.for === undefined && ev.count === undefined
      ? { field: 'for', message: 'give `for` (a duration) or `count` (how many pods)' }
      : null,
  describe: (ev) =>
    `reject-pods ${ev.node} ${ev.reason ?? 'OutOfcpu'}${ev.for !== undefined ? ` for ${ev.for}` : ''}${ev.count !== undefined ? ` x${ev.count}` : ''}`,
  apply(world, ev) {
    const node = ev.node;
    const m = world.machines.get(node);
    if (!m || m.removed) return { applied: false, reason: `node ${node} does not exist` };
    const reason = ev.reason ?? 'OutOfcpu';
    world.kubelet.rejectPods(node, reason, {
      ...(ev.for !== undefined ? { forMs: durationMs(ev.for, 60_000) } : {}),
      ...(ev.count !== undefined ? { count: ev.count } : {}),
    });
    return { applied: true, effect: { code: 'node.rejects-pods', params: { node, reason } } };
  },
  generate(ctx, rng) {
    if (ctx.nodeNames.length === 0) return null;
    // A count, not a duration: a ReplicaSet replaces each rejected pod at once (it has no back-off
    // for Failed pods), so a rejecting node can churn out dozens of Failed pods a second, as real
    // clusters do; a bounded count keeps the repetition without thousands of objects.
    return {
      at: ctx.at,
      do: 'reject-pods',
      node: rng.pick(ctx.nodeNames),
      reason: rng.pick(REASONS),
      count: 1 + rng.int(8),
    };
  },
});
