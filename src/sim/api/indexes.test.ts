import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPodActive } from '../../model/pod.ts';
import type { KObject, NewObject, Pod } from '../../model/types.ts';
import { TraceRecorder } from '../../trace/recorder.ts';
import { SimClock } from '../clock.ts';
import { rngFor } from '../prng.ts';
import { ApiStore } from './store.ts';

const OWNERS = ['rs-a', 'rs-b'];
const ref = (uid: string) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: uid,
  uid,
  controller: true,
});

type Op =
  | { op: 'create'; pod: number; owner?: string; bound: boolean }
  | { op: 'phase'; pod: number; phase: 'Running' | 'Failed' | 'Succeeded' }
  | { op: 'delete'; pod: number }
  | { op: 'owner'; pod: number; owner?: string };

const podNo = fc.integer({ min: 0, max: 5 });
const owner = fc.option(fc.constantFrom(...OWNERS), { nil: undefined });
const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('create' as const), pod: podNo, owner, bound: fc.boolean() }),
    fc.record({
      op: fc.constant('phase' as const),
      pod: podNo,
      phase: fc.constantFrom('Running', 'Failed', 'Succeeded'),
    }),
    fc.record({ op: fc.constant('delete' as const), pod: podNo }),
    fc.record({ op: fc.constant('owner' as const), pod: podNo, owner }),
  ),
  { maxLength: 40 },
);

function apply(store: ApiStore, o: Op): void {
  const key = `default/p${o.pod}`;
  if (o.op === 'create') {
    const pod: NewObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p${o.pod}`, ...(o.owner ? { ownerReferences: [ref(o.owner)] } : {}) },
      spec: { containers: [{ name: 'app' }], ...(o.bound ? { nodeName: 'n1' } : {}) },
    };
    store.create('test', pod);
  } else if (o.op === 'phase') {
    store.patch('test', 'Pod', key, (p: KObject) => ({ ...p, status: { ...p.status, phase: o.phase } }), {
      status: true,
    });
  } else if (o.op === 'delete') {
    store.delete('test', 'Pod', key);
  } else {
    const ownerReferences = o.owner ? [ref(o.owner)] : [];
    store.patch('test', 'Pod', key, (p: KObject) => ({ ...p, metadata: { ...p.metadata, ownerReferences } }));
  }
}

describe('StoreIndexes', () => {
  it('counts active pods per controller exactly as a full scan does, through any writes', () => {
    fc.assert(
      fc.property(ops, (seq) => {
        const store = new ApiStore(new SimClock(), new TraceRecorder(false), rngFor(1, 'u'), rngFor(1, 'n'));
        for (const o of seq) {
          apply(store, o);
          for (const uid of OWNERS) {
            const scan = store
              .list('Pod')
              .filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller))
              .filter((p) => isPodActive(p as Pod)).length;
            expect(store.index.activeControlled(uid)).toBe(scan);
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
