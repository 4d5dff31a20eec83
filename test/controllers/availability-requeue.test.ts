/**
 * Found by `kubeprop chaos --seed 98` (StatefulSet run 136): with minReadySeconds, the set waited
 * for db-0 to become available while status said available == replicas (a condemned pod made up
 * the count), so no requeue came and the OrderedReady wait never ended. Since kubernetes#135428 the
 * controller looks again when the next Ready pod becomes available, whenever ready != available.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const scenario = JSON.parse(
  readFileSync(join(import.meta.dirname, 'fixtures', 'statefulset-availability-requeue.json'), 'utf8'),
) as Scenario;

describe('StatefulSet availability checks at the right time', () => {
  it('finishes the scale-down once db-0 becomes available, and keeps availableReplicas current', () => {
    const r = runScenario(scenario, { keepTrace: false });
    expect(r.outcome).toBe('pass');
    expect(r.final.pods.map((p) => p.name)).toEqual(['db-0']);
  });
});
