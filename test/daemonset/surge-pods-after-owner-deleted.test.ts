/**
 * daemonset.one-per-node after the DaemonSet is gone: a surge rollout leaves the old and the new
 * pod side by side on a node that crashed right after the template update; the DaemonSet is then
 * deleted (Background) and its pods wait for the garbage collector. The claim used to forget the
 * owner's maxSurge once the owner left the store and blamed the two pods on node-2 (found by
 * `kubeprop chaos --controller daemonset --seed 4`, runs 131 and 289, shrunk to 3 events). It
 * keeps judging with the limit the DaemonSet had.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const SCENARIO = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: surge-pods-after-owner-deleted }
spec:
  seed: 4137885186
  cluster: { nodes: [{ count: 5 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: { app: agent } }
        updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }
        template:
          metadata: { labels: { app: agent } }
          spec: { containers: [{ name: agent, image: registry.example/agent:1.0 }] }
  events:
    - { at: 120689ms, do: update-template, target: daemonset/agent, image: registry.local/app:v3 }
    - { at: 120721ms, do: crash-node, node: node-2 }
    - { at: 273133ms, do: delete-object, target: daemonset/agent, propagation: Background }
  settle: 10m
`;

describe('DaemonSet surge pods awaiting the garbage collector', () => {
  it('surge-pods-after-owner-deleted: one-per-node keeps the deleted owner maxSurge', () => {
    const r = runScenario(parseScenarioText(SCENARIO, 'surge-pods-after-owner-deleted.yaml'), {
      keepTrace: false,
    });
    expect(r.invariants.find((i) => i.id === 'daemonset.one-per-node')?.status).toBe('held');
    expect(r.outcome).toBe('pass');
  });
});
