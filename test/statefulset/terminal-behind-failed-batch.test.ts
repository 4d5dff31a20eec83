/**
 * False alarm of the 10,000-run campaign (`kubeprop chaos --runs 10000 --seed 1`, run 7815, shrunk
 * to 8 events): a Parallel StatefulSet (ordinals from 3) is deleted with --cascade=orphan while
 * db-3 is Terminating on a crashed node, and created again. The new set adopts db-4..db-7 but not
 * db-3 (ClaimObject skips a pod being deleted), so every create of db-3 fails with AlreadyExists
 * and the work queue backs the set off, doubling up to 1000 s; the orphan's removal wakes nothing.
 * db-6 then ends Succeeded (graceful node shutdown). slowStartBatch walks the slots in batches
 * db-3 | db-4 db-5 | db-6 db-7: db-3's failed batch ends every sync before db-6 is reached, so
 * Kubernetes leaves db-6 in its slot until a retry gets past db-3 (here after the settle time, an
 * injected create failure having doubled the back-off again). Held by design, said so, not
 * `statefulset.replaces-terminal`. The same shutdown without the orphaning still catches the
 * keeps-succeeded mutant.
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

const replacesTerminal = (r: ReturnType<typeof runScenario>) =>
  r.invariants.find((i) => i.id === 'statefulset.replaces-terminal');

describe('StatefulSet: a finished pod behind a failed Parallel batch', () => {
  it('StatefulSet: terminal-behind-failed-batch: db-6 waits behind db-3, and says so (chaos seed 1 run 7815)', () => {
    const r = runScenario(fixture('terminal-behind-failed-batch'), { keepTrace: false });
    expect(replacesTerminal(r)?.violations ?? []).toEqual([]);
    expect(r.outcome).toBe('pass');
    // Kubernetes leaves it too: the set's syncs never got past db-3's batch.
    expect(r.final.pods.find((p) => p.name === 'db-6')?.phase).toBe('Succeeded');
    const notes = (replacesTerminal(r)?.heldByDesign ?? []).map((n) => n.message).join('\n');
    expect(notes).toMatch(/db-6 ended Succeeded and waits behind db-3: .*AlreadyExists.*slow-start batches/);
    const ko = (replacesTerminal(r)?.heldByDesign ?? []).map((n) => n.messageKo ?? '').join('\n');
    expect(ko).toMatch(/db-6 파드는 Succeeded 상태로 끝났고 db-3 파드 뒤에서 기다린다/);
  });

  it.each([
    ['correct', 'held'],
    ['keeps-succeeded', 'violated'],
  ])('StatefulSet: terminal-behind-failed-batch without the orphaning: %s is %s', (variant, status) => {
    // Without the re-created set nothing blocks db-3's slot, so db-6 must be replaced.
    const s = fixture('terminal-behind-failed-batch');
    const events = s.events.filter((e) => !['delete-pod', 'delete-object', 'create-object'].includes(e.do));
    const r = runScenario({ ...s, events, controllers: { statefulset: variant } }, { keepTrace: false });
    expect(replacesTerminal(r)?.status).toBe(status);
    if (status === 'violated')
      expect(replacesTerminal(r)?.violations[0]?.message).toContain('left db-6, which ended Succeeded');
  });
});
