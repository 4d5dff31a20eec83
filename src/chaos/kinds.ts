/**
 * The object kinds a scenario brings into the cluster: its manifests and the manifests its
 * `create-object` events create later. Which controllers run and which invariants apply follow
 * from these, so a StatefulSet created at 2m gets its controller and its checks from the start.
 */
import type { Kind, KObject } from '../model/types.ts';
import type { ScenarioEvent } from './registry.ts';

/** What a scenario holds that decides which controllers run and which checks apply. */
export interface ScenarioContents {
  readonly objects: readonly KObject[];
  readonly events: readonly ScenarioEvent[];
}

export function scenarioKinds(scenario: ScenarioContents): Set<Kind> {
  const kinds = new Set<Kind>(scenario.objects.map((o) => o.kind));
  for (const ev of scenario.events) if (ev.do === 'create-object') kinds.add(ev.object.kind);
  return kinds;
}
