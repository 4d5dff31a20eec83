import { resolveTarget } from '../refs.ts';
import { defineFault } from '../types.ts';

/** `kubectl rollout pause`: spec.paused = true; the controller keeps scaling but stops rolling. */
export const pauseRolloutFault = defineFault({
  kind: 'pause-rollout',
  summary: {
    en: 'pause a Deployment (it scales but does not roll)',
    ko: '디플로이먼트를 일시 중지한다 (스케일은 하지만 롤아웃은 하지 않는다)',
  },
  appliesTo: ['deployment'],
  fields: { target: { type: 'target', kinds: ['deployment'], required: true, doc: 'the Deployment' } },
  example: '{do: pause-rollout, target: deployment/web}',
  describe: (ev) => `pause-rollout ${ev.target}`,
  apply(world, ev) {
    const d = resolveTarget(world, ev.target);
    if (!d) return { applied: false, reason: `${ev.target} does not exist` };
    if (d.spec?.paused)
      return { applied: false, reason: `deployments.apps "${d.metadata.name}" is already paused` };
    const r = world.store.patch('user', 'Deployment', `default/${d.metadata.name}`, (o) => ({
      ...o,
      spec: { ...o.spec, paused: true },
    }));
    return r.ok
      ? { applied: true, effect: { code: 'workload.paused', params: { ref: ev.target } } }
      : { applied: false, reason: r.message };
  },
  generate(ctx, rng) {
    const deployments = ctx.targets.filter((t) => t.startsWith('deployment/'));
    return deployments.length === 0
      ? null
      : { at: ctx.at, do: 'pause-rollout', target: rng.pick(deployments) };
  },
});
