import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feasibleNodesToFind, LoadBuckets } from './scheduler.ts';

/** The nodes holding `load` in scan order from `start` over the first `window` indexes (wrapping). */
function scanOrder(pods: number[], load: number, start: number, window: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < window; i++) {
    const at = (start + i) % pods.length;
    if (pods[at] === load) out.push(at);
  }
  return out;
}

describe('scheduler: load buckets', () => {
  it('counts, ranks and finds the nodes of a load in scan order as a full scan does', () => {
    const arb = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        pods: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
        moves: fc.array(fc.tuple(fc.nat(n - 1), fc.integer({ min: 0, max: 6 })), { maxLength: 30 }),
        start: fc.nat(n - 1),
        window: fc.integer({ min: 1, max: n }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ pods: initial, moves, start, window }) => {
        // A copy: fast-check shrinks from the generated values, so the property must not edit them.
        const pods = [...initial];
        const buckets = new LoadBuckets();
        buckets.reset(Int32Array.from(pods));
        for (const [at, to] of moves) {
          buckets.move(at, pods[at]!, to);
          pods[at] = to;
        }
        expect(buckets.lowest()).toBe(Math.min(...pods));
        for (let load = 0; load <= 6; load++) {
          const inWindow = scanOrder(pods, load, start, window);
          expect(buckets.countIn(load, start, window)).toBe(inWindow.length);
          inWindow.forEach((at, k) => {
            expect(buckets.nth(load, start, k)).toBe(at);
            expect(buckets.offsetRank(load, start, at)).toBe(k);
          });
        }
      }),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('scheduler: nodes scored per pod (numFeasibleNodesToFind, adaptive percentageOfNodesToScore)', () => {
  it('scores every node below 100, then 50 % less 1 % per 125 nodes (at least 5 %, at least 100), in integers', () => {
    const cases: Array<[number, number]> = [
      [1, 1],
      [99, 99],
      [100, 100],
      [200, 100], // 49 % of 200 = 98: raised to the minimum of 100
      [300, 144], // 48 %
      [1_500, 570], // 38 %
      [1_550, 589], // 50 - 1550/125 = 37.6 truncates to 38 %, not rounded down to 37.6 %
      [5_000, 500], // 10 %
      [6_000, 300], // 50 - 48 = 2 %: at least 5 %
    ];
    for (const [nodes, scored] of cases) expect([nodes, feasibleNodesToFind(nodes)]).toEqual([nodes, scored]);
  });
});
