/**
 * daemonset.placement judges a create against the node as the controller saw it *when it planned*
 * the create. The first sync of a new DaemonSet plans, then records its revision (an API round
 * trip), then writes the pods; a NoSchedule taint or a node removal landing in that round trip
 * reached the cache before the pod was written, and the write used to record that later view:
 * placement then blamed the correct controller (property seeds 1–3 after 97–661 runs, shrunk to a
 * single `taint-node` or `remove-node` at t=0; seeds 10 and 16 below showed it). The controller
 * now records the node views at planning time.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

function scenario(seed: number, event: string): string {
  return `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: placement-view-at-planning }
spec:
  seed: ${seed}
  cluster: { nodes: [{ count: 3 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: { app: agent } }
        template:
          metadata: { labels: { app: agent } }
          spec: { containers: [{ name: agent, image: agent:v1 }] }
  events:
    - ${event}
  settle: 2m
`;
}

const EVENTS = {
  'taint-node NoSchedule':
    '{ at: 0s, do: taint-node, node: node-1, taint: { key: example.com/x, effect: NoSchedule } }',
  'remove-node': '{ at: 0s, do: remove-node, node: node-1 }',
};

describe('DaemonSet placement: the node view is recorded when the create is planned', () => {
  for (const [what, event] of Object.entries(EVENTS))
    for (const seed of [10, 16])
      it(`placement-view-at-planning: ${what} at t=0 during the first sync's revision round trip (seed ${seed})`, () => {
        const r = runScenario(parseScenarioText(scenario(seed, event), 'placement-view-at-planning.yaml'), {
          keepTrace: true,
        });
        // The race happened: a pod was created for node-1 after the event reached the store.
        const created = r.events.filter(
          (e) => e.actor === 'daemonset-controller' && /^create pod\//.test(e.text),
        );
        expect(created.length).toBeGreaterThanOrEqual(3);
        expect(r.invariants.find((i) => i.id === 'daemonset.placement')?.status).toBe('held');
      });
});
