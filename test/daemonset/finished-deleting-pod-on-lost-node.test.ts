/**
 * status.consistent: a daemon pod that was already terminating when it finished still reaches the
 * DaemonSet. Shrunk from `kubeprop chaos --runs 10000 --seed 5` run chaos-daemonset-9526 (seed
 * 1844938727): node-2 is partitioned, its pod pod/agent-4fvk5 is deleted (deletionTimestamp set, the
 * kubelet cannot finish it), the node heals and is shut down, and the kubelet reports the pod
 * Succeeded. The node keeps untolerated NoSchedule taints (not-ready, then unreachable), so it is not
 * desired, and a pod both terminal and deleting is left out of the status count
 * (updateDaemonSetStatus groups pods with getNodesToDaemonPods(ds, false)): numberMisscheduled
 * drops from 1 to 0. Kubernetes' updatePod hands every update of a terminating pod to deletePod,
 * which enqueues the DaemonSet; ours enqueued only the update that set deletionTimestamp, never
 * synced again and kept numberMisscheduled=1 to the end.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const scenario = JSON.parse(
  readFileSync(
    new URL('./fixtures/finished-deleting-pod-on-lost-node.scenario.json', import.meta.url),
    'utf8',
  ),
) as Scenario;

describe('DaemonSet: a terminating pod that finishes on a lost node', () => {
  const r = runScenario(scenario, { keepTrace: true });

  it('passes: the status stops counting the finished pod as misscheduled', () => {
    expect(r.invariants.find((i) => i.id === 'status.consistent')?.status).not.toBe('violated');
    expect(r.outcome).toBe('pass');
  });

  it('writes the status again after the kubelet reports the terminating pod Succeeded', () => {
    const succeeded = r.events.findIndex(
      (e) => e.actor === 'kubelet/node-2' && /agent-4fvk5/.test(e.text) && /Succeeded/.test(e.text),
    );
    expect(succeeded).toBeGreaterThan(-1);
    const later = r.events.slice(succeeded + 1);
    expect(
      later.some((e) => e.actor === 'daemonset-controller' && /^status daemonset\/agent/.test(e.text)),
    ).toBe(true);
  });
});
