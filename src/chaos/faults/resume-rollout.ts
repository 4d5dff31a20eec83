import { resolveTarget } from '../refs.ts';
import { defineFault } from '../types.ts';

/** `kubectl rollout resume`: spec.paused removed; a template changed meanwhile rolls out now. */
export const resumeRolloutFault = defineFault({
  kind: 'resume-rollout',
  summary: { en: 'resume a paused Deployment', ko: '일시 중지한 디플로이먼트를 재개한다' },
  appliesTo: ['deployment'],
  fields: { target: { type: 'target', kinds: ['deployment'], required: true, doc: 'the Deployment' } },
  example: '{do: resume-rollout, target: deployment/web}',
  describe: (ev) => `resume-rollout ${ev.target}`,
  apply(world, ev) {
    const d = resolveTarget(world, ev.target);
    if (!d) return { applied: false, reason: `${ev.target} does not exist` };
    if (!d.spec?.paused)
      return { applied: false, reason: `deployments.apps "${d.metadata.name}" is not paused` };
    const r = world.store.patch('user', 'Deployment', `default/${d.metadata.name}`, (o) => {
      const { paused: _, ...spec } = o.spec ?? {};
      return { ...o, spec };
    });
    return r.ok
      ? { applied: true, effect: { code: 'workload.resumed', params: { ref: ev.target } } }
      : { applied: false, reason: r.message };
  },
  generate(ctx, rng) {
    const deployments = ctx.targets.filter((t) => t.startsWith('deployment/'));
    return deployments.length === 0
      ? null
      : { at: ctx.at, do: 'resume-rollout', target: rng.pick(deployments) };
  },
});
