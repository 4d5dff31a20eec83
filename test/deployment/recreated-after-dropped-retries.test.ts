/**
 * False alarm of `kubeprop chaos --runs 10000 --seed 15`, run chaos-deployment-9536 (shrunk),
 * `status.consistent` ("observedGeneration=0 (expected 1)") and `workload.converges`: deployment/web
 * is deleted (Background) and created again under the same name while the controllers' watch is
 * stalled for 98 s. Meanwhile the old Deployment's syncs, from the stale cache, keep failing
 * (NotFound ReplicaSet, Conflict on the status), and every failure counts against the work queue's
 * key default/web, which the new Deployment shares (deleteDeployment and addDeployment both enqueue
 * namespace/name; nothing forgets it). Its first sync fails too (an injected create failure): by
 * then NumRequeues is 15, so handleErr (deployment_controller.go, maxRetries 15) drops the key and
 * Forgets it, and the retry still pending from the last back-off starts a fresh one (5 ms, 10 ms):
 * Kubernetes creates the ReplicaSet and writes observedGeneration 1 at about 306 s. kubeprop's
 * controller had no maxRetries and kept doubling the back-off (328 s, then 655 s), past the end of
 * settle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const file = join(import.meta.dirname, 'fixtures', 'recreated-after-dropped-retries.scenario.json');
const scenario = JSON.parse(readFileSync(file, 'utf8')) as Scenario;

describe('Deployment: created again under a name whose key used up its retries', () => {
  it('Deployment: recreated-after-dropped-retries: the key is dropped after 15 requeues and the next retry starts a fresh back-off (chaos seed 15 run 9536)', () => {
    const r = runScenario(scenario, { keepTrace: false });
    expect(r.invariants.filter((i) => i.status === 'violated').map((i) => i.id)).toEqual([]);
    expect(r.outcome).toBe('pass');
    const web = r.final.workloads.find((w) => w.kind === 'Deployment' && w.name === 'web');
    expect((web?.status as { observedGeneration?: number } | undefined)?.observedGeneration).toBe(1);
    const sets = r.final.workloads.filter((w) => w.kind === 'ReplicaSet');
    expect(sets.map((s) => (s.spec as { replicas?: number }).replicas)).toEqual([2]);
  });
});
