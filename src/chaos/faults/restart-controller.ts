import { isControllerName } from '../controllerField.ts';
import { defineFault } from '../types.ts';

/** The controller process restarts: expectations and queues are lost, caches are rebuilt. */
export const restartControllerFault = defineFault({
  kind: 'restart-controller',
  summary: {
    en: 'the controller restarts: expectations and queues are lost, caches rebuilt',
    ko: '컨트롤러 프로세스가 재시작된다: expectations와 큐를 잃고 캐시를 다시 만든다',
  },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: { controller: { type: 'controller', required: true, doc: 'the controller that restarts' } },
  example: '{do: restart-controller, controller: statefulset}',
  describe: (ev) => `restart-controller ${ev.controller}`,
  apply(world, ev) {
    const c = world.controllers.get(ev.controller);
    if (!c) return { applied: false, reason: `controller ${ev.controller} is not running` };
    c.restart();
    return {
      applied: true,
      effect: { code: 'controller.restart', params: { controller: String(ev.controller) } },
    };
  },
  generate(ctx, rng) {
    const names = ctx.targets.map((t) => t.split('/')[0]!).filter(isControllerName);
    return names.length === 0 ? null : { at: ctx.at, do: 'restart-controller', controller: rng.pick(names) };
  },
});
