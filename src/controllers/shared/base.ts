/**
 * The host every controller runs in. It owns what survives a process restart (the informer and its
 * cache) and what does not (work queue, expectations, the machine's state). Informer events go to the
 * controller's handlers; one worker takes keys from the queue while the machine is idle; the
 * machine's actions issue API calls that land after a simulated latency and report back as events.
 * Every transition of the machine is recorded for the trace and the reports' coverage figures.
 */
import type { AnyMachineSnapshot, AnyStateMachine, EventObject } from 'xstate';
import type { Kind } from '../../model/types.ts';
import type { WatchEvent } from '../../sim/api/types.ts';
import type { Informer } from '../../sim/informer.ts';
import type { Rng } from '../../sim/prng.ts';
import type { Restartable, World } from '../../sim/world.ts';
import { type Decision, transition } from '../../trace/messages.ts';
import type { MachineVisit } from '../types.ts';
import { type AnyScope, pureScope, type Transition, transitionCacheOf } from './transitions.ts';
import { WorkQueue } from './workqueue.ts';

const RESTART_DOWNTIME_MS = 2_000;
/** Simulated processing time per cached object a sync walks (2 µs: 10,000 objects cost 20 ms). */
const CPU_MS_PER_CACHED_OBJECT = 0.002;

export abstract class ControllerBase<E extends EventObject & { type: string }> implements Restartable {
  readonly informer: Informer;
  readonly actorName: string;
  /** The worker's timer label, built once (a worker wakes for every sync). */
  private readonly pumpLabel: string;
  protected queue!: WorkQueue;
  /** The machine's current snapshot; transitions are computed purely and the host runs the actions. */
  private snapshot!: AnyMachineSnapshot;
  private readonly scope: AnyScope;
  private pendingActions: string[] = [];
  private readonly transitions: ReturnType<typeof transitionCacheOf>;
  private incarnation = 0;
  private up = false;
  private pumpArmed = false;
  private state = 'idle';
  /** The actions, built once: they reach the current incarnation's state through `this`. */
  private impl: Record<string, () => void> | undefined;
  /** The world's `api/<name>` stream (streams are per name: the same one every call). */
  private apiRng: Rng | undefined;
  /** Processing time of the current sync, charged to its first API call. */
  private cpuMs = 0;
  /**
   * Whether the trace records lines at all. A lean run (no kept events, no digest) records none, so
   * a sync need not describe its decision: what a sync does never depends on its description.
   */
  protected readonly tracing: boolean;
  /** The object the current sync is about, `<kind>/<name>` (trace lines name it for reports). */
  protected syncing: string | undefined;
  readonly visits = new Map<string, MachineVisit>();
  private readonly visitOf = new WeakMap<Transition, MachineVisit>();

  constructor(
    protected readonly world: World,
    readonly name: string,
    kinds: Kind[],
    private readonly machine: AnyStateMachine,
  ) {
    this.actorName = `${name}-controller`;
    this.pumpLabel = `${this.actorName}: worker picks next key`;
    this.tracing = world.trace.recording;
    this.transitions = transitionCacheOf(machine);
    // One scope for every incarnation: it only hands the actions over, and holds no state.
    this.scope = pureScope(machine, (name) => this.pendingActions.push(name));
    this.informer = world.newInformer(name, kinds);
    this.informer.setHandler((ev) => {
      if (this.up) this.onEvent(ev);
    });
  }

  /** Starts the first incarnation (called by the runner once the world is built). */
  start(): void {
    this.boot();
  }

  /** In-memory state of a fresh process (expectations, back-off maps...). */
  protected abstract resetState(): void;
  /** Informer event handler: enqueue keys, observe expectations. */
  protected abstract onEvent(ev: WatchEvent): void;
  /** Keys to enqueue at start (every object of the managed kind). */
  protected abstract allKeys(): string[];
  /** One sync of a key begins: compute the plan and send the machine its first event. */
  protected abstract sync(key: string): void;
  /**
   * Implementations of the machine's named actions (asked once per controller: they must read the
   * sync's state through `this` when they run, not capture it).
   */
  protected abstract actions(): Record<string, () => void>;
  /** Restart semantics, overridable by mutants: a consistent relist (the Kubernetes ≥1.31 behaviour). */
  protected relistOnRestart(): void {
    this.informer.relist((kind) => this.world.store.list(kind));
  }

  restart(): void {
    if (!this.up) return;
    this.up = false;
    this.queue.shutDown();
    this.incarnation++;
    this.world.note('controller', this.actorName, { code: 'controller.restarted', params: {} });
    this.world.clock.after(RESTART_DOWNTIME_MS, `${this.actorName}: process starts`, () => {
      this.relistOnRestart();
      this.boot();
    });
  }

