/**
 * A memo of a machine's pure transitions. Our controller machines keep no context and hold no
 * guards (shared/phases.ts), so the transition xstate computes from a state on an event is a
 * function of (state, event type, and any flat event fields): computed once by xstate, then looked
 * up; transitions.test.ts checks it against xstate's own transition() for every state × event. The
 * transition computation was ~15 % of a small run; a lookup is a string key and a map hit.
 * Any event with a non-primitive field, or a machine with context, goes to xstate every time.
 */
import {
  type ActorScope,
  type AnyMachineSnapshot,
  type AnyStateMachine,
  createActor,
  type EventObject,
} from 'xstate';

/** What one transition produced: the next snapshot and the named actions to run, in order. */
export interface Transition {
  snapshot: AnyMachineSnapshot;
  actions: readonly string[];
}

const CACHES = new WeakMap<AnyStateMachine, TransitionCache>();

/** The one cache of `machine`, shared by every controller and incarnation that runs it. */
export function transitionCacheOf(machine: AnyStateMachine): TransitionCache {
  let c = CACHES.get(machine);
  if (!c) {
    c = new TransitionCache(machine);
    CACHES.set(machine, c);
  }
  return c;
}

export class TransitionCache {
  private readonly memo = new Map<string, Transition>();
  /**
   * Events that carry only their type (nearly all) by state, then type: two lookups of strings the
   * machine defines, instead of building and hashing a new key string per event.
   */
  private readonly byState = new Map<string, Map<string, Transition>>();
  private readonly enabled: boolean;
  private start: Transition | undefined;

  constructor(machine: AnyStateMachine) {
    this.enabled = machine.config.context === undefined;
  }

  /**
   * The machine's initial snapshot and entry actions: remembered like a transition (every
   * controller incarnation of every run starts from it; xstate's getInitialSnapshot was ~1 % of a
   * standard Deployment run).
   */
  initial(compute: () => Transition): Transition {
    if (!this.enabled) return compute();
    this.start ??= compute();
    return this.start;
  }

  /** The memo key of `ev` taken from `state`, or undefined when the event cannot be memoised. */
  private key(state: string, ev: EventObject): string | undefined {
    if (!this.enabled) return undefined;
    let key = `${state}\u0000${ev.type}`;
    const fields = ev as unknown as Record<string, unknown>;
    // Field order only changes the key, never what it stands for (names are part of it).
    for (const name of Object.keys(fields)) {
      if (name === 'type') continue;
      const v = fields[name];
      const t = typeof v;
      if (v !== undefined && t !== 'string' && t !== 'boolean' && t !== 'number') return undefined;
      key += `\u0000${name}=${String(v)}`;
    }
    return key;
  }

  /** The transition from `state` on `ev`: remembered, or `compute()`d and remembered when it can be. */
  lookup(state: string, ev: EventObject, compute: () => Transition): Transition {
    if (this.enabled && onlyType(ev)) {
      let byType = this.byState.get(state);
      if (!byType) {
        byType = new Map();
        this.byState.set(state, byType);
      }
      let t = byType.get(ev.type);
      if (!t) {
        t = compute();
        byType.set(ev.type, t);
      }
      return t;
    }
    const key = this.key(state, ev);
    if (key === undefined) return compute();
    let t = this.memo.get(key);
    if (!t) {
      t = compute();
      this.memo.set(key, t);
    }
    return t;
  }
}

/** Whether `ev` has no field but its type (any other goes the general way). */
function onlyType(ev: EventObject): boolean {
  for (const name in ev) if (name !== 'type') return false;
  return true;
}

// biome-ignore lint/suspicious/noExplicitAny: one inert actor per machine, of any machine.
const SELVES = new WeakMap<AnyStateMachine, any>();

/**
 * An actor scope in which transitions are pure: nothing is spawned or scheduled, and every action
 * is handed to `onAction` by name (xstate's own `transition()` builds such a scope per call, which
 * costs ~13 µs; one scope per controller incarnation costs nothing per event).
 */
export function pureScope(machine: AnyStateMachine, onAction: (name: string) => void): AnyScope {
  let self = SELVES.get(machine);
  if (!self) {
    self = createActor(machine);
    SELVES.set(machine, self);
  }
  return {
    self,
    system: self.system,
    id: '',
    sessionId: '',
    defer: () => {},
    logger: () => {},
    stopChild: () => {},
    emit: () => {},
    actionExecutor: (action: { type: string }) => onAction(action.type),
  } as unknown as AnyScope;
}

// biome-ignore lint/suspicious/noExplicitAny: a scope for any machine.
export type AnyScope = ActorScope<any, any>;
