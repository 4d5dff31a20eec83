import { durationMs } from '../fields.ts';
import { defineFault } from '../types.ts';

/**
 * A controller's watch stalls: its informer cache receives nothing for that long, then catches up in
 * order. Generated delays stay under 5 minutes: beyond that, expectations expire and real
 * Kubernetes itself over-creates (kubernetes#129795), which the invariants document.
 */
export const delayWatchFault = defineFault({
  kind: 'delay-watch',
  summary: {
    en: "a controller's watch stalls for that long, then catches up in order",
    ko: '컨트롤러의 watch가 그 시간 동안 멈췄다가 순서대로 따라잡는다',
  },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    controller: { type: 'controller', doc: 'whose watch stalls (default: every controller)' },
    for: { type: 'duration', required: true, doc: 'how long the watch stalls' },
  },
  example: '{do: delay-watch, controller: replicaset, for: 60s}',
  describe: (ev) => `delay-watch ${ev.controller ?? 'all'} for ${ev.for}`,
  apply(world, ev) {
    const ms = durationMs(ev.for, 10_000);
    const names = ev.controller ? [ev.controller] : [...world.controllers.keys()].sort();
    let stalled = 0;
    for (const n of names) {
      const c = world.controllers.get(n);
      if (!c) continue;
      c.informer.stall(ms);
      stalled++;
    }
    return stalled > 0
      ? {
          applied: true,
          effect: { code: 'watch.delayed', params: { controllers: names.join(', '), for: String(ev.for) } },
        }
      : { applied: false, reason: 'no such controller' };
  },
  generate: (ctx, rng) => ({ at: ctx.at, do: 'delay-watch', for: `${1 + rng.int(120)}s` }),
});
