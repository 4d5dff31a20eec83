/**
 * Runs an operator written against @kubernetes/client-node in the simulated world: its start()
 * runs once when the run begins; its informers are kubeprop informers (one per kind, lagging) and
 * its API calls land after a simulated round trip. A restart of the operator (restart-controller)
 * is not modelled: the adapter has no way to stop and start the user's process.
 */
import type { MachineVisit, RunningController } from '../controllers/types.ts';
import type { Kind, KObject, NewObject } from '../model/types.ts';
import type { WatchType, WriteCause } from '../sim/api/types.ts';
import type { Informer } from '../sim/informer.ts';
import type { World } from '../sim/world.ts';
import { createCause } from '../userController/client.ts';
import { withHost } from './api.ts';

const RESTART_DOWNTIME_MS = 2_000;

type Listener = (type: WatchType, obj: KObject) => void;

export class OperatorHost implements RunningController {
  readonly informer: Informer;
  readonly visits: ReadonlyMap<string, MachineVisit> = new Map();
  private readonly informers = new Map<Kind, { informer: Informer; listeners: Listener[] }>();
  dirty = false;
  fatal: string | undefined;
  private incarnation = 0;
  private up = false;

  constructor(
    readonly world: World,
    readonly name: string,
    readonly actor: string,
    kind: Kind,
    private readonly run: () => unknown,
  ) {
    this.informer = this.entry(kind).informer;
  }

  start(): void {
    this.up = true;
    const out = withHost(this, this.run);
    if (out instanceof Promise)
      out.catch((e: unknown) => {
        this.fatal = `${this.actor}: its start failed: ${e instanceof Error ? e.message : String(e)}`;
      });
    this.dirty = true;
  }

  restart(): void {
    if (!this.up) return;
    this.up = false;
    this.incarnation++;
    for (const e of this.informers.values()) e.listeners.length = 0;
    this.world.note('controller', this.actor, { code: 'controller.restarted', params: {} });
    this.world.clock.after(RESTART_DOWNTIME_MS, `${this.actor}: process starts`, () => {
      for (const e of this.informers.values()) e.informer.relist((kind) => this.world.store.list(kind));
      this.start();
    });
  }

  /** The kind's informer, shared by the operator's informers of that kind; `listener` hears its events. */
  informerFor(kind: Kind, listener: Listener): Informer {
    const e = this.entry(kind);
    e.listeners.push(listener);
    return e.informer;
  }

  private entry(kind: Kind) {
    let e = this.informers.get(kind);
    if (!e) {
      const informer = this.world.newInformer(`${this.name}/${kind}`, [kind]);
      const listeners: Listener[] = [];
      informer.setHandler((ev) => {
        if (!this.up) return;
        this.dirty = true;
        for (const l of [...listeners]) l(ev.type, ev.object);
      });
      e = { informer, listeners };
      this.informers.set(kind, e);
    }
    return e;
  }

  createCause(input: NewObject): WriteCause | undefined {
    return createCause((kind, key) => this.informers.get(kind)?.informer.get(kind, key), input);
  }

  afterApi(label: string, call: () => void): void {
    const incarnation = this.incarnation;
    const [lo, hi] = this.world.sim.apiLatencyMs;
    const delay = this.world.streams.stream(`api/${this.name}`).between(lo, hi);
    this.world.clock.after(delay, `${this.actor}: ${label}`, () => {
      if (incarnation !== this.incarnation) return;
      this.dirty = true;
      call();
    });
  }
}
