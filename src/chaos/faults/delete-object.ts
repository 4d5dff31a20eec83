import { kindOfTarget, resolveTarget } from '../refs.ts';
import { defineFault } from '../types.ts';

const POLICIES = ['Background', 'Foreground', 'Orphan'] as const;

/** Deletes a workload with a propagation policy (the garbage collector does the rest). */
export const deleteObjectFault = defineFault({
  kind: 'delete-object',
  summary: {
    en: 'delete a workload (Background, Foreground or Orphan)',
    ko: '워크로드를 삭제한다 (Background, Foreground, Orphan)',
  },
  drawnWith:
    '`chaos:` draws it only followed by a `create-object` of the same workload within 3 s (a delete and re-create, half of them with Orphan), for a ReplicaSet, DaemonSet, StatefulSet or Deployment.',
  appliesTo: ['replicaset', 'daemonset', 'statefulset', 'deployment'],
  fields: {
    target: { type: 'target', required: true, doc: 'the workload' },
    propagation: {
      type: 'string',
      enum: POLICIES,
      doc: 'Background (default), Foreground or Orphan, as `kubectl delete --cascade`',
    },
  },
  example: '{do: delete-object, target: statefulset/web, propagation: Orphan}',
  describe: (ev) => `delete-object ${ev.target}${ev.propagation ? ` --cascade=${ev.propagation}` : ''}`,
  apply(world, ev) {
    const target = ev.target;
    const obj = resolveTarget(world, target);
    if (!obj) return { applied: false, reason: `${target} does not exist` };
    const propagationPolicy = ev.propagation ?? 'Background';
    const r = world.store.delete('user', kindOfTarget(target)!, `default/${obj.metadata.name}`, {
      propagationPolicy,
    });
    return r.ok
      ? {
          applied: true,
          effect: { code: 'object.deleted', params: { ref: target, propagation: propagationPolicy } },
        }
      : { applied: false, reason: r.message };
  },
});
