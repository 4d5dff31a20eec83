/**
 * A rollout to an image whose pods fail (maxSurge 1) makes Failed daemon pods queue up on a node:
 * the controller deletes one a back-off window (the others are "limited by backoff") and creates a
 * new pod whenever none runs there, as daemon_controller.go's podsShouldBeOnNode does. Shrunk from
 * the false-alarm bench (chaos --seed 1001 run 140): pod/agent-946g5 failed at 03:25 and was still
 * queued at 19:25, which daemonset.replaces-terminal called a failure to replace it, with a bound of
 * one window whatever the queue.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const scenario = JSON.parse(
  readFileSync(new URL('./fixtures/failed-pods-queue-on-node.scenario.json', import.meta.url), 'utf8'),
) as Scenario;

describe('daemonset: Failed pods queued on a node under a failing image', () => {
  it('each waits its turn of the per-node back-off: no claim fails, and the verdict says why', () => {
    const r = runScenario(scenario, {});
    for (const id of ['daemonset.coverage', 'daemonset.replaces-terminal', 'workload.converges'])
      expect(r.invariants.find((i) => i.id === id)?.status, id).not.toBe('violated');
    expect(r.outcome).toBe('pass');
    const failedOnOneNode = new Map<string, number>();
    for (const p of r.final.pods)
      if (p.phase === 'Failed' && p.node) failedOnOneNode.set(p.node, (failedOnOneNode.get(p.node) ?? 0) + 1);
    // The queue this test is about: more than one Failed pod waiting on a node at the end.
    expect(Math.max(0, ...failedOnOneNode.values())).toBeGreaterThan(1);
    const held = r.invariants.flatMap((i) => i.heldByDesign ?? []).map((h) => h.message);
    expect(held.length).toBeGreaterThan(0);
  });
});
