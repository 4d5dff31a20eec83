import { kindOfTarget, resolveTarget } from '../refs.ts';
import { defineFault } from '../types.ts';

/** Sets spec.replicas of a workload. */
export const scaleFault = defineFault({
  kind: 'scale',
  summary: { en: 'set spec.replicas', ko: 'spec.replicas를 바꾼다' },
  appliesTo: ['replicaset', 'statefulset', 'deployment'],
  fields: {
    target: { type: 'target', required: true, doc: 'the workload (a DaemonSet has no replicas: skipped)' },
    replicas: { type: 'int', min: 0, max: 200_000, required: true, doc: 'the new spec.replicas' },
  },
  example: '{do: scale, target: statefulset/web, replicas: 5}',
  describe: (ev) => `scale ${ev.target} to ${ev.replicas}`,
  apply(world, ev) {
    const target = ev.target;
    const obj = resolveTarget(world, target);
    if (!obj || obj.kind === 'DaemonSet')
      return { applied: false, reason: `${target} does not exist or cannot scale` };
    const replicas = ev.replicas;
    const r = world.store.patch('user', kindOfTarget(target)!, `default/${obj.metadata.name}`, (o) => ({
      ...o,
      spec: { ...o.spec, replicas },
    }));
    return r.ok
      ? { applied: true, effect: { code: 'workload.scaled', params: { ref: target, replicas } } }
      : { applied: false, reason: r.message };
  },
  generate(ctx, rng) {
    const scalable = ctx.targets.filter((t) => !t.startsWith('daemonset/'));
    if (scalable.length === 0) return null;
    return { at: ctx.at, do: 'scale', target: rng.pick(scalable), replicas: rng.int(8) };
  },
});
