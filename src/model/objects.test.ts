import { describe, expect, it } from 'vitest';
import { extend } from './objects.ts';

describe('extend', () => {
  it('copies base keys in order, then the new keys of extra, as a spread would', () => {
    const base = { a: 1, b: 2, c: 3 };
    const out = extend(base, { b: 20, d: 4 });
    expect(Object.keys(out)).toEqual(['a', 'b', 'c', 'd']);
    expect(JSON.stringify(out)).toBe(JSON.stringify({ ...base, ...{ b: 20, d: 4 } }));
    expect(base).toEqual({ a: 1, b: 2, c: 3 });
  });

  it.each([0, 1, 4, 5, 12, 13, 20])('returns a plain object for %i keys', (n) => {
    const base = Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    const out = extend(base, {});
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.constructor).toBe(Object);
    expect(Object.keys(out)).toEqual(Object.keys(base));
    expect(out).toStrictEqual(base);
    expect(Object.prototype.toString.call(out)).toBe('[object Object]');
  });

  it('treats a missing base as empty', () => {
    expect(extend(undefined, { x: 1 })).toStrictEqual({ x: 1 });
  });
});
