/**
 * daemonset.replaces-terminal: a Failed daemon pod queued behind others on its node waits for a
 * back-off window that counts from the delete of the pod before it, not from its own end. Shrunk
 * from `kubeprop chaos --runs 10000 --seed 11` run chaos-daemonset-8566 (seed 1281702334): node-1
 * rejects 8 pods of the new template at 1:57, the controller deletes them one a window (1 s, 2 s,
 * 4 s… as daemon_controller.go podsShouldBeOnNode does: failedPodsBackoff.Next at planning, one
 * Failed pod a node per window), three injected delete failures use up a window each too (the
 * back-off advances at planning), and the last delete before pod/agent-png6l's turn comes at
 * 10:27.9 with a delay of 512 s. pod/agent-png6l, Failed since 1:57.2, is due at about 18:59.9, after the run ends
 * (18:13.3). The claim used to count its allowance (one 15 min window a queued pod) from the pod's
 * end and failed it; Kubernetes waits exactly so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const scenario = JSON.parse(
  readFileSync(new URL('./fixtures/failed-pod-behind-later-delete.scenario.json', import.meta.url), 'utf8'),
) as Scenario;

describe('DaemonSet: a Failed pod waits for a back-off window that began after it ended', () => {
  const r = runScenario(scenario, { keepTrace: true });

  it('passes, and the verdict names the wait as by design', () => {
    for (const id of ['daemonset.replaces-terminal', 'daemonset.failed-pod-backoff', 'workload.converges'])
      expect(r.invariants.find((i) => i.id === id)?.status, id).not.toBe('violated');
    expect(r.outcome).toBe('pass');
    const held = (r.invariants.find((i) => i.id === 'daemonset.replaces-terminal')?.heldByDesign ?? []).map(
      (h) => h.message,
    );
    expect(held.join('\n')).toContain('pod/agent-png6l ended Failed on node-1 and waits its turn');
  });

  it('the pod is still Failed on its node more than 15 min after it ended', () => {
    const failed = r.events.find(
      (e) => e.actor === 'kubelet/node-1' && /agent-png6l .*phase=Failed/.test(e.text),
    );
    expect(failed).toBeDefined();
    expect(r.endMs - failed!.atMs).toBeGreaterThan(15 * 60_000 + 60_000);
    expect(
      r.events.some((e) => e.actor === 'daemonset-controller' && /delete pod\/agent-png6l/.test(e.text)),
    ).toBe(false);
  });
});
