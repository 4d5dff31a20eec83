import { describe, expect, it } from 'vitest';
import dsCorrect from '../../labs/daemonset/solution-correct.ts';
import dsNaive from '../../labs/daemonset/solution-naive.ts';
import correct from '../../labs/replicaset/solution-correct.ts';
import naive from '../../labs/replicaset/solution-naive.ts';
import { loadScenario } from '../../src/api/scenario.ts';
import { gradeLab } from '../../src/userController/lab.ts';

const LAB = loadScenario('labs/replicaset/scenario.yaml');

describe('the ReplicaSet lab', () => {
  it('catches the naive solution with a counterexample of at most 4 events', async () => {
    const out = await gradeLab(LAB, 'replicaset', naive, { noReport: true });
    expect(out.passed).toBe(false);
    if (out.passed) return;
    expect(['replicaset.no-overshoot', 'replicaset.exact-replicas']).toContain(out.invariant);
    expect(out.events.length).toBeLessThanOrEqual(4);
    expect(out.explanation).not.toBe('');
  });

  it('passes the correct solution in 300 chaos runs', async () => {
    const out = await gradeLab(LAB, 'replicaset', correct, { runs: 300, noReport: true });
    expect(out).toEqual({ passed: true, runs: 300 });
  }, 300_000);
});

describe('the ReplicaSet starter', () => {
  it('loads as it is shipped and fails the lab until reconcile is written', async () => {
    const { loadControllerFile } = await import('../../src/userController/load.ts');
    const starter = await loadControllerFile('labs/replicaset/starter.ts');
    const out = await gradeLab(LAB, 'replicaset', starter, { runs: 1, noReport: true });
    expect(out.passed).toBe(false);
    if (!out.passed) expect(out.invariant).toBe('replicaset.exact-replicas');
  });
});

describe('the DaemonSet lab', () => {
  const DS_LAB = loadScenario('labs/daemonset/scenario.yaml');

  it('catches the naive solution with a counterexample of at most 4 events', async () => {
    const out = await gradeLab(DS_LAB, 'daemonset', dsNaive, { noReport: true });
    expect(out.passed).toBe(false);
    if (out.passed) return;
    expect(['daemonset.one-per-node', 'daemonset.coverage']).toContain(out.invariant);
    expect(out.events.length).toBeLessThanOrEqual(4);
  });

  it('passes the correct solution in 300 chaos runs', async () => {
    const out = await gradeLab(DS_LAB, 'daemonset', dsCorrect, { runs: 300, noReport: true });
    expect(out).toEqual({ passed: true, runs: 300 });
  }, 300_000);

  it('fails the starter as shipped', async () => {
    const { loadControllerFile } = await import('../../src/userController/load.ts');
    const out = await gradeLab(DS_LAB, 'daemonset', await loadControllerFile('labs/daemonset/starter.ts'), {
      runs: 1,
      noReport: true,
    });
    expect(out.passed ? undefined : out.invariant).toBe('daemonset.coverage');
  });
});
