import { defineFault } from '../types.ts';

const VERBS = ['create', 'update', 'delete', 'patch'] as const;

/** The next `count` writes of a verb by a controller (any workload controller when none is named) fail. */
export const failApiFault = defineFault({
  kind: 'fail-api',
  summary: { en: 'the next `count` writes of that verb fail', ko: '그 동사의 다음 count번 쓰기가 실패한다' },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    controller: { type: 'controller', doc: "whose writes fail (default: any workload controller's)" },
    count: { type: 'int', min: 1, max: 10_000, required: true, doc: 'how many writes fail' },
    verb: { type: 'string', enum: VERBS, required: true, doc: 'create, update, delete or patch' },
  },
  example: '{do: fail-api, verb: create, count: 3, controller: statefulset}',
  describe: (ev) => `fail-api ${ev.verb} x${ev.count}${ev.controller ? ` (${ev.controller})` : ''}`,
  apply(world, ev) {
    const actor = ev.controller ? `${ev.controller}-controller` : undefined;
    world.store.faults.failNext(ev.verb, ev.count, actor);
    return {
      applied: true,
      effect: {
        code: 'api.will-fail',
        params: {
          count: ev.count,
          verb: String(ev.verb),
          controller: ev.controller ? String(ev.controller) : 'all',
        },
      },
    };
  },
  generate: (ctx, rng) => ({ at: ctx.at, do: 'fail-api', verb: rng.pick(VERBS), count: 1 + rng.int(3) }),
});
