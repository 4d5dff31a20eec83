import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import {
  addDefaultTolerations,
  findUntoleratedTaint,
  TAINT_DISK_PRESSURE,
  TAINT_MEMORY_PRESSURE,
  TAINT_NETWORK_UNAVAILABLE,
  TAINT_NOT_READY,
  TAINT_PID_PRESSURE,
  TAINT_UNREACHABLE,
  TAINT_UNSCHEDULABLE,
  toleratesTaint,
  tolerationSecondsFor,
  tolerationSecondsForTaints,
  validateTaint,
  validateToleration,
} from './taints.ts';

const dedicated: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };
const notReadyExec: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };
const unreachableExec: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };

describe('taints: constants', () => {
  it('use the real keys', () => {
    expect([
      TAINT_NOT_READY,
      TAINT_UNREACHABLE,
      TAINT_UNSCHEDULABLE,
      TAINT_DISK_PRESSURE,
      TAINT_MEMORY_PRESSURE,
      TAINT_PID_PRESSURE,
      TAINT_NETWORK_UNAVAILABLE,
    ]).toEqual([
      'node.kubernetes.io/not-ready',
      'node.kubernetes.io/unreachable',
      'node.kubernetes.io/unschedulable',
      'node.kubernetes.io/disk-pressure',
      'node.kubernetes.io/memory-pressure',
      'node.kubernetes.io/pid-pressure',
      'node.kubernetes.io/network-unavailable',
    ]);
  });
});

