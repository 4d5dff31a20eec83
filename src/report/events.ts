/**
 * Reading trace events by their message codes and parameters (src/trace/messages.ts): which pod an
 * event is about, which objects it touches, what a fault hit. The reports derive everything they
 * conclude from these, never from the English text.
 */
import type { FaultCode, ParamValue } from '../trace/messages.ts';
import type { TraceEvent } from '../trace/types.ts';

/** A string parameter of an event, if it has one under that name. */
export function param(e: Pick<TraceEvent, 'params'>, name: string): string | undefined {
  const v = (e.params as Readonly<Record<string, ParamValue>>)[name];
  return typeof v === 'string' ? v : undefined;
}

/** The pod an event is about: its `pod` parameter (API writes, the kubelet, faults), else its first `pod/` object. */
export function podOf(e: TraceEvent): string | undefined {
  if (e.code === 'api.removed') return e.params.ref.startsWith('pod/') ? e.params.ref.slice(4) : undefined;
  if (e.code === 'fault.applied' && e.params.effect === 'finalizer.added') {
    const name = param(e, 'name');
    return name?.startsWith('pod/') ? name.slice(4) : undefined;
  }
  const pod = param(e, 'pod');
  if (pod !== undefined && e.code !== 'api.rejected') return pod;
  return e.objects?.find((o) => o.startsWith('pod/'))?.slice(4);
}

/** What an applied fault did: its effect code and parameters, or undefined for any other event. */
export function faultEffect(
  e: TraceEvent,
): { effect: FaultCode; command: string; event: TraceEvent } | undefined {
  if (e.code !== 'fault.applied') return undefined;
  return { effect: e.params.effect, command: e.params.command, event: e };
}

/** Node faults whose effect reaches the pods on that node. */
const NODE_HITS: ReadonlySet<FaultCode> = new Set<FaultCode>([
  'node.power-lost',
  'node.shut-down',
  'node.partitioned',
  'node.removed',
  'node.drained',
  'node.cordoned',
  'node.tainted',
  'node.labeled',
]);

/** Faults on a whole workload. */
const WORKLOAD_HITS: ReadonlySet<FaultCode> = new Set<FaultCode>([
  'workload.scaled',
  'workload.template-changed',
  'workload.rolled-back',
  'workload.paused',
  'workload.resumed',
  'object.deleted',
]);

/** Faults on one pod. */
const POD_HITS: ReadonlySet<FaultCode> = new Set<FaultCode>([
  'pod.crashed',
  'pod.failed',
  'pod.deleted',
  'pod.unready',
  'pod.relabeled',
]);

/** What a fault hits: the pods on a node, one pod, or a workload (`<kind>/<name>`). */
export type FaultHit = { node: string } | { pod: string } | { workload: string } | undefined;

export function faultHit(e: TraceEvent): FaultHit {
  const f = faultEffect(e);
  if (!f) return undefined;
  const node = param(e, 'node');
  if (NODE_HITS.has(f.effect) && node !== undefined) return { node };
  const pod = param(e, 'pod');
  if (POD_HITS.has(f.effect) && pod !== undefined) return { pod };
  const ref = param(e, 'ref');
  if (WORKLOAD_HITS.has(f.effect) && ref !== undefined) return { workload: ref };
  return undefined;
}

/** Is this a write by which the object left the API (its last delete)? */
export function isRemoval(e: TraceEvent, refPrefix: string): boolean {
  return e.code === 'api.removed' && e.params.ref.startsWith(refPrefix);
}

/**
 * The objects an event touches, `<kind>/<name>`: its `objects`, plus what its parameters name
 * (a pod, a node, a workload reference, a claim).
 */
export function touchedObjects(e: TraceEvent): Set<string> {
  const out = new Set(e.objects ?? []);
  const pod = podOf(e);
  if (pod !== undefined) out.add(`pod/${pod}`);
  const node = param(e, 'node');
  if (node !== undefined && node !== '-') out.add(`node/${node}`);
  const ref = param(e, 'ref');
  if (ref !== undefined) out.add(ref);
  const pvc = param(e, 'pvc');
  if (pvc !== undefined) out.add(`persistentvolumeclaim/${pvc}`);
  return out;
}

/** Names a controller decision lists (the pods or nodes it acts on, the workload key's name). */
export function decisionNames(e: TraceEvent): string[] {
  if (e.code !== 'controller.decision') return [];
  const out: string[] = [];
  for (const k of ['pod', 'pods', 'createOn', 'deletePods', 'key']) {
    const v = param(e, k);
    if (v === undefined || v === '') continue;
    for (const item of v.split(', ')) {
      const name = item.split(' (')[0]!;
      out.push(k === 'key' ? name.slice(name.indexOf('/') + 1) : name);
    }
  }
  return out;
}
