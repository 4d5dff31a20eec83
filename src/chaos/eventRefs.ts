/**
 * What an event names, whatever its kind: its node, workload target, pod or claim. Readers that
 * treat events alike (the trace's object list, skipped-event explanations, the shrinker's units)
 * ask here instead of reading fields off the union.
 */
import type { ScenarioEvent } from './registry.ts';
import type { PodRef } from './types.ts';

/** The node an event names (`node:`), if its kind has one. */
export function eventNode(ev: ScenarioEvent): string | undefined {
  return 'node' in ev ? ev.node : undefined;
}

/** The workload an event targets (`target:`, `<kind>/<name>`), if its kind has one. */
export function eventTarget(ev: ScenarioEvent): string | undefined {
  return 'target' in ev ? ev.target : undefined;
}

/** The pod an event names (`pod:`), if its kind has one. */
export function eventPod(ev: ScenarioEvent): PodRef | undefined {
  return 'pod' in ev ? ev.pod : undefined;
}

/** The PersistentVolumeClaim an event names (`pvc:`), if its kind has one. */
export function eventClaim(ev: ScenarioEvent): string | undefined {
  return 'pvc' in ev ? ev.pvc : undefined;
}

/** `<kind>/<name>` of the object a `create-object` event creates. */
export function createdRef(ev: ScenarioEvent): string | undefined {
  return ev.do === 'create-object' ? `${ev.object.kind.toLowerCase()}/${ev.object.metadata.name}` : undefined;
}
