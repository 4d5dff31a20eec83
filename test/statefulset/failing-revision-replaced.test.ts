/**
 * False alarm of issue #11 (chaos --controller statefulset seed 1026 run 91, shrunk): with the
 * partition above the replicas, every pod comes from the current revision, whose image fails
 * (`:v2-fail`). The controller deletes each Failed pod and creates it again, as Kubernetes does, so
 * the stability check may meet a slot between the delete and the create: held by design, said so.
 * A slot the controller leaves empty for longer than the notice time is still a failure.
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

describe('StatefulSet: a slot whose pods fail again and again', () => {
  it('StatefulSet: failing-revision-replaced: a slot empty between delete and create passes, and says why', () => {
    const r = runScenario(fixture('failing-revision-replaced'), { keepTrace: false });
    expect(r.outcome).toBe('pass');
    const notes = r.invariants.flatMap((i) => i.heldByDesign ?? []);
    expect(notes.map((n) => n.message).join('\n')).toMatch(/ends by itself.*replaces them/);
    expect(notes.map((n) => n.messageKo ?? '').join('\n')).toMatch(/교체/);
  });
});
