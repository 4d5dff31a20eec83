import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalLine } from './canonical.ts';

/** The definition the fast path must match: sorted keys, each value as JSON. */
function reference(params: Record<string, string | number | boolean>): string {
  return Object.keys(params)
    .sort()
    .map((k) => ` ${k}=${JSON.stringify(params[k])}`)
    .join('');
}

describe('canonicalLine', () => {
  it('is the sorted keys with JSON values, whatever the key order, strings or shape cache', () => {
    const value = fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.double(), fc.boolean());
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), value), (params) => {
        const p = params as Record<string, string | number | boolean>;
        const head = '1 2 info runner x.y';
        expect(canonicalLine(1, 2, 'info', 'runner', 'x.y', p)).toBe(head + reference(p));
        const reversed = Object.fromEntries(Object.entries(p).reverse());
        expect(canonicalLine(1, 2, 'info', 'runner', 'x.y', reversed)).toBe(head + reference(p));
      }),
    );
  });

  it('keeps nested shapes apart: a fault effect or decision with other keys is not read with cached keys', () => {
    const a = canonicalLine(0, 0, 'fault', 'user', 'fault.applied', {
      command: 'c',
      effect: 'pod.crashed',
      pod: 'p',
    });
    const b = canonicalLine(0, 0, 'fault', 'user', 'fault.applied', {
      command: 'c',
      effect: 'node.joined',
      node: 'n',
    });
    expect(a).toBe('0 0 fault user fault.applied command="c" effect="pod.crashed" pod="p"');
    expect(b).toBe('0 0 fault user fault.applied command="c" effect="node.joined" node="n"');
  });
});
