import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { describe, expect, it } from 'vitest';
import {
  compileSelector,
  formatSelector,
  matchesSelector,
  sameLabels,
  selectorIsEmpty,
  selectorMatches,
  validateLabelKey,
  validateLabels,
  validateLabelValue,
  validateSelector,
} from './labels.ts';

describe('labels: validateLabelKey', () => {
  it.each([
    ['app', null],
    ['App_1.x-y', null],
    ['a', null],
    ['example.com/app', null],
    ['app.kubernetes.io/name', null],
    ['statefulset.kubernetes.io/pod-name', null],
    ['x'.repeat(63), null],
    ['x'.repeat(64), 'name part must be no more than 63 characters'],
    ['', 'name part must be non-empty'],
    ['example.com/', 'name part must be non-empty'],
    ['/app', 'prefix part must be non-empty'],
    ['-app', /^name part must consist of alphanumeric/],
    ['app-', /^name part must consist of alphanumeric/],
    ['a b', /^name part must consist of alphanumeric/],
    ['Example.com/app', /^prefix part a lowercase RFC 1123 subdomain/],
    ['a/b/c', /^a qualified name must consist of .* with an optional DNS subdomain prefix/],
  ])('%s', (key, expected) => {
    const got = validateLabelKey(key);
    if (expected instanceof RegExp) expect(got).toMatch(expected);
    else expect(got).toBe(expected);
  });
});

describe('labels: validateLabelValue', () => {
  it.each([
    ['', true],
    ['web', true],
    ['MyValue', true],
    ['my_value.1-2', true],
    ['12345', true],
    ['v'.repeat(63), true],
    ['v'.repeat(64), false],
    ['-web', false],
    ['web_', false],
    ['a/b', false],
    ['a b', false],
  ])('%j valid=%s', (value, valid) => {
    expect(validateLabelValue(value) === null).toBe(valid);
  });

  it('too long uses MaxLenError', () => {
    expect(validateLabelValue('v'.repeat(64))).toBe('must be no more than 63 characters');
  });
});

describe('labels: validateLabels', () => {
  it('accepts undefined and valid maps', () => {
    expect(validateLabels(undefined, 'metadata.labels')).toBeNull();
    expect(validateLabels({ app: 'web', 'x.io/tier': '' }, 'metadata.labels')).toBeNull();
  });
  it('reports the first bad key or value with its path', () => {
    expect(validateLabels({ app: 'web', 'bad key': 'x' }, 'metadata.labels')).toMatch(
      /^metadata\.labels\.bad key: name part must consist/,
    );
    expect(validateLabels({ app: '-web' }, 'spec.template.metadata.labels')).toMatch(
      /^spec\.template\.metadata\.labels\.app: a valid label must be an empty string/,
    );
  });
});

describe('labels: validateSelector', () => {
  it.each<[string, LabelSelector | undefined, RegExp | null]>([
    ['undefined', undefined, null],
    ['empty', {}, null],
    ['matchLabels', { matchLabels: { app: 'web' } }, null],
    ['In ok', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] }, null],
    ['NotIn ok', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] }, null],
    ['Exists ok', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, null],
    ['DoesNotExist []', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist', values: [] }] }, null],
    [
      'In no values',
      { matchExpressions: [{ key: 'tier', operator: 'In' }] },
      /matchExpressions\[0\]\.values: Required value/,
    ],
    ['NotIn []', { matchExpressions: [{ key: 't', operator: 'NotIn', values: [] }] }, /Required value/],
    [
      'Exists values',
      { matchExpressions: [{ key: 't', operator: 'Exists', values: ['x'] }] },
      /values: Forbidden/,
    ],
    [
      'DoesNotExist values',
      { matchExpressions: [{ key: 't', operator: 'DoesNotExist', values: ['x'] }] },
      /Forbidden/,
    ],
    [
      'unknown op',
      { matchExpressions: [{ key: 't', operator: 'Gt', values: ['1'] }] },
      /operator: Invalid value: "Gt": not a valid selector operator/,
    ],
    ['bad key', { matchExpressions: [{ key: '-t', operator: 'Exists' }] }, /\.key: Invalid value: "-t"/],
    [
      'bad value',
      { matchExpressions: [{ key: 't', operator: 'In', values: ['ok', '-x'] }] },
      /values\[1\]: Invalid value: "-x"/,
    ],
    ['bad matchLabels', { matchLabels: { app: 'a b' } }, /^spec\.selector\.matchLabels\.app: /],
  ])('%s', (_name, sel, expected) => {
    const got = validateSelector(sel, 'spec.selector');
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatch(expected);
  });
});

