import { describe, expect, it } from 'vitest';
import { withCondition } from './podStatus.ts';

const types = (cs: Array<{ type: string }>) => cs.map((c) => c.type);

describe('withCondition', () => {
  it('keeps the list sorted by type when it adds a condition', () => {
    let cs = withCondition([], 'Ready', 'False', 0);
    cs = withCondition(cs, 'Initialized', 'True', 1_000);
    cs = withCondition(cs, 'PodScheduled', 'True', 2_000);
    cs = withCondition(cs, 'ContainersReady', 'False', 3_000);
    expect(types(cs)).toEqual(['ContainersReady', 'Initialized', 'PodScheduled', 'Ready']);
  });

  it('moves lastTransitionTime only when the status flips, in place', () => {
    const before = withCondition(withCondition([], 'Initialized', 'True', 0), 'Ready', 'False', 0);
    expect(withCondition(before, 'Ready', 'False', 5_000)).toBe(before);
    const after = withCondition(before, 'Ready', 'True', 5_000, 'PodReady');
    expect(types(after)).toEqual(['Initialized', 'Ready']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toMatchObject({ status: 'True', reason: 'PodReady' });
    expect(after[1]!.lastTransitionTime).not.toBe(before[1]!.lastTransitionTime);
    expect(before[1]!.status).toBe('False');
  });
});
