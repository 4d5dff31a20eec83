import { describe, expect, it } from 'vitest';
import { isMemberOf, parseOrdinal, podNameFor, pvcNameFor } from './ordinal.ts';

describe('ordinal: parseOrdinal', () => {
  it.each<[string, { parent: string; ordinal: number } | null]>([
    ['web-0', { parent: 'web', ordinal: 0 }],
    ['web-12', { parent: 'web', ordinal: 12 }],
    ['my-web-3', { parent: 'my-web', ordinal: 3 }],
    ['web-1-2', { parent: 'web-1', ordinal: 2 }],
    ['web-01', { parent: 'web', ordinal: 1 }],
    ['-5', { parent: '', ordinal: 5 }],
    ['web', null],
    ['web-', null],
    ['web-a', null],
    ['web-1a', null],
    ['web0', null],
    ['', null],
    [`web-${'9'.repeat(20)}`, null],
  ])('%j', (name, expected) => {
    expect(parseOrdinal(name)).toEqual(expected);
  });
});

describe('ordinal: names', () => {
  it.each<[string, number, string]>([
    ['web', 0, 'web-0'],
    ['web', 10, 'web-10'],
    ['db-primary', 2, 'db-primary-2'],
  ])('podNameFor(%s, %d) = %s', (set, ord, name) => {
    expect(podNameFor(set, ord)).toBe(name);
    expect(parseOrdinal(name)).toEqual({ parent: set, ordinal: ord });
  });

  it.each<[string, string, number, string]>([
    ['data', 'web', 0, 'data-web-0'],
    ['www', 'db', 7, 'www-db-7'],
  ])('pvcNameFor(%s, %s, %d) = %s', (tpl, set, ord, name) => {
    expect(pvcNameFor(tpl, set, ord)).toBe(name);
  });
});

describe('ordinal: isMemberOf', () => {
  it.each<[string, string, boolean]>([
    ['web', 'web-0', true],
    ['web', 'web-10', true],
    ['web', 'web-01', true],
    ['web', 'webb-0', false],
    ['web', 'web-x', false],
    ['web', 'web', false],
    ['web', 'my-web-0', false],
    // A set named `web-1` owns `web-1-0`; set `web` does not (parent is the greedy prefix).
    ['web', 'web-1-0', false],
    ['web-1', 'web-1-0', true],
  ])('isMemberOf(%s, %s) = %s', (set, pod, expected) => {
    expect(isMemberOf(set, pod)).toBe(expected);
  });
});
