/**
 * A surge rollout on full nodes: each surge pod waits Pending for room the old pod holds, uses up
 * maxSurge until it is available (never), and so holds the rest of the rollout. A real cluster
 * does the same; the old pods keep covering their nodes. daemonset.coverage and
 * workload.converges excuse exactly that (found by `kubeprop chaos --seed 92/93`).
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';

const SCENARIO = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: surge-no-room }
spec:
  seed: 2
  cluster: { nodes: [{ count: 3, podCapacity: 1 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: { app: agent } }
        updateStrategy: { type: RollingUpdate, rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }
        template:
          metadata: { labels: { app: agent } }
          spec: { containers: [{ name: agent, image: agent:v1 }] }
  events:
    - { at: 30s, do: update-template, target: daemonset/agent, image: agent:v2 }
  settle: 3m
`;

describe('DaemonSet surge rollout on nodes with no room for a second pod', () => {
  const r = runScenario(parseScenarioText(SCENARIO, 'surge-no-room.yaml'), { keepTrace: false });

  it('keeps every old pod running beside one Pending surge pod, and that is excused', () => {
    const running = r.final.pods.filter((p) => p.phase === 'Running' && p.ready);
    const pending = r.final.pods.filter((p) => p.node === null);
    expect(running).toHaveLength(3);
    expect(pending).toHaveLength(1);
    expect(new Set(running.map((p) => p.revision)).size).toBe(1);
    expect(pending[0]!.revision).not.toBe(running[0]!.revision);
    expect(r.outcome).toBe('pass');
  });
});

/**
 * The same without surge: a relabelled daemon pod is released but keeps its node's only slot, so
 * its replacement waits Pending for room; that unavailable pod uses up maxUnavailable and the
 * rollout holds the old template elsewhere, as rolling_update.go would (chaos --seed 103, run 212).
 */
const RELEASED = `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: rollout-no-room }
spec:
  seed: 2
  cluster: { nodes: [{ count: 3, podCapacity: 1 }] }
  objects:
    - apiVersion: apps/v1
      kind: DaemonSet
      metadata: { name: agent }
      spec:
        selector: { matchLabels: { app: agent } }
        updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 1 } }
        template:
          metadata: { labels: { app: agent } }
          spec: { containers: [{ name: agent, image: agent:v1 }] }
  events:
    - { at: 20s, do: relabel-pod, pod: { owner: daemonset/agent, node: node-2 }, labels: { app: debug } }
    - { at: 40s, do: update-template, target: daemonset/agent, image: agent:v2 }
  settle: 3m
`;

describe('DaemonSet rollout whose replacement pod cannot be placed', () => {
  const r = runScenario(parseScenarioText(RELEASED, 'rollout-no-room.yaml'), { keepTrace: false });

  it('holds the old template on the other nodes while the replacement waits for room, and that is excused', () => {
    const daemon = r.final.pods.filter((p) => p.owner === 'daemonset/agent');
    expect(daemon.filter((p) => p.node === null)).toHaveLength(1);
    expect(new Set(daemon.filter((p) => p.node !== null).map((p) => p.revision)).size).toBe(1);
    expect(r.outcome).toBe('pass');
  });
});
