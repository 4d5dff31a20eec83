import type { Node, NodeSelector, NodeSelectorRequirement, PodSpec } from 'kubernetes-types/core/v1.js';
import { describe, expect, it } from 'vitest';
import {
  nodeMatchesNodeSelectorTerms,
  nodeSelectorRequirementMatches,
  podMatchesNodeSelectorAndAffinity,
  targetNodeNameOf,
  withNodeNameAffinity,
} from './affinity.ts';

const node = (name: string, labels: Record<string, string> = {}): Node => ({ metadata: { name, labels } });
const req = (key: string, operator: string, values?: string[]): NodeSelectorRequirement => ({
  key,
  operator,
  values,
});
const spec = (extra: Partial<PodSpec> = {}): PodSpec => ({ containers: [{ name: 'c' }], ...extra });
const required = (sel: NodeSelector): Partial<PodSpec> => ({
  affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: sel } },
});

describe('affinity: nodeSelectorRequirementMatches', () => {
  const labels = { zone: 'a', cpus: '8', odd: 'x8' };
  it.each<[string, NodeSelectorRequirement, boolean]>([
    ['In hit', req('zone', 'In', ['a', 'b']), true],
    ['In miss', req('zone', 'In', ['c']), false],
    ['In missing key', req('gpu', 'In', ['yes']), false],
    ['In no values', req('zone', 'In', []), false],
    ['NotIn hit', req('zone', 'NotIn', ['a']), false],
    ['NotIn other', req('zone', 'NotIn', ['b']), true],
    ['NotIn missing key', req('gpu', 'NotIn', ['yes']), true],
    ['Exists', req('zone', 'Exists'), true],
    ['Exists missing', req('gpu', 'Exists'), false],
    ['Exists with values invalid', req('zone', 'Exists', ['a']), false],
    ['DoesNotExist', req('gpu', 'DoesNotExist'), true],
    ['DoesNotExist present', req('zone', 'DoesNotExist'), false],
    ['Gt true', req('cpus', 'Gt', ['4']), true],
    ['Gt equal false', req('cpus', 'Gt', ['8']), false],
    ['Lt true', req('cpus', 'Lt', ['16']), true],
    ['Lt equal false', req('cpus', 'Lt', ['8']), false],
    ['Gt negative bound', req('cpus', 'Gt', ['-1']), true],
    ['Gt non-integer label', req('odd', 'Gt', ['1']), false],
    ['Gt missing label', req('gpu', 'Gt', ['1']), false],
    ['Gt non-integer bound', req('cpus', 'Gt', ['1.5']), false],
    ['Gt two values', req('cpus', 'Gt', ['1', '2']), false],
    ['unknown operator', req('zone', 'Equals', ['a']), false],
  ])('%s', (_n, r, expected) => {
    expect(nodeSelectorRequirementMatches(r, labels)).toBe(expected);
  });
});

describe('affinity: nodeMatchesNodeSelectorTerms', () => {
  const n = node('node-a', { zone: 'a', disk: 'ssd' });
  it.each<[string, NodeSelector | undefined, boolean]>([
    ['undefined means no requirement', undefined, true],
    ['no terms matches nothing', { nodeSelectorTerms: [] }, false],
    ['empty term matches nothing', { nodeSelectorTerms: [{}] }, false],
    ['empty arrays match nothing', { nodeSelectorTerms: [{ matchExpressions: [], matchFields: [] }] }, false],
    ['label term', { nodeSelectorTerms: [{ matchExpressions: [req('zone', 'In', ['a'])] }] }, true],
    [
      'AND within term',
      { nodeSelectorTerms: [{ matchExpressions: [req('zone', 'In', ['a']), req('disk', 'In', ['hdd'])] }] },
      false,
    ],
    [
      'OR across terms',
      {
        nodeSelectorTerms: [
          { matchExpressions: [req('zone', 'In', ['b'])] },
          { matchFields: [req('metadata.name', 'In', ['node-a'])] },
        ],
      },
      true,
    ],
    ['field In', { nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'In', ['node-a'])] }] }, true],
    [
      'field In other',
      { nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'In', ['node-b'])] }] },
      false,
    ],
    [
      'field NotIn',
      { nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'NotIn', ['node-b'])] }] },
      true,
    ],
    [
      'field unknown key',
      { nodeSelectorTerms: [{ matchFields: [req('metadata.uid', 'In', ['node-a'])] }] },
      false,
    ],
    [
      'field Exists invalid',
      { nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'Exists')] }] },
      false,
    ],
    [
      'fields AND labels',
      {
        nodeSelectorTerms: [
          {
            matchFields: [req('metadata.name', 'In', ['node-a'])],
            matchExpressions: [req('zone', 'In', ['b'])],
          },
        ],
      },
      false,
    ],
  ])('%s', (_n, sel, expected) => {
    expect(nodeMatchesNodeSelectorTerms(n, sel)).toBe(expected);
  });
});