describe('taints: toleratesTaint', () => {
  it.each<[string, Toleration, Taint, boolean]>([
    [
      'Equal same value',
      { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' },
      dedicated,
      true,
    ],
    ['default operator is Equal', { key: 'dedicated', value: 'db' }, dedicated, true],
    ['Equal other value', { key: 'dedicated', value: 'web' }, dedicated, false],
    ['Equal empty vs value', { key: 'dedicated' }, dedicated, false],
    ['Equal both empty', { key: TAINT_NOT_READY }, notReadyExec, true],
    ['Exists any value', { key: 'dedicated', operator: 'Exists' }, dedicated, true],
    ['Exists other key', { key: 'other', operator: 'Exists' }, dedicated, false],
    ['empty key Exists matches all', { operator: 'Exists' }, dedicated, true],
    ['empty key Exists matches NoExecute', { operator: 'Exists' }, unreachableExec, true],
    ['effect mismatch', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, dedicated, false],
    ['empty effect matches all', { key: TAINT_NOT_READY, operator: 'Exists' }, notReadyExec, true],
    ['unknown operator', { key: 'dedicated', operator: 'Gt', value: 'db' }, dedicated, false],
    ['empty effect + Exists + key', { key: TAINT_UNREACHABLE, operator: 'Exists' }, notReadyExec, false],
  ])('%s', (_n, t, taint, expected) => {
    expect(toleratesTaint(t, taint)).toBe(expected);
  });
});

describe('taints: findUntoleratedTaint', () => {
  const prefer: Taint = { key: 'soft', effect: 'PreferNoSchedule' };
  it.each<[string, Taint[] | undefined, Toleration[] | undefined, Taint | undefined]>([
    ['no taints', undefined, undefined, undefined],
    ['untolerated NoSchedule', [dedicated], undefined, dedicated],
    ['tolerated', [dedicated], [{ key: 'dedicated', operator: 'Exists' }], undefined],
    ['PreferNoSchedule filtered out', [prefer], [], undefined],
    [
      'first untolerated returned',
      [dedicated, notReadyExec],
      [{ key: 'dedicated', value: 'db' }],
      notReadyExec,
    ],
  ])('%s', (_n, taints, tols, expected) => {
    expect(findUntoleratedTaint(taints, tols, ['NoSchedule', 'NoExecute'])).toBe(expected);
  });

  it('only looks at the given effects', () => {
    expect(findUntoleratedTaint([dedicated, notReadyExec], [], ['NoExecute'])).toBe(notReadyExec);
    expect(findUntoleratedTaint([prefer], [], ['PreferNoSchedule'])).toBe(prefer);
  });
});

describe('taints: tolerationSecondsFor', () => {
  it.each<[string, Toleration[] | undefined, number | null | 'none']>([
    ['no tolerations', undefined, 'none'],
    ['non-matching', [{ key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute' }], 'none'],
    ['forever', [{ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute' }], null],
    [
      '300 s',
      [{ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      300,
    ],
    ['zero', [{ key: TAINT_NOT_READY, operator: 'Exists', tolerationSeconds: 0 }], 0],
    ['negative counts as 0', [{ key: TAINT_NOT_READY, operator: 'Exists', tolerationSeconds: -5 }], 0],
    [
      'first matching toleration decides (Kubernetes GetMatchingTolerations)',
      [
        { operator: 'Exists' },
        { key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 },
      ],
      null,
    ],
  ])('%s', (_n, tols, expected) => {
    expect(tolerationSecondsFor(tols, notReadyExec)).toBe(expected);
  });

  it('combines several taints: minimum, none wins', () => {
    const tols = addDefaultTolerations([
      { key: TAINT_UNREACHABLE, operator: 'Exists', tolerationSeconds: 60, effect: 'NoExecute' },
    ]);
    expect(tolerationSecondsForTaints(tols, [notReadyExec, unreachableExec])).toBe(60);
    expect(tolerationSecondsForTaints(tols, [notReadyExec, { key: 'x', effect: 'NoExecute' }])).toBe('none');
    expect(tolerationSecondsForTaints([{ operator: 'Exists' }], [notReadyExec, unreachableExec])).toBeNull();
    expect(tolerationSecondsForTaints([], [])).toBeNull();
  });
});

describe('taints: addDefaultTolerations', () => {
  const nr = { key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  const ur = { key: TAINT_UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 };
  it.each<[string, Toleration[] | undefined, Toleration[]]>([
    ['adds both', undefined, [nr, ur]],
    ['keeps existing first', [{ key: 'a', operator: 'Exists' }], [{ key: 'a', operator: 'Exists' }, nr, ur]],
    [
      'existing not-ready kept, unreachable added',
      [{ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }],
      [{ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }, ur],
    ],
    ['wildcard tolerates both', [{ operator: 'Exists' }], [{ operator: 'Exists' }]],
    [
      'NoSchedule-only toleration does not count',
      [{ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoSchedule' }],
      [{ key: TAINT_NOT_READY, operator: 'Exists', effect: 'NoSchedule' }, nr, ur],
    ],
    [
      'empty effect counts',
      [{ key: TAINT_UNREACHABLE, operator: 'Exists' }],
      [{ key: TAINT_UNREACHABLE, operator: 'Exists' }, nr],
    ],
  ])('%s', (_n, input, expected) => {
    const before = JSON.stringify(input);
    expect(addDefaultTolerations(input)).toEqual(expected);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('taints: validateTaint', () => {
  it.each<[Taint, RegExp | null]>([
    [dedicated, null],
    [{ key: 'a', effect: 'NoExecute' }, null],
    [{ key: 'example.com/a', value: '', effect: 'PreferNoSchedule' }, null],
    [{ key: '', effect: 'NoSchedule' }, /^t\.key: Invalid value: "": name part must be non-empty/],
    [{ key: 'a b', effect: 'NoSchedule' }, /^t\.key: /],
    [{ key: 'a', value: '-x', effect: 'NoSchedule' }, /^t\.value: /],
    [{ key: 'a', effect: '' }, /^t\.effect: Required value$/],
    [{ key: 'a', effect: 'Evict' }, /^t\.effect: Unsupported value: "Evict"/],
  ])('%j', (taint, expected) => {
    const got = validateTaint(taint, 't');
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatch(expected);
  });
});

describe('taints: validateToleration', () => {
  it.each<[Toleration, RegExp | null]>([
    [{ key: 'a', value: 'b', effect: 'NoSchedule' }, null],
    [{ operator: 'Exists' }, null],
    [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }, null],
    [{}, /operator must be Exists when `key` is empty/],
    [{ operator: 'Equal', value: 'x' }, /operator must be Exists/],
    [{ key: '-a', operator: 'Exists' }, /^t\.key: /],
    [{ key: 'a', operator: 'Exists', value: 'b' }, /value must be empty when `operator` is 'Exists'/],
    [{ key: 'a', operator: 'Gt', value: '1' }, /Unsupported value: "Gt"/],
    [{ key: 'a', value: 'b c' }, /^t\.value: /],
    [
      { key: 'a', operator: 'Exists', tolerationSeconds: 5 },
      /effect must be 'NoExecute' when `tolerationSeconds` is set/,
    ],
    [{ key: 'a', operator: 'Exists', effect: 'Bad' }, /^t\.effect: Unsupported value/],
  ])('%j', (t, expected) => {
    const got = validateToleration(t, 't');
    if (expected === null) expect(got).toBeNull();
    else expect(got).toMatch(expected);
  });
});
