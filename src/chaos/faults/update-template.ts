import type { KObject } from '../../model/types.ts';
import type { Rng } from '../../sim/prng.ts';
import { kindOfTarget, resolveTarget } from '../refs.ts';
import { defineFault } from '../types.ts';

/** Changes the pod template (a rollout for DaemonSets, StatefulSets and Deployments). */
export const updateTemplateFault = defineFault({
  kind: 'update-template',
  summary: { en: 'change the pod template (a rollout)', ko: '파드 템플릿을 바꾼다 (롤아웃)' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    target: { type: 'target', required: true, doc: 'the workload' },
    image: { type: 'string', doc: "the new image of the template's first container" },
    patch: { type: 'map', hint: 'a map merged into spec.template', doc: 'merged into spec.template' },
  },
  example: '{do: update-template, target: daemonset/agent, image: agent:2}',
  validate: (ev) =>
    ev.image === undefined && ev.patch === undefined
      ? { field: 'image', message: 'give `image` or `patch`' }
      : null,
  describe: (ev) =>
    `update-template ${ev.target}${ev.image ? ` image=${ev.image}` : ''}${ev.patch ? ' (patch)' : ''}`,
  apply(world, ev) {
    const target = ev.target;
    const obj = resolveTarget(world, target);
    if (!obj) return { applied: false, reason: `${target} does not exist` };
    const r = world.store.patch('user', kindOfTarget(target)!, `default/${obj.metadata.name}`, (o) => ({
      ...o,
      spec: {
        ...o.spec,
        template: newTemplate(o, ev.image, ev.patch),
      },
    }));
    return r.ok
      ? { applied: true, effect: { code: 'workload.template-changed', params: { ref: target } } }
      : { applied: false, reason: r.message };
  },
  generate: (ctx, rng) =>
    ctx.targets.length === 0
      ? null
      : {
          at: ctx.at,
          do: 'update-template',
          target: rng.pick(ctx.targets),
          image: `registry.local/app:v${1 + rng.int(3)}${failureTag(rng)}`,
        },
});

/**
 * A rollout that goes bad: sometimes the new image names a failure mode (podBehavior.ts), so
 * rollouts past crash-looping, never-ready, evicted or exiting pods are exercised; a later draw
 * without one is the fix.
 */
function failureTag(rng: Rng): string {
  if (!rng.chance(0.3)) return '';
  return `-${rng.pick(['crashloop', 'crashloop', 'never-ready', 'never-ready', 'fail', 'complete'])}`;
}

function newTemplate(
  o: KObject,
  image: string | undefined,
  patch: Record<string, unknown> | undefined,
): unknown {
  let tmpl = o.spec?.template ?? {};
  if (image) {
    const containers = (tmpl.spec?.containers ?? []).map((c: object) => ({ ...c, image }));
    tmpl = { ...tmpl, spec: { ...tmpl.spec, containers } };
  }
  return patch ? deepMerge(tmpl, patch) : tmpl;
}

function deepMerge(a: unknown, b: unknown): unknown {
  if (
    b === null ||
    typeof b !== 'object' ||
    Array.isArray(b) ||
    a === null ||
    typeof a !== 'object' ||
    Array.isArray(a)
  )
    return b;
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [k, v] of Object.entries(b)) out[k] = deepMerge(out[k], v);
  return out;
}
