import { applyDefaults } from '../../model/defaults.ts';
import { defineFault } from '../types.ts';

/**
 * Creates an object from a manifest mid-run (`kubectl create -f`): the classic lesson of deleting
 * a workload with `--cascade=orphan` and creating it again, whose controller adopts the orphans.
 * The parser validates the manifest as one under spec.objects, and it is defaulted here as the API
 * server defaults what it creates; a name that exists is the
 * API server's AlreadyExists, a skip.
 */
export const createObjectFault = defineFault({
  kind: 'create-object',
  summary: {
    en: 'create an object from a manifest (kubectl create)',
    ko: '매니페스트로 오브젝트를 만든다 (kubectl create)',
  },
  drawnWith:
    '`chaos:` draws it only to re-create a workload it has just deleted (see `delete-object`), and before an orphaning delete of a ReplicaSet sometimes a pod made by hand from its template.',
  appliesTo: [],
  fields: { object: { type: 'manifest', required: true, doc: 'the manifest, as under spec.objects' } },
  example:
    '{do: create-object, object: {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: web}, spec: {...}}}',
  describe: (ev) => `create-object ${ev.object.kind.toLowerCase()}/${ev.object.metadata.name ?? ''}`,
  apply(world, ev) {
    const obj = applyDefaults(ev.object);
    const r = world.store.create('user', obj);
    const ref = `${obj.kind.toLowerCase()}/${obj.metadata.name}`;
    return r.ok
      ? { applied: true, effect: { code: 'object.created', params: { ref } } }
      : { applied: false, reason: r.message };
  },
});
