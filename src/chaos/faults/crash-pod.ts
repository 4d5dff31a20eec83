import { podFault } from '../podFault.ts';

/** The pod's container exits; the kubelet restarts it in place with back-off. */
export const crashPodFault = podFault({
  kind: 'crash-pod',
  summary: {
    en: 'its container exits; the kubelet restarts it with back-off',
    ko: '컨테이너가 종료되고 kubelet이 백오프 후 재시작한다',
  },
  extraFields: {},
  generateExtra: () => ({}),
  act(world, _ev, pod, running) {
    if (!running?.container.running)
      return { applied: false, reason: `pod/${pod.metadata.name} has no running container` };
    world.kubelet.crash(running.machine, running.container);
    return { applied: true, effect: { code: 'pod.crashed', params: { pod: pod.metadata.name } } };
  },
});
