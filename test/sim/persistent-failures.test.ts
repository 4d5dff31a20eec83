/**
 * The fault classes issue #11 found were never generated: a kubelet that rejects pods at
 * admission, a graceful node shutdown that ends pods Succeeded, pods held by a finalizer, and
 * image tags that name a failure mode. Each is checked here against what a real cluster shows.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import { parseScenarioText } from '../../src/scenario/parse.ts';
import { imageBehavior } from '../../src/sim/podBehavior.ts';

function scenario(events: string, image = 'app:v1', replicas = 2): string {
  return `apiVersion: kubeprop/v1
kind: Scenario
metadata: { name: persistent }
spec:
  seed: 3
  cluster: { nodes: [{ count: 2 }] }
  objects:
    - apiVersion: apps/v1
      kind: ReplicaSet
      metadata: { name: web }
      spec:
        replicas: ${replicas}
        selector: { matchLabels: { app: web } }
        template:
          metadata: { labels: { app: web } }
          spec: { containers: [{ name: app, image: "${image}" }] }
  events:
${events}
  settle: 3m
`;
}

const run = (text: string) => runScenario(parseScenarioText(text, 'persistent.yaml'), {});
const lines = (r: ReturnType<typeof run>) => r.events.map((t) => t.text);

describe('sim: persistent and repeated failure', () => {
  it('reject-pods: the kubelet rejects the next pods (Failed, OutOfcpu); the ReplicaSet replaces them', () => {
    const r = run(
      scenario(`    - { at: 30s, do: reject-pods, node: node-1, reason: OutOfcpu, count: 2 }
    - { at: 30s, do: reject-pods, node: node-2, reason: OutOfcpu, for: 20s }
    - { at: 31s, do: delete-pod, pod: { owner: replicaset/web, index: 0 } }`),
    );
    const rejected = lines(r).filter((l) => l.startsWith('rejected pod/'));
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]).toMatch(/Node didn't have enough resource: cpu/);
    const failed = r.final.pods.filter((p) => p.phase === 'Failed');
    expect(failed.length).toBe(rejected.length);
    expect(r.final.pods.filter((p) => p.phase === 'Running' && p.ready).length).toBe(2);
    expect(r.outcome).toBe('pass');
  });

  it('shutdown-node: its pods end Succeeded with reason Terminated, and are replaced elsewhere', () => {
    const r = run(scenario('    - { at: 30s, do: shutdown-node, node: node-1, phase: Succeeded }'));
    expect(
      lines(r).some((l) => /node node-1 shut down gracefully: [1-9]\d* pods? ended Succeeded/.test(l)),
    ).toBe(true);
    const ended = r.final.pods.filter((p) => p.phase === 'Succeeded');
    expect(ended.length).toBeGreaterThan(0);
    expect(r.final.pods.filter((p) => p.phase === 'Running' && p.ready).length).toBe(2);
    expect(r.outcome).toBe('pass');
  });

  it('finalizers: a deleted pod that holds one stays until remove-finalizer', () => {
    const held = run(
      scenario(`    - { at: 30s, do: add-finalizer, pod: { owner: replicaset/web, index: 0 } }
    - { at: 40s, do: delete-pod, pod: { owner: replicaset/web, index: 0 } }`),
    );
    expect(held.final.pods.filter((p) => p.terminating).length).toBe(1);
    const released = run(
      scenario(`    - { at: 30s, do: add-finalizer, pod: { owner: replicaset/web, index: 0 } }
    - { at: 40s, do: delete-pod, pod: { owner: replicaset/web, index: 0 } }
    - { at: 90s, do: remove-finalizer }`),
    );
    expect(released.final.pods.filter((p) => p.terminating).length).toBe(0);
    expect(released.final.pods.length).toBe(2);
  });

  it('image tags name failure modes: crashloop, never-ready, fail, complete', () => {
    expect(
      ['x:broken', 'a:v2-crashloop', 'a:never-ready', 'a:fail', 'a:complete', 'a:failover', 'a:v1'].map(
        imageBehavior,
      ),
    ).toEqual(['crashloop', 'crashloop', 'never-ready', 'fail', 'complete', undefined, undefined]);
    const r = run(
      scenario('    - { at: 30s, do: scale, target: replicaset/web, replicas: 2 }', 'app:never-ready'),
    );
    expect(r.final.pods.every((p) => p.phase === 'Running' && !p.ready)).toBe(true);
  });
});
