/**
 * The trace message of one write: which object, by which verb, and the state a report draws from
 * it (a pod's node, phase and readiness; a node's readiness, cordon and taints; a workload's
 * replicas). Reports read these parameters, so what a write says is typed here, once.
 */
import type { KObject } from '../../model/types.ts';
import type { WriteMessage, WriteVerb } from '../../trace/messages.ts';
import { refOf } from './types.ts';

type PodWrite = Extract<WriteMessage, { code: 'api.pod' }>;

/** The ref (`pod/web-0`) is built only for the messages that carry it: not a pod's, the most frequent. */
export function writeMessage(obj: KObject, verb: WriteVerb, removed: boolean): WriteMessage {
  if (removed) return { code: 'api.removed', params: { ref: refOf(obj) } };
  const terminating = !!obj.metadata.deletionTimestamp;
  const name = obj.metadata.name;
  switch (obj.kind) {
    case 'Pod':
      return { code: 'api.pod', params: podParams(obj, verb, terminating) };
    case 'Node':
      return {
        code: 'api.node',
        params: {
          verb,
          node: name,
          ready: nodeReady(obj),
          unschedulable: !!obj.spec?.unschedulable,
          taints: taintsOf(obj).length,
          noSchedule: taintsOf(obj).filter((t) => t.effect === 'NoSchedule').length,
          noExecute: taintsOf(obj).filter((t) => t.effect === 'NoExecute').length,
        },
      };
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Deployment':
      return {
        code: 'api.workload',
        params: {
          verb,
          ref: refOf(obj),
          replicas: (obj.spec?.replicas as number | undefined) ?? 1,
          ready: (obj.status?.readyReplicas as number | undefined) ?? 0,
          terminating,
          ...revisionOf(obj),
        },
      };
    case 'PersistentVolumeClaim':
      return {
        code: 'api.pvc',
        params: {
          verb,
          pvc: name,
          phase: (obj.status?.phase as string | undefined) ?? 'Pending',
          volume: (obj.spec?.volumeName as string | undefined) ?? '-',
          terminating,
        },
      };
    default:
      return { code: 'api.object', params: { verb, ref: refOf(obj), terminating } };
  }
}

/**
 * A pod write's parameters. The owning ReplicaSet is named for a Pod a Deployment manages
 * (labelled `pod-template-hash`), last; added to the one object, not spread from another: this is
 * built on every pod write.
 */
function podParams(pod: KObject, verb: WriteVerb, terminating: boolean): PodWrite['params'] {
  const params: PodWrite['params'] = {
    verb,
    pod: pod.metadata.name,
    node: (pod.spec?.nodeName as string | undefined) ?? '-',
    phase: (pod.status?.phase as string | undefined) ?? 'Pending',
    ready: podReady(pod),
    terminating,
  };
  if (pod.metadata.labels?.['pod-template-hash'] === undefined) return params;
  const ref = pod.metadata.ownerReferences?.find((r) => r.kind === 'ReplicaSet' && r.controller);
  if (ref) params.owner = ref.name;
  return params;
}

/** The `deployment.kubernetes.io/revision` annotation as a number, when present and numeric. */
function revisionOf(obj: KObject): { revision?: number } {
  const raw = obj.metadata.annotations?.['deployment.kubernetes.io/revision'];
  const n = raw === undefined ? Number.NaN : Number(raw);
  return Number.isInteger(n) && n > 0 ? { revision: n } : {};
}

function podReady(pod: KObject): boolean {
  const conds = (pod.status?.conditions ?? []) as Array<{ type: string; status: string }>;
  return conds.some((c) => c.type === 'Ready' && c.status === 'True');
}

function nodeReady(node: KObject): string {
  const conds = (node.status?.conditions ?? []) as Array<{ type: string; status: string }>;
  return conds.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

function taintsOf(node: KObject): Array<{ effect?: string }> {
  return (node.spec?.taints as Array<{ effect?: string }> | undefined) ?? [];
}
