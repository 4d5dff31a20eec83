import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPodActive } from '../../model/pod.ts';
import type { KObject, NewObject, Pod } from '../../model/types.ts';
import { TraceRecorder } from '../../trace/recorder.ts';
import { SimClock } from '../clock.ts';
import { rngFor } from '../prng.ts';
import { ApiStore } from './store.ts';

const OWNERS = ['rs-a', 'rs-b'];
/** Owners named only without `controller` (a pod's dependents are more than its controller's pods). */
const ALSO = [...OWNERS, 'cm-c'];
const ref = (uid: string, controller = true) => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: uid,
  uid,
  controller,
});

type Op =
  | { op: 'create'; pod: number; owner?: string; also?: string; bound: boolean }
  | { op: 'phase'; pod: number; phase: 'Running' | 'Failed' | 'Succeeded' }
  | { op: 'delete'; pod: number }
  | { op: 'owner'; pod: number; owner?: string; also?: string }
  | { op: 'bind'; pod: number; node: string };

const podNo = fc.integer({ min: 0, max: 5 });
const owner = fc.option(fc.constantFrom(...OWNERS), { nil: undefined });
const also = fc.option(fc.constantFrom(...ALSO), { nil: undefined });
const ops: fc.Arbitrary<Op[]> = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('create' as const), pod: podNo, owner, also, bound: fc.boolean() }),
    fc.record({
      op: fc.constant('phase' as const),
      pod: podNo,
      phase: fc.constantFrom('Running', 'Failed', 'Succeeded'),
    }),
    fc.record({ op: fc.constant('delete' as const), pod: podNo }),
    fc.record({ op: fc.constant('owner' as const), pod: podNo, owner, also }),
    fc.record({ op: fc.constant('bind' as const), pod: podNo, node: fc.constantFrom('n1', 'n2') }),
  ),
  { maxLength: 40 },
);

/** The controller reference, then one that is not a controller's. */
function refsOf(o: { owner?: string; also?: string }) {
  return [...(o.owner ? [ref(o.owner)] : []), ...(o.also ? [ref(o.also, false)] : [])];
}

function apply(store: ApiStore, o: Op): void {
  const key = `default/p${o.pod}`;
  if (o.op === 'create') {
    const pod: NewObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `p${o.pod}`, ...(o.owner || o.also ? { ownerReferences: refsOf(o) } : {}) },
      spec: { containers: [{ name: 'app' }], ...(o.bound ? { nodeName: 'n1' } : {}) },
    };
    store.create('test', pod);
  } else if (o.op === 'phase') {
    store.patch('test', 'Pod', key, (p: KObject) => ({ ...p, status: { ...p.status, phase: o.phase } }), {
      status: true,
    });
  } else if (o.op === 'delete') {
    store.delete('test', 'Pod', key);
  } else if (o.op === 'bind') {
    store.patch('test', 'Pod', key, (p: KObject) => ({ ...p, spec: { ...p.spec, nodeName: o.node } }));
  } else {
    const ownerReferences = refsOf(o);
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

  it('keeps the uid, owner, node and controller indexes equal to a full scan, through any writes (status writes change no key)', () => {
    fc.assert(
      fc.property(ops, (seq) => {
        const store = new ApiStore(new SimClock(), new TraceRecorder(false), rngFor(1, 'u'), rngFor(1, 'n'));
        for (const o of seq) {
          apply(store, o);
          expect(snapshot(store.index)).toEqual(scanned(store.list('Pod')));
        }
      }),
      { numRuns: 300, seed: 12 },
    );
  });
});

type IndexView = Record<'byUid' | 'dependents' | 'podsByNode' | 'podsByController', Record<string, string[]>>;

function snapshot(index: ApiStore['index']): IndexView {
  const sets = (m: ReadonlyMap<string, ReadonlySet<string>>) =>
    Object.fromEntries([...m].map(([k, v]) => [k, [...v].sort()]).sort());
  return {
    byUid: Object.fromEntries([...index.byUid].map(([uid, o]) => [uid, [o.metadata.name]]).sort()),
    dependents: Object.fromEntries(
      ALSO.map((uid) => [uid, index.dependentsOf(uid)] as const).filter(([, keys]) => keys.length > 0),
    ),
    podsByNode: sets(index.podsByNode),
    podsByController: sets(index.podsByController),
  };
}

/** The same indexes recomputed from the stored pods (keys as the store's: `default/<name>`). */
function scanned(pods: readonly KObject[]): IndexView {
  const view: IndexView = { byUid: {}, dependents: {}, podsByNode: {}, podsByController: {} };
  // A set per key, as the index keeps: a pod naming one owner twice is one dependent.
  const add = (m: Record<string, string[]>, k: string, v: string) => {
    m[k] = [...new Set([...(m[k] ?? []), v])].sort();
  };
  for (const p of pods) {
    const key = `default/${p.metadata.name}`;
    view.byUid[p.metadata.uid] = [p.metadata.name];
    for (const r of p.metadata.ownerReferences ?? []) add(view.dependents, r.uid, `Pod|${key}`);
    const node = p.spec?.nodeName as string | undefined;
    if (node) add(view.podsByNode, node, key);
    const c = p.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    if (c) add(view.podsByController, c, key);
  }
  const sorted = (m: Record<string, string[]>) => Object.fromEntries(Object.entries(m).sort());
  return {
    byUid: sorted(view.byUid),
    dependents: sorted(view.dependents),
    podsByNode: sorted(view.podsByNode),
    podsByController: sorted(view.podsByController),
  };
}
