import { applyDefaults, validateManifest } from '../../scenario/manifests.ts';
import type { FaultDef } from '../types.ts';

/**
 * Creates an object from a manifest mid-run (`kubectl create -f`): the classic lesson of deleting
 * a workload with `--cascade=orphan` and creating it again, whose controller adopts the orphans.
 * The manifest is validated and defaulted as one under spec.objects; a name that exists is the
 * API server's AlreadyExists, a skip.
 */
export const createObjectFault: FaultDef = {
  kind: 'create-object',
  summary: {
    en: 'create an object from a manifest (kubectl create)',
    ko: '매니페스트로 오브젝트를 만든다 (kubectl create)',
  },
  appliesTo: [],
  fields: { object: { type: 'manifest', required: true, doc: 'the manifest, as under spec.objects' } },
  example:
    '{do: create-object, object: {apiVersion: apps/v1, kind: StatefulSet, metadata: {name: web}, spec: {...}}}',
  validate(ev) {
    const err = validateManifest(ev.object, { path: 'the event' });
    if (err === null) return null;
    return { field: err.field ? `object.${err.field}` : 'object', message: err.message };
  },
  describe: (ev) => {
    const o = ev.object as { kind?: string; metadata?: { name?: string } };
    return `create-object ${String(o.kind).toLowerCase()}/${o.metadata?.name ?? ''}`;
  },
  apply(world, ev) {
    const obj = applyDefaults(ev.object as Record<string, unknown>);
    const r = world.store.create('user', obj);
    const ref = `${obj.kind.toLowerCase()}/${obj.metadata.name}`;
    return r.ok ? { applied: true, text: `${ref} created` } : { applied: false, reason: r.message };
  },
};