describe('affinity: podMatchesNodeSelectorAndAffinity', () => {
  const n = node('node-a', { zone: 'a' });
  it.each<[string, PodSpec, boolean]>([
    ['nothing required', spec(), true],
    ['nodeSelector hit', spec({ nodeSelector: { zone: 'a' } }), true],
    ['nodeSelector miss', spec({ nodeSelector: { zone: 'b' } }), false],
    ['nodeSelector missing label', spec({ nodeSelector: { gpu: 'yes' } }), false],
    [
      'affinity miss',
      spec(required({ nodeSelectorTerms: [{ matchExpressions: [req('zone', 'In', ['b'])] }] })),
      false,
    ],
    [
      'both must hold',
      spec({
        nodeSelector: { zone: 'a' },
        ...required({ nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'In', ['node-b'])] }] }),
      }),
      false,
    ],
    [
      'preferred only ignored',
      spec({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [] } } }),
      true,
    ],
  ])('%s', (_n, s, expected) => {
    expect(podMatchesNodeSelectorAndAffinity(s, n)).toBe(expected);
  });
});

describe('affinity: targetNodeNameOf', () => {
  it.each<[string, PodSpec, string | undefined]>([
    [
      'nodeName wins',
      spec({
        nodeName: 'n1',
        ...required({ nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'In', ['n2'])] }] }),
      }),
      'n1',
    ],
    [
      'matchFields term',
      spec(required({ nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'In', ['n2'])] }] })),
      'n2',
    ],
    [
      'second term',
      spec(
        required({
          nodeSelectorTerms: [
            { matchExpressions: [req('a', 'Exists')] },
            { matchFields: [req('metadata.name', 'In', ['n3'])] },
          ],
        }),
      ),
      'n3',
    ],
    [
      'two values',
      spec(required({ nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'In', ['a', 'b'])] }] })),
      undefined,
    ],
    [
      'NotIn ignored',
      spec(required({ nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'NotIn', ['a'])] }] })),
      undefined,
    ],
    ['nothing', spec(), undefined],
  ])('%s', (_n, s, expected) => {
    expect(targetNodeNameOf(s)).toBe(expected);
  });
});

describe('affinity: withNodeNameAffinity', () => {
  const pin = { nodeSelectorTerms: [{ matchFields: [req('metadata.name', 'In', ['node-a'])] }] };
  it('adds the term when there is no affinity', () => {
    const s = spec();
    const out = withNodeNameAffinity(s, 'node-a');
    expect(out.affinity).toEqual({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pin } });
    expect(s.affinity).toBeUndefined();
    expect(targetNodeNameOf(out)).toBe('node-a');
  });

  it('replaces existing required terms and keeps preferred and pod affinity', () => {
    const preferred = [{ weight: 1, preference: { matchExpressions: [req('zone', 'In', ['a'])] } }];
    const s = spec({
      affinity: {
        podAntiAffinity: {},
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: preferred,
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [req('zone', 'In', ['b'])] }],
          },
        },
      },
    });
    const before = JSON.stringify(s);
    const out = withNodeNameAffinity(s, 'node-a');
    expect(out.affinity).toEqual({
      podAntiAffinity: {},
      nodeAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: preferred,
        requiredDuringSchedulingIgnoredDuringExecution: pin,
      },
    });
    expect(JSON.stringify(s)).toBe(before);
    expect(podMatchesNodeSelectorAndAffinity(out, node('node-a', { zone: 'a' }))).toBe(true);
    expect(podMatchesNodeSelectorAndAffinity(out, node('node-b', { zone: 'b' }))).toBe(false);
  });
});
