import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnyMachineSnapshot,
  type AnyStateMachine,
  type EventObject,
  setup,
  transition as xstateTransition,
} from 'xstate';
import { CONTROLLERS } from '../registry.ts';
import { statefulSetMachine } from '../statefulset/machine.ts';
import { pureScope, TransitionCache } from './transitions.ts';

/** Every controller's machine, from the registry: a new controller is checked without a line here. */
const MACHINES: [string, AnyStateMachine][] = CONTROLLERS.map((c) => [c.name, c.machine]);

/** Every event type some state of `machine` accepts, read from its definition. */
function eventTypes(machine: AnyStateMachine): string[] {
  const types = new Set<string>();
  for (const node of Object.values(machine.root.states))
    for (const type of node.transitions.keys()) types.add(type);
  return [...types].sort();
}

/** Each top-level state of `machine` as a snapshot. */
function snapshotIn(machine: AnyStateMachine, state: string): AnyMachineSnapshot {
  return machine.resolveState({ value: state, context: undefined });
}

/** The host's path (base.ts): the pure scope, through the memo. */
function viaScope(
  machine: AnyStateMachine,
  cache: TransitionCache,
  from: AnyMachineSnapshot,
  ev: EventObject,
) {
  let actions: string[] = [];
  const scope = pureScope(machine, (name) => actions.push(name));
  const t = cache.lookup(String(from.value), ev, () => {
    actions = [];
    return { snapshot: machine.transition(from, ev, scope), actions };
  });
  return { state: t.snapshot.value, actions: [...t.actions] };
}

/** xstate's own pure transition(). */
function viaXstate(machine: AnyStateMachine, from: AnyMachineSnapshot, ev: EventObject) {
  const [next, actions] = xstateTransition(machine, from, ev);
  return { state: next.value, actions: actions.map((a) => a.type) };
}

describe('controller machines: the host scope against xstate', () => {
  for (const [name, machine] of MACHINES) {
    const states = Object.keys(machine.root.states);
    const events = eventTypes(machine).map((type) => ({ type }));

    it(`${name}: every state × event gives xstate's next state and actions, memoised or not`, () => {
      const cache = new TransitionCache(machine);
      for (const pass of [1, 2]) {
        for (const state of states) {
          for (const ev of events) {
            const from = snapshotIn(machine, state);
            const want = viaXstate(machine, from, ev);
            expect(
              viaScope(machine, cache, from, ev),
              `${name} pass ${pass}: ${state} on ${ev.type}`,
            ).toEqual(want);
          }
        }
      }
    });

    it(`${name}: walks of accepted moves agree with xstate step by step`, () => {
      const cache = new TransitionCache(machine);
      fc.assert(
        fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 60 }), (picks) => {
          let scoped = machine.getInitialSnapshot(pureScope(machine, () => {}));
          let own = scoped;
          for (const pick of picks) {
            const accepted = events.filter((ev) => own.can(ev));
            const ev = accepted[pick % accepted.length]!;
            const want = viaXstate(machine, own, ev);
            const got = viaScope(machine, cache, scoped, ev);
            expect(got).toEqual(want);
            own = xstateTransition(machine, own, ev)[0];
            scoped = snapshotIn(machine, String(got.state));
          }
        }),
        { numRuns: 200, seed: 7 },
      );
    });

    it(`${name}: no guards, and every phase but idle is entered by one event only`, () => {
      const entering = new Map<string, Set<string>>();
      for (const node of Object.values(machine.root.states)) {
        for (const [type, list] of node.transitions) {
          for (const t of list) {
            expect(t.guard, `${node.key} on ${type}`).toBeUndefined();
            for (const target of t.target ?? []) {
              if (t.actions.length > 0) continue; // an outcome move (e.g. CLAIM_FAILED) has its own event
              entering.set(target.key, (entering.get(target.key) ?? new Set()).add(type));
            }
          }
        }
      }
      for (const [state, types] of entering) expect([...types], state).toHaveLength(1);
    });
  }

  it('a move the machine does not list leaves the state unchanged in xstate (the host refuses it)', () => {
    const idle = snapshotIn(statefulSetMachine, 'pruningHistory');
    expect(idle.can({ type: 'CREATE_POD' })).toBe(false);
    expect(viaXstate(statefulSetMachine, idle, { type: 'CREATE_POD' })).toEqual({
      state: 'pruningHistory',
      actions: [],
    });
  });
});

describe('TransitionCache', () => {
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
    const deep = { type: 'CREATE_POD', pod: { deep: 1 } } as EventObject;
    sts.lookup('idle', deep, compute);
    sts.lookup('idle', deep, compute);
    expect(computed).toBe(4);
  });

  it('tells apart events that differ only in a flat field', () => {
    const cache = new TransitionCache(statefulSetMachine);
    let computed = 0;
    const compute = () => {
      computed++;
      return { snapshot: snapshotIn(statefulSetMachine, 'idle'), actions: [] };
    };
    cache.lookup('idle', { type: 'CREATE_POD', n: 1 } as EventObject, compute);
    cache.lookup('idle', { type: 'CREATE_POD', n: 2 } as EventObject, compute);
    cache.lookup('idle', { type: 'CREATE_POD', n: 1 } as EventObject, compute);
    expect(computed).toBe(2);
  });
});
