/**
 * Two waits a real StatefulSet makes on purpose, found as false alarms by `kubeprop chaos
 * --controller statefulset` and kept as regressions: they pass, and say why.
 *
 * recreate-while-partitioned (seed 6, run 197, shrunk): the set is deleted (Background) and created
 * again while db-0 of the old set is stuck Terminating on a partitioned node. Every create of db-0
 * fails with AlreadyExists; the old pod's deletion wakes nothing (its controllerRef names the old
 * set), so the new set waits out the work queue's back-off, which doubles up to 1000 s.
 *
 * finalizer-on-condemned-pod (seed 3, run 251, shrunk): a user's finalizer holds db-0 when the set
 * scales to zero; the pod stays Terminating and the set never creates a second db-0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../src/run/runScenario.ts';
import type { Scenario } from '../../src/scenario/types.ts';

function fixture(name: string): Scenario {
  return JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8')) as Scenario;
}

function heldNotes(name: string): { outcome: string; notes: string[]; notesKo: string[] } {
  const r = runScenario(fixture(name), { keepTrace: false });
  const held = r.invariants.flatMap((i) => i.heldByDesign ?? []);
  return {
    outcome: r.outcome,
    notes: held.map((n) => n.message),
    notesKo: held.map((n) => n.messageKo ?? ''),
  };
}

describe('StatefulSet: held by design', () => {
  it('StatefulSet: recreate-while-partitioned: waits out the back-off after AlreadyExists, and says so', () => {
    const { outcome, notes, notesKo } = heldNotes('recreate-while-partitioned');
    expect(outcome).toBe('pass');
    expect(notes.join('\n')).toMatch(/AlreadyExists.*back-off/);
    expect(notesKo.join('\n')).toMatch(/AlreadyExists/);
  });

  it("StatefulSet: finalizer-on-condemned-pod: waits for the finalizer's owner, and says so", () => {
    const { outcome, notes } = heldNotes('finalizer-on-condemned-pod');
    expect(outcome).toBe('pass');
    expect(notes.join('\n')).toMatch(/finalizer kubeprop.io\/hold keeps it/);
  });
});
