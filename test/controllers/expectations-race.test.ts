/**
 * Found by `kubeprop chaos --seed 90` (ReplicaSet run 39) and `--seed 97` (DaemonSet run 176): a
 * sync began while expectations were pending, listed its pods, then released a relabelled pod;
 * the ADD it was waiting for arrived while the release patch was in flight, and the sync, judging
 * expectations only now, managed from its older pod list and created a pod too many. Kubernetes
 * reads the expectations first (`rsNeedsSync`; syncDaemonSet before manage lists pods), so a sync
 * never manages from a list older than them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as Scenario;

describe('expectations are judged when the sync begins', () => {
  it('ReplicaSet: no create beyond spec.replicas when an ADD lands during the claim', () => {
    const r = runScenario(fixture('replicaset-expectations-race.json'), { keepTrace: false });
    expect(r.invariants.find((i) => i.id === 'replicaset.no-overshoot')?.status).toBe('held');
    expect(r.outcome).toBe('pass');
  });

  it('DaemonSet: no second pod on a node when an ADD lands during the claim', () => {
    const r = runScenario(fixture('daemonset-expectations-race.json'), { keepTrace: false });
    expect(r.invariants.find((i) => i.id === 'daemonset.one-per-node')?.status).toBe('held');
    expect(r.outcome).toBe('pass');
  });
});
