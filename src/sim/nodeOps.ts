/**
 * What happens to a machine when a node fault strikes. Each returns what it did (a trace message), or
 * undefined when the node is not in a state where the fault means anything (a skipped event).
 */
import type { FaultEffect } from '../trace/messages.ts';
import { isReporting } from './machine.ts';
import type { World } from './world.ts';

/** Power loss: containers stop, the kubelet goes silent. */
export function crashNode(world: World, name: string): FaultEffect | undefined {
  const m = world.machines.get(name);
  if (!m || m.removed || !m.up) return undefined;
  const wasReporting = isReporting(m);
  m.up = false;
  world.kubelet.powerOff(m);
  if (wasReporting) world.lifecycle.stoppedReporting(m);
  return { code: 'node.power-lost', params: { node: name } };
}

/**
 * Graceful node shutdown: the kubelet ends every pod it runs in a terminal phase and reports it,
 * then the machine powers off (it comes back with `heal-node`). Only a reporting kubelet can tell
 * the API; an unreachable or crashed node has nothing to shut down gracefully.
 */
export function shutdownNode(
  world: World,
  name: string,
  phase: 'Failed' | 'Succeeded',
): FaultEffect | undefined {
  const m = world.machines.get(name);
  if (!m || !isReporting(m)) return undefined;
  world.lifecycle.shuttingDown(m);
  const ended = world.kubelet.shutdown(m, phase);
  m.up = false;
  world.kubelet.powerOff(m);
  world.lifecycle.stoppedReporting(m);
  return { code: 'node.shut-down', params: { node: name, ended, phase } };
}

/** Network partition: containers keep running, but the control plane cannot reach the kubelet. */
export function partitionNode(world: World, name: string): FaultEffect | undefined {
  const m = world.machines.get(name);
  if (!m || m.removed || !m.reachable) return undefined;
  const wasReporting = isReporting(m);
  m.reachable = false;
  if (wasReporting) world.lifecycle.stoppedReporting(m);
  return { code: 'node.partitioned', params: { node: name } };
}

/** The machine boots again and/or the network heals. */
export function healNode(world: World, name: string): FaultEffect | undefined {
  const m = world.machines.get(name);
  if (!m || m.removed || (m.up && m.reachable)) return undefined;
  const rebooted = !m.up;
  m.up = true;
  m.reachable = true;
  world.lifecycle.resumedReporting(m);
  return { code: rebooted ? 'node.rebooted' : 'node.reconnected', params: { node: name } };
}

/** The Node object is deleted and the machine decommissioned; pod GC removes its pods. */
export function removeNode(world: World, name: string): FaultEffect | undefined {
  const m = world.machines.get(name);
  if (!m || m.removed || !world.store.get('Node', name)) return undefined;
  m.removed = true;
  m.up = false;
  world.kubelet.powerOff(m);
  world.store.delete('user', 'Node', name);
  return { code: 'node.removed', params: { node: name } };
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };

/** Cordon / uncordon: spec.unschedulable and the matching taint (TaintNodesByCondition). */
export function setUnschedulable(world: World, name: string, on: boolean): FaultEffect | undefined {
  const node = world.store.get('Node', name);
  if (!node || !!node.spec?.unschedulable === on) return undefined;
  world.store.patch('user', 'Node', name, (n) => {
    const others = ((n.spec?.taints ?? []) as Array<{ key: string }>).filter(
      (t) => t.key !== UNSCHEDULABLE_TAINT.key,
    );
    const taints = on ? [...others, UNSCHEDULABLE_TAINT] : others;
    return {
      ...n,
      spec: { ...n.spec, unschedulable: on || undefined, taints: taints.length > 0 ? taints : undefined },
    };
  });
  return { code: on ? 'node.cordoned' : 'node.uncordoned', params: { node: name } };
}

/** kubectl drain: cordon, then evict (gracefully delete) every pod that no DaemonSet controls. */
export function drainNode(world: World, name: string): FaultEffect | undefined {
  if (!world.store.get('Node', name)) return undefined;
  setUnschedulable(world, name, true);
  let evicted = 0;
  for (const pod of world.podsOnNode(name)) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller === true);
    if (ref?.kind === 'DaemonSet' || pod.metadata.deletionTimestamp) continue;
    const r = world.store.delete('user', 'Pod', `${pod.metadata.namespace}/${pod.metadata.name}`, {
      uid: pod.metadata.uid,
    });
    if (r.ok) evicted++;
  }
  return { code: 'node.drained', params: { node: name, evicted } };
}
