import { describe, expect, it } from 'vitest';
import {
  generateNameSuffix,
  NAME_SUFFIX_ALPHABET,
  validateDns1123Label,
  validateDns1123Subdomain,
} from './names.ts';

describe('names: validateDns1123Label', () => {
  it.each([
    ['a', true],
    ['web', true],
    ['web-0', true],
    ['123-abc', true],
    ['0', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['', false],
    ['-web', false],
    ['web-', false],
    ['Web', false],
    ['web.example', false],
    ['web_1', false],
    ['wéb', false],
  ])('%s valid=%s', (s, valid) => {
    expect(validateDns1123Label(s) === null).toBe(valid);
  });

  it('uses Kubernetes wording', () => {
    expect(validateDns1123Label('a'.repeat(64))).toBe('must be no more than 63 characters');
    expect(validateDns1123Label('Web')).toMatch(/^a lowercase RFC 1123 label must consist of/);
  });
});

describe('names: validateDns1123Subdomain', () => {
  it.each([
    ['example.com', true],
    ['a', true],
    ['a.b-c.d', true],
    ['node-1', true],
    [`${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`, true],
    ['a'.repeat(254), false],
    ['', false],
    ['.a', false],
    ['a.', false],
    ['a..b', false],
    ['a.-b', false],
    ['Example.com', false],
    ['a_b', false],
  ])('%s valid=%s', (s, valid) => {
    expect(validateDns1123Subdomain(s) === null).toBe(valid);
  });

  it('uses Kubernetes wording', () => {
    expect(validateDns1123Subdomain('A')).toMatch(/^a lowercase RFC 1123 subdomain must consist of/);
    expect(validateDns1123Subdomain('a'.repeat(254))).toBe('must be no more than 253 characters');
  });
});

describe('names: generateNameSuffix', () => {
  it('draws 5 characters from the alphabet via the given function', () => {
    const calls: number[] = [];
    const suffix = generateNameSuffix((n) => {
      calls.push(n);
      return calls.length - 1;
    });
    expect(suffix).toBe('bcdfg');
    expect(calls).toEqual([27, 27, 27, 27, 27]);
  });

  it('is deterministic for the same sequence and uses only the alphabet', () => {
    const seq = (): ((n: number) => number) => {
      let i = 7;
      return (n) => {
        i = (i * 31 + 11) % 1009;
        return i % n;
      };
    };
    const a = generateNameSuffix(seq());
    expect(generateNameSuffix(seq())).toBe(a);
    expect([...a].every((c) => NAME_SUFFIX_ALPHABET.includes(c))).toBe(true);
    expect(generateNameSuffix(() => 26)).toBe('99999');
  });
});
