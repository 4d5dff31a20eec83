import { describe, expect, it, vi } from 'vitest';

// The operator imports @kubernetes/client-node; under test it gets kubeprop's adapter instead.
vi.mock('@kubernetes/client-node', () => import('../../src/clientNode/index.ts'));

const { startOperator } = await import('../../examples/client-node-operator/operator.ts');
const { runOperator } = await import('../../src/clientNode/index.ts');
const { loadScenario } = await import('../../src/api/scenario.ts');

const SCENARIO = 'test/clientNode/fixtures/replicaset-chaos.yaml';
const CHECK = ['replicaset.no-overshoot', 'replicaset.exact-replicas', 'ownership.single-controller'];

describe('an operator written with @kubernetes/client-node', () => {
  it('runs unchanged under chaos and keeps the ReplicaSet invariants', async () => {
    const r = await runOperator(loadScenario(SCENARIO), {
      name: 'replicaset',
      kind: 'ReplicaSet',
      start: startOperator,
      check: CHECK,
    });
    expect(r.error).toBeUndefined();
    expect(r.events.some((e) => e.actor === 'replicaset-operator')).toBe(true);
    for (const id of CHECK) expect(r.invariants.find((i) => i.id === id)?.status, id).toBe('held');
  });

  it('is deterministic: same seed, same trace digest', async () => {
    const run = () =>
      runOperator(loadScenario(SCENARIO), {
        name: 'replicaset',
        kind: 'ReplicaSet',
        start: startOperator,
        seed: 11,
      });
    const [a, b] = [await run(), await run()];
    expect(a.traceDigest).toBe(b.traceDigest);
  });
});
