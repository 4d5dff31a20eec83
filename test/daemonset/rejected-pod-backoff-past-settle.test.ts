/**
 * A daemon pod the kubelet rejects at admission ends Failed with no conditions (no Ready transition
 * time), and the controller deletes it only after the node's back-off, which doubles up to 15 min.
 * Shrunk from `kubeprop chaos --controller daemonset --runs 1000 --seed 1` run 200: two rejection
 * spells on node-x283 (7 pods, then 4) drive the back-off to 512 s, so the last rejected pod,
 * pod/agent-qsnzn (Failed at 12:19.652), is due for deletion at about 20:52, after the settle time
 * ends (16:28.251). daemon_controller.go waits exactly so; the claims used to date the pod's end at
 * t=0 for want of a Ready condition and failed coverage, replaces-terminal and converges.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lingering } from '../../src/invariants/workloads/daemonset-pods.ts';
import { formatTimestamp } from '../../src/model/time.ts';
import type { KObject } from '../../src/model/types.ts';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';
import type { World } from '../../src/sim/world.ts';

const scenario = JSON.parse(
  readFileSync(new URL('./fixtures/rejected-pod-backoff-past-settle.scenario.json', import.meta.url), 'utf8'),
) as Scenario;

/** A pod rejected at admission (no conditions), created at `createdS` seconds, judged at `nowS`. */
function rejectedLingers(createdS: number, nowS: number): boolean {
  const pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'agent-a',
      namespace: 'default',
      uid: 'p1',
      creationTimestamp: formatTimestamp(createdS * 1000),
    },
    spec: { nodeName: 'node-1' },
    status: { phase: 'Failed', reason: 'OutOfpods' },
  } as unknown as KObject;
  const world = {
    now: nowS * 1000,
    machines: new Map([['node-1', { up: true, reachable: true, removed: false }]]),
    store: { get: () => ({ kind: 'Node', metadata: { name: 'node-1' } }) },
  } as unknown as World;
  return lingering(world, pod);
}

describe('DaemonSet: a rejected pod waits out a back-off that outlasts the settle time', () => {
  it('passes: the controller deletes the Failed pod when the back-off allows, as Kubernetes does', () => {
    const r = runScenario(scenario, { keepTrace: true });
    const rejected = r.events.filter((e) => /rejected pod\/agent-/.test(e.text));
    expect(rejected).toHaveLength(11);
    for (const id of ['daemonset.coverage', 'daemonset.replaces-terminal', 'workload.converges'])
      expect(r.invariants.find((i) => i.id === id)?.status, id).not.toBe('violated');
    expect(r.outcome).toBe('pass');
    const coverage = r.invariants.find((i) => i.id === 'daemonset.coverage');
    const held = (coverage?.heldByDesign ?? []).map((h) => h.message).join('\n');
    expect(held).toContain(
      "node-x283 has only pod/agent-qsnzn (Failed); the controller replaces it once the node's failed-pod back-off",
    );
  });

  it('dates a rejected pod from its creation: within 15 min of it the pod may stay', () => {
    expect(rejectedLingers(740, 988)).toBe(false);
  });

  it('still fails a rejected pod kept past the longest back-off', () => {
    expect(rejectedLingers(740, 740 + 15 * 60 + 61)).toBe(true);
  });
});
