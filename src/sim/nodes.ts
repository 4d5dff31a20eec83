/** Node objects as a kubelet registers them, and helpers to read node conditions and taints. */
import { formatTimestamp } from '../model/time.ts';
import type { KObject, NewObject, Taint } from '../model/types.ts';
import type { NodeSpec } from './options.ts';

export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

/** A Node as its kubelet registers it: labels (hostname, os, arch), capacity, Ready=True. */
export function newNodeObject(spec: NodeSpec, nowMs: number): NewObject {
  const taints: Taint[] = [...spec.taints];
  if (spec.unschedulable) taints.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        ...spec.labels,
      },
    },
    spec: { unschedulable: spec.unschedulable || undefined, taints: taints.length > 0 ? taints : undefined },
    status: {
      capacity: { pods: String(spec.podCapacity) },
      allocatable: { pods: String(spec.podCapacity) },
      conditions: [readyCondition('True', 'KubeletReady', nowMs)],
    },
  };
}

export function readyCondition(status: 'True' | 'False' | 'Unknown', reason: string, nowMs: number) {
  const ts = formatTimestamp(nowMs);
  return { type: 'Ready', status, reason, lastHeartbeatTime: ts, lastTransitionTime: ts };
}

/** The Ready condition's status of a Node object ('Unknown' when absent). */
export function nodeReadyStatus(node: KObject): string {
  const conds = (node.status?.conditions ?? []) as Array<{ type: string; status: string }>;
  return conds.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

export function nodeTaints(node: KObject): Taint[] {
  return (node.spec?.taints ?? []) as Taint[];
}

export function podCapacity(node: KObject): number {
  return Number(node.status?.allocatable?.pods ?? 110);
}

/** The zone label of a node ('' when it has none), for per-zone eviction rates. */
export function nodeZone(node: KObject): string {
  return node.metadata.labels?.['topology.kubernetes.io/zone'] ?? '';
}
