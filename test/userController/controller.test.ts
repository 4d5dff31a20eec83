import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import correct from '../../labs/replicaset/solution-correct.ts';
import naive from '../../labs/replicaset/solution-naive.ts';
import { type Controller, defineInvariant, runWithControllers } from '../../src/api/controllers.ts';
import { loadScenario } from '../../src/api/scenario.ts';

const CHAOS = 'test/userController/fixtures/replicaset-chaos.yaml';
const status = (r: Awaited<ReturnType<typeof runWithControllers>>, id: string) =>
  r.invariants.find((i) => i.id === id)?.status;

describe('a user controller under chaos', () => {
  it('an async controller gives the same trace digest twice, and in another process', async () => {
    const scenario = loadScenario(CHAOS);
    const a = await runWithControllers(scenario, { controllers: { replicaset: correct } });
    const b = await runWithControllers(scenario, { controllers: { replicaset: correct } });
    expect(a.error).toBeUndefined();
    expect(a.traceDigest).toBe(b.traceDigest);
    expect(a.events.some((e) => e.actor === 'lab-replicaset')).toBe(true);
    const child = execFileSync('npx', ['tsx', 'test/userController/digest-child.ts', CHAOS], {
      encoding: 'utf8',
    });
    expect(child.trim()).toBe(a.traceDigest);
  }, 60_000);

  it('the correct solution holds the ReplicaSet invariants', async () => {
    const r = await runWithControllers(loadScenario(CHAOS), { controllers: { replicaset: correct } });
    expect(r.error).toBeUndefined();
    expect(status(r, 'replicaset.no-overshoot')).toBe('held');
    expect(status(r, 'replicaset.exact-replicas')).toBe('held');
    expect(status(r, 'ownership.single-controller')).toBe('held');
  });

  it('the naive solution over-creates and counts Failed pods', async () => {
    const r = await runWithControllers(loadScenario(CHAOS), { controllers: { replicaset: naive } });
    expect(status(r, 'replicaset.no-overshoot')).toBe('violated');
  });

  it('a reconcile that awaits a real timer ends the run with an error that says so', async () => {
    const sleepy: Controller = {
      name: 'sleepy',
      kind: 'ReplicaSet',
      reconcile: () => new Promise((resolve) => setTimeout(() => resolve(undefined), 1)),
    };
    const r = await runWithControllers(loadScenario(CHAOS), { controllers: { replicaset: sleepy } });
    expect(r.error).toMatch(
      /reconcile of default\/frontend waits for something other than kubeprop's client/,
    );
  });

  it('a user invariant runs beside the built-in ones and reports its findings', async () => {
    const atMostTwo = defineInvariant({
      id: 'lab.at-most-two-pods',
      claim: { en: 'There are never more than two pods.', ko: '파드는 두 개를 넘지 않는다.' },
      check: (store) =>
        store.list('Pod').length > 2 ? [{ message: `${store.list('Pod').length} pods`, objects: [] }] : [],
    });
    const r = await runWithControllers(loadScenario(CHAOS), {
      controllers: { replicaset: correct },
      invariants: [atMostTwo],
    });
    expect(status(r, 'lab.at-most-two-pods')).toBe('violated');
    expect(status(r, 'replicaset.no-overshoot')).toBe('held');
  });
});

describe('reports of a user controller', () => {
  it('draw its own machine and show its invariant texts', async () => {
    const { createMachine } = await import('xstate');
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeControllerReports } = await import('../../src/userController/reports.ts');
    const machine = createMachine({
      id: 'mine',
      initial: 'waiting',
      states: { waiting: { on: { KEY: 'reconciling' } }, reconciling: { on: { DONE: 'waiting' } } },
    });
    const drawn = { ...correct, machine };
    const claim = defineInvariant({
      id: 'lab.pods-named',
      claim: { en: 'Every pod has a name of its ReplicaSet.' },
      check: () => [],
    });
    const r = await runWithControllers(loadScenario(CHAOS), {
      controllers: { replicaset: drawn },
      invariants: [claim],
    });
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-user-report-'));
    const [md] = writeControllerReports(r, {
      controllers: { replicaset: drawn },
      invariants: [claim],
      dir,
      formats: ['md'],
    });
    const text = readFileSync(md!, 'utf8');
    expect(text).toContain('reconciling');
    expect(text).toContain('Every pod has a name of its ReplicaSet.');
  });
});
