import { podFault } from '../podFault.ts';

/** The pod ends in phase Failed (for example, evicted by the kubelet). */
export const failPodFault = podFault({
  kind: 'fail-pod',
  summary: {
    en: 'the pod ends in phase Failed (e.g. evicted)',
    ko: '파드가 Failed 단계로 끝난다 (예: 축출)',
  },
  extraFields: {},
  generateExtra: () => ({}),
  act(world, _ev, pod, running) {
    if (!running || running.container.phase === 'Failed' || running.container.terminating) {
      return { applied: false, reason: `pod/${pod.metadata.name} is not running on a machine` };
    }
    world.kubelet.finish(running.machine, running.container, 'Failed');
    return { applied: true, effect: { code: 'pod.failed', params: { pod: pod.metadata.name } } };
  },
});
