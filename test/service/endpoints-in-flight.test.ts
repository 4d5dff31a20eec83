/**
 * Regression from the false-alarm bench (chaos --controller all --seed 1026, run 91): a StatefulSet
 * whose image fails keeps replacing pod db-1 after settle, and the end of the stability window fell
 * 4 ms after one was deleted, before the EndpointSlice controller's watch could deliver it (since
 * the set's Parallel batches count slots as slowStartBatch does, the pod in flight is db-2). That
 * endpoint is in flight (held by design); a controller that never drops endpoints is still caught.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const ID = 'service.endpoints-converge';

function scenario(endpointslice?: string): Scenario {
  const path = new URL('./fixtures/campaign-1026-run-91.scenario.json', import.meta.url).pathname;
  const s = JSON.parse(readFileSync(path, 'utf8')) as Scenario;
  return endpointslice ? { ...s, controllers: { ...s.controllers, endpointslice } } : s;
}

describe('service.endpoints-converge on pods replaced after settle', () => {
  it('holds by design, naming the pod whose removal is still in flight', () => {
    const r = runScenario(scenario());
    const result = r.invariants.find((i) => i.id === ID)!;
    expect(result.status).toBe('held');
    const notes = (result.heldByDesign ?? []).map((n) => n.message).join('\n');
    expect(notes).toContain('service/db: held by design: its pods changed within the last');
    // Which pod is in flight depends on the StatefulSet's timing (Parallel slow-start batches).
    expect(notes).toMatch(/pod\/db-\d \(10\.244\.\d+\.\d+\) is listed but is gone or not selected/);
  });

  it('still fails the controller that never removes endpoints', () => {
    const r = runScenario(scenario('never-removes-endpoints'));
    const result = r.invariants.find((i) => i.id === ID)!;
    expect(result.status).toBe('violated');
    expect(result.violations[0]!.message).toMatch(/is listed but is gone or not selected/);
  });
});
