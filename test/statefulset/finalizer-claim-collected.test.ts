/**
 * False alarms of issue #11 (chaos --controller statefulset seed 1035 run 289, seed 1023 run 206,
 * shrunk): a user's finalizer holds a pod while the set scales it down (whenScaled=Delete makes the
 * condemned pod own its claim); the finalizer is removed, the pod leaves the store, the set scales
 * up again. The garbage collector must delete the claim its gone owner pod left: until then the
 * claim is stale (PodClaimIsStale) and the controller rightly waits. The simulated API server kept
 * a pod that left through its last finalizer in its uid index, so the GC thought the owner alive
 * and the claim, and the missing pod, stayed for ever ("db-2 is missing").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

function fixture(name: string): Scenario {
  const file = join(import.meta.dirname, 'fixtures', `${name}.scenario.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Scenario;
}

function deletedClaims(name: string): string[] {
  const r = runScenario(fixture(name), { keepTrace: true });
  expect(r.outcome).toBe('pass');
  return (
    r.events
      // The GC's delete starts the claim's termination (pvc-protection holds it a moment).
      .filter((e) => e.actor === 'garbage-collector' && e.text.startsWith('terminate '))
      .flatMap((e) => e.objects ?? [])
      .filter((o) => o.startsWith('persistentvolumeclaim/'))
  );
}

describe('StatefulSet: a claim whose pod left through its last finalizer is collected', () => {
  it('StatefulSet: finalizer-scale-down-claim-collected: db-2 comes back after scale 2 → 1 → 6', () => {
    expect(deletedClaims('finalizer-scale-down-claim-collected')).toContain(
      'persistentvolumeclaim/data-db-2',
    );
  });

  it('StatefulSet: finalizer-scale-to-zero-claims-collected: db-0 and db-1 come back after scale 0 → 2', () => {
    expect(deletedClaims('finalizer-scale-to-zero-claims-collected')).toContain(
      'persistentvolumeclaim/data-db-0',
    );
  });
});
