import { defineFault } from '../types.ts';

/** Deletes a PersistentVolumeClaim (it stays Terminating while a pod uses it). */
export const deletePvcFault = defineFault({
  kind: 'delete-pvc',
  summary: { en: 'delete a PersistentVolumeClaim', ko: '퍼시스턴트볼륨클레임을 삭제한다' },
  appliesTo: ['statefulset'],
  fields: { pvc: { type: 'string', required: true, doc: 'the PersistentVolumeClaim name' } },
  example: '{do: delete-pvc, pvc: data-web-0}',
  describe: (ev) => `delete-pvc ${ev.pvc}`,
  apply(world, ev) {
    const key = `default/${ev.pvc}`;
    if (!world.store.get('PersistentVolumeClaim', key))
      return { applied: false, reason: `pvc ${ev.pvc} does not exist` };
    const r = world.store.delete('user', 'PersistentVolumeClaim', key);
    return r.ok
      ? { applied: true, effect: { code: 'pvc.deleted', params: { pvc: String(ev.pvc) } } }
      : { applied: false, reason: r.message };
  },
  generate(ctx, rng) {
    const pvcs = ctx.scenario.objects
      .filter((o) => o.kind === 'StatefulSet')
      .flatMap((s) =>
        (s.spec?.volumeClaimTemplates ?? []).map(
          (t: { metadata: { name: string } }) => `${t.metadata.name}-${s.metadata.name}-${rng.int(4)}`,
        ),
      );
    return pvcs.length === 0 ? null : { at: ctx.at, do: 'delete-pvc', pvc: rng.pick(pvcs) };
  },
});
