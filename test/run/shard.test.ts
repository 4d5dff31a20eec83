/**
 * Shard arithmetic and the ranges of done runs (src/run/shard.ts): shards partition a campaign,
 * and the runs left after any interruption are exactly those not done.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  fromRanges,
  missingPositions,
  parseShard,
  rangesSize,
  runIndex,
  shardRuns,
  toRanges,
  unionRanges,
} from '../../src/run/shard.ts';

describe('shard', () => {
  test.prop([fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 12 })])(
    'shard: the shards of a campaign take every run exactly once (runs, count)',
    (runs, count) => {
      const taken = Array.from({ length: count }, (_, index) =>
        Array.from({ length: shardRuns({ index, count }, runs) }, (_, p) => runIndex({ index, count }, p)),
      ).flat();
      expect(taken.sort((a, b) => a - b)).toEqual(Array.from({ length: runs }, (_, i) => i));
    },
  );

  test.prop([
    fc.uniqueArray(fc.integer({ min: 0, max: 200 })),
    fc.uniqueArray(fc.integer({ min: 0, max: 200 })),
  ])(
    'shard: ranges hold exactly their numbers; a union holds both; the missing ones are the rest',
    (a, b) => {
      const ra = toRanges([...a].sort((x, y) => x - y));
      const rb = toRanges([...b].sort((x, y) => x - y));
      expect(fromRanges(ra)).toEqual([...a].sort((x, y) => x - y));
      const both = [...new Set([...a, ...b])].sort((x, y) => x - y);
      const u = unionRanges(ra, rb);
      expect(fromRanges(u)).toEqual(both);
      expect(rangesSize(u)).toBe(both.length);
      // Ranges never touch: [0, 2] and [3, 4] are one range.
      for (let i = 1; i < u.length; i++) expect(u[i]![0]).toBeGreaterThan(u[i - 1]![1] + 1);
      expect([...missingPositions(u, 201)]).toEqual(
        Array.from({ length: 201 }, (_, i) => i).filter((i) => !both.includes(i)),
      );
    },
  );

  test('shard: a time budget with no run count leaves runs for ever, after the holes', () => {
    const it = missingPositions([
      [1, 2],
      [5, 5],
    ]);
    expect(Array.from({ length: 5 }, () => it.next().value)).toEqual([0, 3, 4, 6, 7]);
  });

  test.each([
    ['0/1', { index: 0, count: 1 }],
    ['3/4', { index: 3, count: 4 }],
    ['4/4', undefined],
    ['1/0', undefined],
    ['-1/4', undefined],
    ['1/4/2', undefined],
    [' 1/4', undefined],
  ])('shard: parseShard(%j)', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });
});
