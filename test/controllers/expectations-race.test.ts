/**
 * Found by `kubeprop chaos --seed 90` (run 39): a ReplicaSet sync began while expectations were
 * pending, listed its pods, then released a relabelled pod; the ADD it was waiting for arrived
 * while the release patch was in flight, and the sync, judging expectations only now, managed
 * replicas from its older pod list and created a pod too many. Kubernetes reads the expectations
 * first (`rsNeedsSync`, before listing pods), so a sync never manages from a list older than them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const scenario = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'replicaset-expectations-race.json'), 'utf8'),
) as Scenario;

describe('ReplicaSet expectations are judged when the sync begins', () => {
  it('no create beyond spec.replicas when an ADD lands during the claim', () => {
    const r = runScenario(scenario, { keepTrace: false });
    expect(r.invariants.find((i) => i.id === 'replicaset.no-overshoot')?.status).toBe('held');
    expect(r.outcome).toBe('pass');
  });
});
