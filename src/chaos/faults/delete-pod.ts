import { durationMs } from '../fields.ts';
import { podFault } from '../podFault.ts';

/** A user deletes a pod: graceful by default; `force: true` removes the object at once. */
export const deletePodFault = podFault({
  kind: 'delete-pod',
  summary: {
    en: 'graceful delete; `force: true` removes the object at once',
    ko: '파드를 정상 삭제한다. force: true면 즉시 오브젝트를 지운다',
  },
  extraFields: {
    grace: { type: 'duration', doc: "the grace period (default: the pod's terminationGracePeriodSeconds)" },
    force: {
      type: 'boolean',
      doc: 'remove the object at once, as `kubectl delete --force --grace-period=0`',
    },
  },
  example: '{do: delete-pod, pod: web-0, grace: 5s}',
  generateExtra: () => ({}),
  describeExtra: (ev) => (ev.force ? '--force' : ev.grace !== undefined ? `--grace ${ev.grace}` : ''),
  act(world, ev, pod) {
    const grace = ev.force
      ? 0
      : ev.grace !== undefined
        ? Math.round(durationMs(ev.grace, 30_000) / 1000)
        : undefined;
    const opts =
      grace === undefined ? { uid: pod.metadata.uid } : { uid: pod.metadata.uid, gracePeriodSeconds: grace };
    const r = world.store.delete('user', 'Pod', `${pod.metadata.namespace}/${pod.metadata.name}`, opts);
    return r.ok
      ? {
          applied: true,
          effect: { code: 'pod.deleted', params: { pod: pod.metadata.name, force: !!ev.force } },
        }
      : { applied: false, reason: r.message };
  },
});
