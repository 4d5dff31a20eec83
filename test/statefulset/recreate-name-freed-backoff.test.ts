/**
 * A StatefulSet (Parallel) re-created after --cascade=orphan while its old db-0 is held by a
 * finalizer: every create of db-0 fails (AlreadyExists, then injected API failures), so the work
 * queue backs the set off, doubling up to 1000 s. The finalizer's removal deletes an orphan, which
 * wakes no controller (deletePod ignores pods without a controllerRef), so db-0 comes only at the
 * next retry, possibly after the settle time. With Parallel, slowStartBatch stops after the failed
 * batch (1, 2, 4, … slots), so db-1 and db-2 wait too. Found by `kubeprop chaos --controller
 * statefulset --runs 300 --seed 1032` run 209 (issue #11); shrunk to 6 events and full (29).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.scenario.json`, import.meta.url), 'utf8')) as Scenario;

describe('StatefulSet: a name freed by an orphan is retried with the work queue back-off', () => {
  it.each(['recreate-name-freed-backoff', 'recreate-name-freed-parallel-batch'])(
    '%s passes and says why',
    (name) => {
      const r = runScenario(fixture(name), { keepTrace: true });
      const converges = r.invariants.find((i) => i.id === 'workload.converges');
      expect(converges?.status).not.toBe('violated');
      expect(r.outcome).toBe('pass');
      const held = (converges?.heldByDesign ?? []).map((h) => h.message).join('\n');
      expect(held).toContain('db-0 belonged to a pod the set did not own');
    },
  );
});
