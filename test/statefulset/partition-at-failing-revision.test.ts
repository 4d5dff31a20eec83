/**
 * partition-at-failing-revision (`kubeprop chaos --controller statefulset --seed 3` run 163 of the
 * generator before issue #11's knobs, shrunk from 34 events to 8): a set with partition 2 is scaled
 * to zero, its template updated to a build that ends by itself (`v3-fail`), scaled to 3 and fixed
 * (`v3`). With no pods the failing revision became the current one, so db-0 and db-1 (below the
 * partition) come back at it and fail again and again, as Kubernetes does; the churn ends when the
 * current revision moves on, inside the stability window. That is the application's failure, held
 * by design and said so, not a controller that cannot settle.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const scenario = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'partition-at-failing-revision.json'), 'utf8'),
) as Scenario;

describe('StatefulSet: partition-at-failing-revision', () => {
  it('StatefulSet: partition-at-failing-revision: pods below the partition failing at the current revision are held by design, and the verdict says so', () => {
    const r = runScenario(scenario, { keepTrace: false });
    expect(r.outcome).toBe('pass');
    const converges = r.invariants.find((i) => i.id === 'workload.converges')!;
    expect(converges.heldByDesign?.map((n) => n.message).join('\n')).toMatch(/ends by itself/);
  });
});
