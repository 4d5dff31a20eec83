/**
 * Splitting a campaign across machines and remembering which runs are done. Shard `index` of
 * `count` takes the runs whose index ≡ index (mod count); its k-th run (its position k) is campaign
 * run `index + k·count`. The runs a shard has finished are kept as ranges of positions, so a
 * summary of 100,000 runs stays a few bytes and an interrupted campaign can say exactly what is left.
 */

/** One of `count` slices of a campaign (`--shard index/count`, index from 0). */
export interface Shard {
  index: number;
  count: number;
}

/** The whole campaign: one shard of one. */
export const WHOLE: Shard = { index: 0, count: 1 };

/** Inclusive ranges `[first, last]` of positions, ascending, disjoint and not touching. */
export type Ranges = Array<[number, number]>;

/** The campaign run index of a shard's position. */
export function runIndex(shard: Shard, position: number): number {
  return shard.index + position * shard.count;
}

/** How many of a campaign's `runs` fall to the shard. */
export function shardRuns(shard: Shard, runs: number): number {
  return runs > shard.index ? Math.ceil((runs - shard.index) / shard.count) : 0;
}

/** `2/4` → {index: 2, count: 4}; undefined when the text is not of that form or out of range. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (m === null) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!Number.isSafeInteger(count) || count < 1 || count > 10_000 || index >= count) return undefined;
  return { index, count };
}

/** The ranges covering sorted, distinct numbers. */
export function toRanges(sorted: readonly number[]): Ranges {
  const ranges: Ranges = [];
  for (const n of sorted) {
    const last = ranges.at(-1);
    if (last !== undefined && last[1] + 1 === n) last[1] = n;
    else ranges.push([n, n]);
  }
  return ranges;
}

/** Every number the ranges cover, ascending. */
export function fromRanges(ranges: Ranges): number[] {
  const out: number[] = [];
  for (const [first, last] of ranges) for (let n = first; n <= last; n++) out.push(n);
  return out;
}

/** How many numbers the ranges cover. */
export function rangesSize(ranges: Ranges): number {
  return ranges.reduce((sum, [first, last]) => sum + last - first + 1, 0);
}

/** The union of two range lists. */
export function unionRanges(a: Ranges, b: Ranges): Ranges {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: Ranges = [];
  for (const [first, last] of all) {
    const prev = out.at(-1);
    if (prev !== undefined && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else out.push([first, last]);
  }
  return out;
}

/**
 * The positions not yet done, ascending, below `limit` (no limit: for ever, as a campaign with a
 * time budget and no run count goes on until the time is spent).
 */
export function* missingPositions(done: Ranges, limit = Number.POSITIVE_INFINITY): Generator<number> {
  let next = 0;
  for (const [first, last] of done) {
    for (let p = next; p < Math.min(first, limit); p++) yield p;
    next = Math.max(next, last + 1);
  }
  for (let p = next; p < limit; p++) yield p;
}
