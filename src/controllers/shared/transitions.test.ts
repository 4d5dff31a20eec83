import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnyMachineSnapshot, type AnyStateMachine, type EventObject, setup } from 'xstate';
import { daemonSetMachine } from '../daemonset/machine.ts';
import { replicaSetMachine } from '../replicaset/machine.ts';
import { statefulSetMachine } from '../statefulset/machine.ts';
import { pureScope, TransitionCache } from './transitions.ts';

const rsDecisions = ['gone', 'failed', 'wait', 'create', 'delete', 'none'];
const dsPhases = [
  'idle',
  'claimingPods',
  'recordingRevision',
  'waitingForExpectations',
  'placingPods',
  'removingMisscheduledPods',
  'backingOff',
  'rollingNodes',
  'pruningHistory',
  'writingStatus',
];
const stsNext = [
  'gone',
  'none',
  'claim',
  'revision',
  'deleteTerminal',
  'create',
  'createClaims',
  'repair',
  'deleteCondemned',
  'updateDelete',
  'waitReady',
  'waitTermination',
  'status',
];
const bools = [true, false];

/** Every event each controller sends, with every value its fields take. */
const EVENTS: [string, AnyStateMachine, EventObject[]][] = [
  [
    'replicaset',
    replicaSetMachine,
    [
      ...rsDecisions.flatMap((decision) => bools.map((claims) => ({ type: 'SYNC', claims, decision }))),
      ...rsDecisions.map((decision) => ({ type: 'CLAIMED', decision })),
      ...bools.flatMap((more) => bools.map((failed) => ({ type: 'BATCH_DONE', more, failed }))),
      { type: 'DELETES_DONE' },
      { type: 'STATUS_WRITTEN' },
    ],
  ],
  [
    'daemonset',
    daemonSetMachine,
    [
      'SYNC',
      'CLAIMED',
      'REVISION_RECORDED',
      'BATCH_DONE',
      'DELETES_DONE',
      'BACKOFF_SET',
      'NODES_ROLLED',
      'HISTORY_PRUNED',
      'STATUS_WRITTEN',
    ].flatMap((type) => dsPhases.map((next) => ({ type, next }))),
  ],
  [
    'statefulset',
    statefulSetMachine,
    [
      ...['SYNC', 'CLAIMED', 'REVISION_READY', 'DONE'].flatMap((type) =>
        stsNext.map((next) => ({ type, next })),
      ),
      ...bools.map((prune) => ({ type: 'STATUS_WRITTEN', prune })),
      { type: 'PRUNED' },
    ],
  ],
];

/** Runs `events` from the initial state, through the memo or straight through xstate. */
function walk(machine: AnyStateMachine, events: EventObject[], cache?: TransitionCache) {
  let actions: string[] = [];
  const scope = pureScope(machine, (name) => actions.push(name));
  let snapshot: AnyMachineSnapshot = machine.getInitialSnapshot(scope);
  const seen: { state: unknown; actions: readonly string[] }[] = [];
  for (const ev of events) {
    const compute = () => {
      actions = [];
      const next = machine.transition(snapshot, ev, scope);
      return { snapshot: next, actions };
    };
    const t = cache ? cache.lookup(JSON.stringify(snapshot.value), ev, compute) : compute();
    snapshot = t.snapshot;
    seen.push({ state: snapshot.value, actions: [...t.actions] });
  }
  return seen;
}

describe('TransitionCache', () => {
  for (const [name, machine, events] of EVENTS) {
    it(`${name}: memoised transitions equal xstate's own, event after event`, () => {
      const cache = new TransitionCache(machine);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...events), { minLength: 1, maxLength: 60 }), (seq) => {
          expect(walk(machine, seq, cache)).toEqual(walk(machine, seq));
        }),
        { numRuns: 300, seed: 7 },
      );
    });
  }

  it('tells apart events that differ only in a field', () => {
    const cache = new TransitionCache(statefulSetMachine);
    const sync = (next: string): EventObject => ({ type: 'SYNC', next }) as EventObject;
    const a = walk(statefulSetMachine, [sync('create')], cache);
    const b = walk(statefulSetMachine, [sync('none')], cache);
    expect(a[0]!.state).toBe('creatingPod');
    expect(b[0]!.state).toBe('idle');
  });

  it('does not memoise events with object fields, nor machines with context', () => {
    const counter = setup({
      types: { context: {} as { n: number }, events: {} as { type: 'TICK'; by: { n: number } } },
    }).createMachine({ context: { n: 0 }, initial: 'on', states: { on: { on: { TICK: 'on' } } } });
    let computed = 0;
    const compute = () => {
      computed++;
      return { snapshot: counter.getInitialSnapshot(pureScope(counter, () => {})), actions: [] };
    };
    const withContext = new TransitionCache(counter);
    withContext.lookup('on', { type: 'TICK' }, compute);
    withContext.lookup('on', { type: 'TICK' }, compute);
    expect(computed).toBe(2);
    const sts = new TransitionCache(statefulSetMachine);
    const deep: EventObject & { next: object } = { type: 'SYNC', next: { deep: 1 } };
    sts.lookup('idle', deep, compute);
    sts.lookup('idle', deep, compute);
    expect(computed).toBe(4);
  });
});
