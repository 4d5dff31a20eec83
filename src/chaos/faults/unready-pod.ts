import { durationMs } from '../fields.ts';
import { podFault } from '../podFault.ts';

/** The pod's readiness probe fails for a while. */
export const unreadyPodFault = podFault({
  kind: 'unready-pod',
  summary: {
    en: 'its readiness probe fails for that long',
    ko: '그 시간 동안 준비성 프로브(readiness probe)가 실패한다',
  },
  extraFields: { for: { type: 'duration', required: true, doc: 'how long the probe fails' } },
  example: '{do: unready-pod, pod: web-1, for: 30s}',
  describeExtra: (ev) => `for ${ev.for}`,
  act(world, ev, pod, running) {
    if (!running?.container.running)
      return { applied: false, reason: `pod/${pod.metadata.name} has no running container` };
    world.kubelet.unready(running.machine, running.container, durationMs(ev.for, 30_000));
    return {
      applied: true,
      effect: { code: 'pod.unready', params: { pod: pod.metadata.name, for: String(ev.for) } },
    };
  },
  generateExtra: (rng) => ({ for: `${5 + rng.int(60)}s` }),
});
