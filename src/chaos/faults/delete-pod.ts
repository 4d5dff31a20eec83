import { durationField, durationMs } from '../fields.ts';
import { podFault } from '../podFault.ts';

/** A user deletes a pod: graceful by default; `force: true` removes the object at once. */
export const deletePodFault = podFault({
  kind: 'delete-pod',
  summary: {
    en: 'graceful delete; `force: true` removes the object at once',
    ko: 'Pod를 정상 삭제한다; force: true면 즉시 객체를 지운다',
  },
  extraFields: ['grace', 'force'],
  validateExtra: (ev) =>
    ev.force !== undefined && typeof ev.force !== 'boolean'
      ? { field: 'force', message: '`force` must be true or false' }
      : durationField(ev, 'grace', false),
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
      ? { applied: true, text: `pod/${pod.metadata.name} deleted${ev.force ? ' (force)' : ''}` }
      : { applied: false, reason: r.message };
  },
});
