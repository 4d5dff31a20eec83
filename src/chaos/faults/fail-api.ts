import { controllerField } from '../controllerField.ts';
import { firstError, intField } from '../fields.ts';
import type { FaultDef } from '../types.ts';

const VERBS = ['create', 'update', 'delete', 'patch'] as const;

/** The next `count` writes of a verb by a controller (any workload controller when none is named) fail. */
export const failApiFault: FaultDef = {
  kind: 'fail-api',
  summary: { en: 'the next `count` writes of that verb fail', ko: '그 동사의 다음 count번 쓰기가 실패한다' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  validate(ev) {
    const base = firstError(
      controllerField(ev, false, ['verb', 'count', 'controller']),
      intField(ev, 'count', 1, 10_000),
    );
    if (base) return base;
    if (!VERBS.includes(ev.verb as (typeof VERBS)[number]))
      return { field: 'verb', message: `\`verb\` must be one of ${VERBS.join(', ')}` };
    return null;
  },
  describe: (ev) => `fail-api ${ev.verb} x${ev.count}${ev.controller ? ` (${ev.controller})` : ''}`,
  apply(world, ev) {
    const actor = ev.controller ? `${ev.controller}-controller` : undefined;
    world.store.faults.failNext(ev.verb as (typeof VERBS)[number], ev.count as number, actor);
    return {
      applied: true,
      text: `next ${ev.count} ${ev.verb} calls${actor ? ` of ${actor}` : ''} will fail`,
    };
  },
  generate: (ctx, rng) => ({ at: ctx.at, do: 'fail-api', verb: rng.pick(VERBS), count: 1 + rng.int(3) }),
};