  private boot(): void {
    this.incarnation++;
    this.queue = new WorkQueue(this.world.clock, this.actorName);
    this.resetState();
    this.impl ??= this.actions();
    // Machines are pure, the host owns effects and time: xstate computes each transition and hands
    // back the named actions, which the host runs (as API calls on the simulated clock).
    this.pendingActions = [];
    const start = this.transitions.initial(() => {
      const snapshot = this.machine.getInitialSnapshot(this.scope);
      const actions = this.pendingActions;
      this.pendingActions = [];
      return { snapshot, actions };
    });
    this.snapshot = start.snapshot;
    this.state = stateName(this.snapshot.value);
    this.runActions(start.actions);
    this.up = true;
    this.queue.setOnAdd(() => this.pump());
    for (const key of this.allKeys()) this.queue.add(key);
  }

  /** Runs the actions a transition returned, in order; an action may send the next event itself. */
  private runActions(names: readonly string[]): void {
    for (const name of names) this.impl?.[name]?.();
  }

  /** The transition from the current state on `ev`: xstate's, computed once per distinct event. */
  private transition(ev: E): Transition {
    return this.transitions.lookup(this.state, ev, () => {
      // The machine lists the moves a sync may make (shared/phases.ts): any other is a host bug,
      // refused here rather than ignored (an ignored event would leave the worker stalled).
      if (!this.snapshot.can(ev))
        throw new Error(`${this.actorName}: its machine has no move from ${this.state} on ${ev.type}`);
      this.pendingActions = [];
      const snapshot = this.machine.transition(this.snapshot, ev, this.scope);
      const actions = this.pendingActions;
      this.pendingActions = [];
      return { snapshot, actions };
    });
  }

  /** Sends an event to the machine, records the transition it took (with the sync's decision), then runs its actions. */
  protected send(ev: E, decision?: Decision): void {
    const from = this.state;
    const t = this.transition(ev);
    this.snapshot = t.snapshot;
    const to = this.visit(t, from, ev.type).to;
    this.state = to;
    if (this.tracing && (from !== to || decision)) {
      const message = transition(from, to, ev.type, decision);
      this.world.note('controller', this.actorName, message, this.syncing ? [this.syncing] : undefined);
    }
    this.runActions(t.actions);
    if (this.state === 'idle') this.pump();
  }

  /**
   * Counts the transition for the coverage figures and returns its entry, which names the state it
   * leads to (memoised transitions find their entry at once).
   */
  private visit(t: Transition, from: string, event: string): MachineVisit {
    let v = this.visitOf.get(t);
    if (!v) {
      const to = stateName(t.snapshot.value);
      const id = `${from}|${event}|${to}`;
      v = this.visits.get(id);
      if (!v) {
        v = { controller: this.name, from, event, to, count: 0 };
        this.visits.set(id, v);
      }
      this.visitOf.set(t, v);
    }
    v.count++;
    return v;
  }

  /** The worker: when the machine is idle and a key is queued, sync it in a step of its own. */
  protected pump(): void {
    if (!this.up || this.pumpArmed || this.state !== 'idle' || this.queue.length === 0) return;
    this.pumpArmed = true;
    const incarnation = this.incarnation;
    this.world.clock.after(0, this.pumpLabel, () => {
      this.pumpArmed = false;
      if (incarnation !== this.incarnation || this.state !== 'idle') return;
      const key = this.queue.pop();
      if (key === undefined) return;
      // A sync walks the controller's cache: it keeps the worker busy for time that grows with the
      // cluster, so events that arrive meanwhile are merged into the next sync, as on a real cluster.
      this.cpuMs = Math.floor(this.syncCost(key) * CPU_MS_PER_CACHED_OBJECT);
      this.sync(key);
    });
  }

  /**
   * How many cached objects a sync of `key` walks (its simulated processing time). By default the
   * whole cache, as a DaemonSet sync lists every node; controllers that list through an index say so.
   */
  protected syncCost(_key: string): number {
    return this.informer.size;
  }

  /** Runs `fn` after one API round trip, unless the process restarted meanwhile. */
  protected afterApi(label: string, fn: () => void): void {
    const incarnation = this.incarnation;
    const [lo, hi] = this.world.sim.apiLatencyMs;
    this.apiRng ??= this.world.streams.stream(`api/${this.name}`);
    const delay = this.apiRng.between(lo, hi) + this.cpuMs;
    this.cpuMs = 0;
    this.world.clock.after(delay, `${this.actorName}: ${label}`, () => {
      if (incarnation === this.incarnation) fn();
    });
  }

  get now(): number {
    return this.world.now;
  }
}

function stateName(value: unknown): string {
  if (typeof value === 'string') return value;
  // Nested states print as parent.child.
  const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? ['?', ''];
  return `${k}.${stateName(v)}`;
}
