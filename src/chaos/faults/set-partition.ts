import { resolveTarget } from '../refs.ts';
import { defineFault } from '../types.ts';

/**
 * Sets spec.updateStrategy.rollingUpdate.partition of a StatefulSet: a staged (canary) rollout
 * moves the partition down step by step. Slots below it keep the current revision.
 */
export const setPartitionFault = defineFault({
  kind: 'set-partition',
  summary: {
    en: "set a StatefulSet's rolling-update partition",
    ko: '스테이트풀셋의 롤링 업데이트 파티션 값을 바꾼다',
  },
  appliesTo: ['statefulset'],
  fields: {
    target: { type: 'target', kinds: ['statefulset'], required: true, doc: 'the StatefulSet' },
    partition: { type: 'int', min: 0, max: 100_000, required: true, doc: 'the new partition' },
  },
  example: '{do: set-partition, target: statefulset/web, partition: 2}',
  describe: (ev) => `set-partition ${ev.target} to ${ev.partition}`,
  apply(world, ev) {
    const target = ev.target;
    const set = resolveTarget(world, target);
    if (!set) return { applied: false, reason: `${target} does not exist` };
    if (set.spec?.updateStrategy?.type === 'OnDelete')
      return { applied: false, reason: `${target} uses OnDelete` };
    const partition = ev.partition;
    const r = world.store.patch('user', 'StatefulSet', `default/${set.metadata.name}`, (o) => ({
      ...o,
      spec: {
        ...o.spec,
        updateStrategy: {
          type: 'RollingUpdate',
          rollingUpdate: { ...o.spec?.updateStrategy?.rollingUpdate, partition },
        },
      },
    }));
    return r.ok
      ? { applied: true, effect: { code: 'workload.partition-set', params: { ref: target, partition } } }
      : { applied: false, reason: r.message };
  },
  generate(ctx, rng) {
    const sets = ctx.targets.filter((t) => t.startsWith('statefulset/'));
    return sets.length === 0
      ? null
      : { at: ctx.at, do: 'set-partition', target: rng.pick(sets), partition: rng.int(6) };
  },
});
