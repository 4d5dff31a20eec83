import { describe, expect, it } from 'vitest';
import { computeHash, fnv32a, safeEncodeString, stableStringify } from './hash.ts';

describe('hash: fnv32a', () => {
  // Reference values of FNV-1a 32 (the published test vectors).
  it.each<[string, number]>([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
    ['hello', 0x4f9f2cab],
  ])('%j', (s, h) => {
    expect(fnv32a(s)).toBe(h);
  });

  it('hashes UTF-8 bytes, not UTF-16 units', () => {
    // "é" is 0xC3 0xA9 in UTF-8.
    const manual = Math.imul(Math.imul(0x811c9dc5 ^ 0xc3, 0x01000193) ^ 0xa9, 0x01000193) >>> 0;
    expect(fnv32a('é')).toBe(manual);
  });
});

describe('hash: safeEncodeString', () => {
  // '0' is code 48; 48 % 27 = 21 → '4'. Digits therefore map onto "456789bcdf".
  it.each<[string, string]>([
    ['', ''],
    ['0', '4'],
    ['0123456789', '456789bcdf'],
    ['a', 'v'], // 97 % 27 = 16 → 'v'
  ])('%j → %j', (s, expected) => {
    expect(safeEncodeString(s)).toBe(expected);
  });

  it('only emits the safe alphabet', () => {
    expect(safeEncodeString('1234567890')).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(safeEncodeString('4294967295')).toHaveLength(10);
  });
});

describe('hash: stableStringify', () => {
  it.each<[unknown, string]>([
    [null, 'null'],
    [1, '1'],
    ['a"b', '"a\\"b"'],
    [true, 'true'],
    [undefined, 'null'],
    [[], '[]'],
    [{}, '{}'],
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, 1, 2] } }, '{"z":{"x":[3,1,2],"y":1}}'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [[undefined, 1], '[null,1]'],
  ])('%j', (v, s) => {
    expect(stableStringify(v)).toBe(s);
  });

  it('equal objects built in different order render equally', () => {
    expect(stableStringify({ a: 1, b: { c: 2, d: 3 } })).toBe(stableStringify({ b: { d: 3, c: 2 }, a: 1 }));
  });
});

describe('hash: computeHash', () => {
  const t1 = {
    metadata: { labels: { app: 'web' } },
    spec: { containers: [{ name: 'c', image: 'nginx:1' }] },
  };
  const t1b = {
    spec: { containers: [{ image: 'nginx:1', name: 'c' }] },
    metadata: { labels: { app: 'web' } },
  };
  const t2 = {
    metadata: { labels: { app: 'web' } },
    spec: { containers: [{ name: 'c', image: 'nginx:2' }] },
  };

  it('is deterministic and key-order independent', () => {
    expect(computeHash(t1)).toBe(computeHash(t1b));
    expect(computeHash(t1)).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  });

  it('changes with the template', () => {
    expect(computeHash(t1)).not.toBe(computeHash(t2));
  });

  it('changes with the collision count; 0 equals none', () => {
    const hashes = new Set([computeHash(t1), computeHash(t1, 1), computeHash(t1, 2), computeHash(t1, 3)]);
    expect(hashes.size).toBe(4);
    expect(computeHash(t1, 0)).toBe(computeHash(t1));
    expect(computeHash(t1, undefined)).toBe(computeHash(t1));
  });

  it('is the safe encoding of the decimal FNV value', () => {
    expect(computeHash('x')).toBe(safeEncodeString(String(fnv32a(stableStringify('x')))));
  });
});
