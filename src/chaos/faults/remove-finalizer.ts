import type { KObject } from '../../model/types.ts';
import type { World } from '../../sim/world.ts';
import { podRefText, resolvePod } from '../refs.ts';
import { defineFault } from '../types.ts';
import { DEFAULT_FINALIZER } from './add-finalizer.ts';

/**
 * The controller that owns a finalizer finishes its work and removes it: from one pod, or (no
 * `pod`) from every pod that holds it. A pod being deleted whose last finalizer goes leaves the
 * store at once if its kubelet already confirmed the stop.
 */
export const removeFinalizerFault = defineFault({
  kind: 'remove-finalizer',
  summary: {
    en: 'the finalizer is removed from the pod (or from every pod that holds it)',
    ko: '파드에서 (또는 그 파이널라이저를 가진 모든 파드에서) 파이널라이저를 제거한다',
  },
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    pod: { type: 'pod', doc: 'a pod name, {owner, index} or {owner, node}; every pod when absent' },
    finalizer: { type: 'string', doc: `the finalizer (default ${DEFAULT_FINALIZER})` },
  },
  example: '{do: remove-finalizer, finalizer: example.com/backup}',
  describe: (ev) =>
    `remove-finalizer ${ev.finalizer ?? DEFAULT_FINALIZER}${ev.pod !== undefined ? ` from ${podRefText(ev.pod)}` : ''}`,
  apply(world, ev) {
    const finalizer = ev.finalizer ?? DEFAULT_FINALIZER;
    const one = ev.pod === undefined ? undefined : resolvePod(world, ev.pod);
    if (ev.pod !== undefined && !one)
      return { applied: false, reason: `no pod ${podRefText(ev.pod)} exists now` };
    const holders = (one ? [one] : world.store.list('Pod')).filter((p) =>
      p.metadata.finalizers?.includes(finalizer),
    );
    if (holders.length === 0) return { applied: false, reason: `no pod holds ${finalizer}` };
    for (const p of holders) removeFrom(world, p, finalizer);
    return {
      applied: true,
      effect: { code: 'finalizer.removed', params: { finalizer, pods: holders.length } },
    };
  },
  generate: (ctx) => ({ at: ctx.at, do: 'remove-finalizer' }),
});

function removeFrom(world: World, pod: KObject, finalizer: string): void {
  world.store.patch(
    'user',
    'Pod',
    `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`,
    (p) => {
      const rest = (p.metadata.finalizers ?? []).filter((f) => f !== finalizer);
      const metadata = { ...p.metadata, finalizers: rest.length > 0 ? rest : undefined };
      return { ...p, metadata };
    },
    { uid: pod.metadata.uid },
  );
}
