/**
 * The object kinds a scenario brings into the cluster: its manifests and the manifests its
 * `create-object` events create later. Which controllers run and which invariants apply follow
 * from these, so a StatefulSet created at 2m gets its controller and its checks from the start.
 */
import type { Kind } from '../model/types.ts';
import type { Scenario } from './types.ts';

export function scenarioKinds(scenario: Pick<Scenario, 'objects' | 'events'>): Set<Kind> {
  const kinds = new Set<Kind>(scenario.objects.map((o) => o.kind));
  for (const ev of scenario.events) {
    const obj = ev.do === 'create-object' ? (ev.object as { kind?: unknown } | undefined) : undefined;
    if (typeof obj?.kind === 'string') kinds.add(obj.kind as Kind);
  }
  return kinds;
}
