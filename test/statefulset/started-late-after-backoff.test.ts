/**
 * False alarm of `kubeprop chaos --runs 10000 --seed 11` (run 1871), `workload.converges`: an
 * OrderedReady StatefulSet is deleted (Background) and created again while db-0 and db-3 of the old
 * set are stuck Terminating on a crashed node. Every create of db-0 fails with AlreadyExists (a pod
 * being deleted is never adopted) and the work queue backs the set off, doubling up to 1000 s; the
 * old pods' removal when the node boots again wakes nothing (their controllerRef names the old set).
 * The retry comes about 2 s before the settle time ends: db-0 is created and still Pending when the
 * judge looks, exactly as Kubernetes would leave it. A pod of a slot whose name was held until
 * recently, created less than a start time ago, is still starting, and OrderedReady holds the higher
 * ordinals behind it: a pass, said so. In the full run the retry's db-0 is rejected by the kubelet and
 * replaced at once, and db-1 is the pod just created when the judge looks.
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

const converges = (r: ReturnType<typeof runScenario>) =>
  r.invariants.find((i) => i.id === 'workload.converges');

describe('StatefulSet: a slot created late by the back-off retry', () => {
  it.each([
    ['started-late-after-backoff', 'shrunk'],
    ['started-late-after-backoff-rejected', 'full run'],
  ])('StatefulSet: %s: passes and converges after the retry (chaos seed 11 run 1871, %s)', (name) => {
    const r = runScenario(fixture(name), { keepTrace: false });
    expect(converges(r)?.violations ?? []).toEqual([]);
    expect(r.outcome).toBe('pass');
    const db = r.final.pods.filter((p) => p.name.startsWith('db-'));
    expect(db.map((p) => p.phase)).toEqual(Array(5).fill('Running'));
  });

  it('StatefulSet: started-late-after-backoff-rejected: a look at the end of settle says db-1 is still starting', () => {
    // A stability window of 1 s: the last look still sees the slot starting, and says why.
    const s = fixture('started-late-after-backoff-rejected');
    const r = runScenario({ ...s, sim: { ...s.sim, stabilityMs: 1000 } }, { keepTrace: false });
    expect(r.outcome).toBe('pass');
    const notes = (converges(r)?.heldByDesign ?? []).map((n) => n.message).join('\n');
    expect(notes).toMatch(
      /higher ordinals held by design: db-1 was created only [\d.]+ s ago and is still starting: .*AlreadyExists.*back-off/,
    );
    const ko = (converges(r)?.heldByDesign ?? []).map((n) => n.messageKo ?? '').join('\n');
    expect(ko).toMatch(/db-1 파드는 불과 [\d.]+초 전에 만들어져 아직 시작 중이다/);
  });
});
