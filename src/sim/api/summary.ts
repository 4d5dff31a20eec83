/**
 * The short state summary appended to each write's trace line, e.g.
 * ` node=node-a phase=Running ready=true`. Reports parse pods' lines to draw their bars, so the
 * pod format is fixed: `node=<name|-> phase=<phase> ready=<bool>[ terminating]`.
 */
import type { KObject } from '../../model/types.ts';

export function summarize(obj: KObject, removed: boolean): string {
  if (removed) return '';
  const deleting = obj.metadata.deletionTimestamp ? ' terminating' : '';
  switch (obj.kind) {
    case 'Pod':
      return ` node=${obj.spec?.nodeName ?? '-'} phase=${obj.status?.phase ?? 'Pending'} ready=${podReady(obj)}${deleting}`;
    case 'Node':
      return ` ready=${nodeReady(obj)}${obj.spec?.unschedulable ? ' unschedulable' : ''} taints=${(obj.spec?.taints ?? []).length}`;
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Deployment':
      return ` replicas=${obj.spec?.replicas ?? 1} ready=${obj.status?.readyReplicas ?? 0}${deleting}`;
    case 'PersistentVolumeClaim':
      return ` phase=${obj.status?.phase ?? 'Pending'} volume=${obj.spec?.volumeName ?? '-'}${deleting}`;
    default:
      return deleting;
  }
}

function podReady(pod: KObject): boolean {
  const conds = (pod.status?.conditions ?? []) as Array<{ type: string; status: string }>;
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

function nodeReady(node: KObject): string {
  const conds = (node.status?.conditions ?? []) as Array<{ type: string; status: string }>;
  return conds.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}
