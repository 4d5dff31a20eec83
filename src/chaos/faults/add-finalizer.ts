import { podFault } from '../podFault.ts';

export const DEFAULT_FINALIZER = 'kubeprop.io/hold';

/**
 * Another controller puts a finalizer on the pod (a backup agent, a service mesh, the Job
 * controller's tracking finalizer): when the pod is deleted or ends, its object stays, with a
 * deletionTimestamp, until the finalizer goes (kubernetes#118716 concerns a finished pod held so).
 * The API server allows no new finalizer on an object being deleted: that is a skip.
 */
export const addFinalizerFault = podFault({
  kind: 'add-finalizer',
  summary: {
    en: 'another controller adds a finalizer to the pod (its object outlives deletion until removed)',
    ko: '다른 컨트롤러가 파드에 파이널라이저를 붙인다 (제거될 때까지 삭제 뒤에도 오브젝트가 남는다)',
  },
  extraFields: { finalizer: { type: 'string', doc: `the finalizer (default ${DEFAULT_FINALIZER})` } },
  example: '{do: add-finalizer, pod: web-0, finalizer: example.com/backup}',
  describeExtra: (ev) => ev.finalizer ?? DEFAULT_FINALIZER,
  generateExtra: () => ({}),
  act(world, ev, pod) {
    const finalizer = ev.finalizer ?? DEFAULT_FINALIZER;
    const name = `pod/${pod.metadata.name}`;
    if (pod.metadata.deletionTimestamp) return { applied: false, reason: `${name} is being deleted` };
    if (pod.metadata.finalizers?.includes(finalizer))
      return { applied: false, reason: `${name} already has ${finalizer}` };
    const r = world.store.patch(
      'user',
      'Pod',
      `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`,
      (p) => ({
        ...p,
        metadata: { ...p.metadata, finalizers: [...(p.metadata.finalizers ?? []), finalizer] },
      }),
      { uid: pod.metadata.uid },
    );
    return r.ok
      ? { applied: true, effect: { code: 'finalizer.added', params: { name, finalizer } } }
      : { applied: false, reason: r.message };
  },
});