describe('labels: matching', () => {
  const tierIn: LabelSelector = { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] };
  it.each<[string, LabelSelector | undefined | null, Record<string, string> | undefined, boolean]>([
    ['nil selects nothing', undefined, { app: 'web' }, false],
    ['null selects nothing', null, {}, false],
    ['empty selects everything', {}, { app: 'web' }, true],
    ['empty selects unlabeled', {}, undefined, true],
    ['matchLabels equal', { matchLabels: { app: 'web' } }, { app: 'web', x: 'y' }, true],
    ['matchLabels differ', { matchLabels: { app: 'web' } }, { app: 'db' }, false],
    ['matchLabels missing', { matchLabels: { app: 'web' } }, {}, false],
    ['matchLabels empty value', { matchLabels: { app: '' } }, { app: '' }, true],
    ['matchLabels empty value vs missing', { matchLabels: { app: '' } }, {}, false],
    ['In hit', tierIn, { tier: 'b' }, true],
    ['In miss', tierIn, { tier: 'c' }, false],
    ['In missing key', tierIn, undefined, false],
    [
      'NotIn missing key matches',
      { matchExpressions: [{ key: 't', operator: 'NotIn', values: ['a'] }] },
      {},
      true,
    ],
    [
      'NotIn other value',
      { matchExpressions: [{ key: 't', operator: 'NotIn', values: ['a'] }] },
      { t: 'b' },
      true,
    ],
    [
      'NotIn listed value',
      { matchExpressions: [{ key: 't', operator: 'NotIn', values: ['a'] }] },
      { t: 'a' },
      false,
    ],
    ['Exists', { matchExpressions: [{ key: 't', operator: 'Exists' }] }, { t: '' }, true],
    ['Exists missing', { matchExpressions: [{ key: 't', operator: 'Exists' }] }, {}, false],
    ['DoesNotExist', { matchExpressions: [{ key: 't', operator: 'DoesNotExist' }] }, { u: '1' }, true],
    [
      'DoesNotExist present',
      { matchExpressions: [{ key: 't', operator: 'DoesNotExist' }] },
      { t: '1' },
      false,
    ],
    [
      'AND of all',
      { matchLabels: { app: 'web' }, matchExpressions: tierIn.matchExpressions },
      { app: 'web', tier: 'c' },
      false,
    ],
    ['invalid selects nothing', { matchExpressions: [{ key: 't', operator: 'Foo' }] }, { t: 'x' }, false],
    [
      'In without values selects nothing',
      { matchExpressions: [{ key: 't', operator: 'In' }] },
      { t: 'x' },
      false,
    ],
  ])('%s', (_name, sel, labels, expected) => {
    expect(matchesSelector(sel, labels)).toBe(expected);
    expect(selectorMatches(compileSelector(sel), labels)).toBe(expected);
  });

  it('memoizes per selector object', () => {
    const sel: LabelSelector = { matchLabels: { app: 'web' } };
    expect(compileSelector(sel)).toBe(compileSelector(sel));
    expect(compileSelector({ ...sel })).not.toBe(compileSelector(sel));
    expect(compileSelector(undefined)).toBe(compileSelector(null));
  });
});

describe('labels: selectorIsEmpty', () => {
  it.each<[LabelSelector | undefined | null, boolean]>([
    [{}, true],
    [{ matchLabels: {}, matchExpressions: [] }, true],
    [{ matchLabels: { a: 'b' } }, false],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }, false],
    [undefined, false],
    [null, false],
  ])('%j → %s', (sel, expected) => {
    expect(selectorIsEmpty(sel)).toBe(expected);
  });
});

describe('labels: formatSelector', () => {
  it.each<[LabelSelector | undefined, string]>([
    [{ matchLabels: { app: 'web' } }, 'app=web'],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }],
      },
      'app=web,tier in (a,b)',
    ],
    [{ matchLabels: { z: '1', a: '2' } }, 'a=2,z=1'],
    [{ matchExpressions: [{ key: 't', operator: 'NotIn', values: ['x', 'y'] }] }, 't notin (x,y)'],
    [{ matchExpressions: [{ key: 't', operator: 'Exists' }] }, 't'],
    [{ matchExpressions: [{ key: 't', operator: 'DoesNotExist' }] }, '!t'],
    [{}, ''],
    [undefined, '<none>'],
    [{ matchExpressions: [{ key: 't', operator: 'Nope' }] }, '<invalid>'],
  ])('%j → %s', (sel, expected) => {
    expect(formatSelector(sel)).toBe(expected);
  });
});

describe('sameLabels', () => {
  it('compares label maps as maps: order aside, missing and empty alike', () => {
    expect(sameLabels({ a: '1', b: '2' }, { b: '2', a: '1' })).toBe(true);
    expect(sameLabels(undefined, {})).toBe(true);
    expect(sameLabels({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameLabels({ a: '1' }, { b: '1' })).toBe(false);
    expect(sameLabels({ a: '1' }, { a: '1', b: '2' })).toBe(false);
    expect(sameLabels({ a: '' }, {})).toBe(false);
  });
});
