/**
 * The node-table cross-check is a world option, not a global: a run asked for it plans every sync
 * both ways, and a run not asked for it pays nothing (nodeTable.test.ts relies on the first).
 */
import { describe, expect, it, vi } from 'vitest';
import { daemonSetScaleScenario } from '../../bench/daemonset.bench.ts';
import { assertSameDecisions } from '../../src/controllers/daemonset/crossCheck.ts';
import { runScenario } from '../../src/run/runScenario.ts';

vi.mock('../../src/controllers/daemonset/crossCheck.ts', { spy: true });

describe('DaemonSet: crossCheckNodeTable', () => {
  it('is honoured per run: on, every incremental plan is checked; off, none is', () => {
    const s = daemonSetScaleScenario(6, 4);
    vi.mocked(assertSameDecisions).mockClear();
    expect(runScenario(s, { crossCheckNodeTable: true }).outcome).toBe('pass');
    const checked = vi.mocked(assertSameDecisions).mock.calls.length;
    expect(checked).toBeGreaterThan(0);
    vi.mocked(assertSameDecisions).mockClear();
    expect(runScenario(s).outcome).toBe('pass');
    expect(vi.mocked(assertSameDecisions)).not.toHaveBeenCalled();
  });
});
