/**
 * Runs a user's controller in the simulated world, as ControllerBase runs the built-in ones: an
 * informer cache that survives a restart, a work queue and one worker that does not, API calls that
 * land after a simulated round trip. A reconcile may be async: the runner drains the promises each
 * step settled before the clock moves (settle()), so a run depends only on its seed.
 */

import { WorkQueue } from '../controllers/shared/workqueue.ts';
import type { MachineVisit, RunningController } from '../controllers/types.ts';
import type { Kind } from '../model/types.ts';
import { keyOf, type WatchEvent } from '../sim/api/types.ts';
import type { Informer } from '../sim/informer.ts';
import type { World } from '../sim/world.ts';
import { newClient } from './client.ts';
import { ApiError, type Client, type Controller, type ReconcileResult } from './types.ts';

const RESTART_DOWNTIME_MS = 2_000;

export class UserControllerHost implements RunningController {
  readonly informer: Informer;
  readonly actor: string;
  readonly visits: ReadonlyMap<string, MachineVisit> = new Map();
  private readonly client: Client;
  private queue!: WorkQueue;
  private incarnation = 0;
  private up = false;
  private armed = false;
  /** The key being reconciled, if any. */
  private current: string | undefined;
  /** API calls of the current incarnation not landed yet. */
  private inFlight = 0;
  /** Something settled or started this step: the runner must drain promises. */
  dirty = false;
  /** A reconcile threw something other than an ApiError: a bug in the controller, ends the run. */
  fatal: string | undefined;

  constructor(
    readonly world: World,
    readonly name: string,
    private readonly controller: Controller,
  ) {
    this.actor = controller.name;
    this.informer = world.newInformer(name, [controller.kind, ...(controller.watches ?? [])] as Kind[]);
    this.informer.setHandler((ev) => {
      if (this.up) for (const key of this.keysFor(ev)) this.queue.add(key);
    });
    this.client = newClient(this);
  }

  start(): void {
    this.boot();
  }

  restart(): void {
    if (!this.up) return;
    this.up = false;
    this.queue.shutDown();
    this.incarnation++;
    this.current = undefined;
    this.inFlight = 0;
    this.world.note('controller', this.actor, { code: 'controller.restarted', params: {} });
    this.world.clock.after(RESTART_DOWNTIME_MS, `${this.actor}: process starts`, () => {
      this.informer.relist((kind) => this.world.store.list(kind));
      this.boot();
    });
  }

  /** After the runner drained: a reconcile still running with no call in flight awaits the outside world. */
  stuck(): string | undefined {
    if (this.fatal) return this.fatal;
    if (this.current === undefined || this.inFlight > 0) return undefined;
    return `${this.actor}: the reconcile of ${this.current} waits for something other than kubeprop's client (a real timer, a network call?); a controller under kubeprop may await only its client`;
  }

  afterApi(label: string, call: () => void): void {
    const incarnation = this.incarnation;
    const [lo, hi] = this.world.sim.apiLatencyMs;
    const delay = this.world.streams.stream(`api/${this.name}`).between(lo, hi);
    this.inFlight++;
    this.world.clock.after(delay, `${this.actor}: ${label}`, () => {
      if (incarnation !== this.incarnation) return;
      this.inFlight--;
      this.dirty = true;
      call();
    });
  }

  private boot(): void {
    this.incarnation++;
    this.queue = new WorkQueue(this.world.clock, this.actor);
    this.controller.onStart?.();
    this.up = true;
    this.queue.setOnAdd(() => this.pump());
    for (const obj of this.informer.list(this.controller.kind as Kind))
      this.queue.add(keyOf(obj.kind, obj.metadata));
  }

  /** Keys an informer event concerns: the object's own, or its controlling owner's. */
  private keysFor(ev: WatchEvent): readonly string[] {
    const mapped = this.controller.onEvent?.({ type: ev.type, object: ev.object, key: ev.key });
    if (mapped !== undefined) return mapped;
    if (ev.kind === this.controller.kind) return [ev.key];
    const ref = ev.object.metadata.ownerReferences?.find((r) => r.controller === true);
    if (ref?.kind !== this.controller.kind) return [];
    return [`${ev.object.metadata.namespace ?? 'default'}/${ref.name}`];
  }

  /** The worker: one reconcile at a time, each started in a step of its own. */
  private pump(): void {
    if (!this.up || this.armed || this.current !== undefined || this.queue.length === 0) return;
    this.armed = true;
    const incarnation = this.incarnation;
    this.world.clock.after(0, `${this.actor}: worker picks next key`, () => {
      this.armed = false;
      if (incarnation !== this.incarnation || this.current !== undefined) return;
      const key = this.queue.pop();
      if (key !== undefined) this.reconcile(key);
    });
  }

  private reconcile(key: string): void {
    const incarnation = this.incarnation;
    this.current = key;
    this.dirty = true;
    let out: ReturnType<Controller['reconcile']>;
    try {
      out = this.controller.reconcile(key, this.client);
    } catch (e) {
      this.done(incarnation, key, { error: e });
      return;
    }
    if (out && typeof (out as Promise<unknown>).then === 'function') {
      (out as Promise<ReconcileResult | undefined>).then(
        (result) => this.done(incarnation, key, { result }),
        (error: unknown) => this.done(incarnation, key, { error }),
      );
    } else this.done(incarnation, key, { result: out as ReconcileResult | undefined });
  }

  /** controller-runtime's contract: an error requeues with back-off, a result says when to look again. */
  private done(
    incarnation: number,
    key: string,
    outcome: { result?: ReconcileResult | undefined; error?: unknown },
  ): void {
    if (incarnation !== this.incarnation) return;
    this.current = undefined;
    const { result, error } = outcome;
    if (error !== undefined && !(error instanceof ApiError)) {
      this.fatal = `${this.actor}: the reconcile of ${key} threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
      return;
    }
    if (error !== undefined || result?.requeue) this.queue.addRateLimited(key);
    else {
      this.queue.forget(key);
      if (result?.requeueAfterMs !== undefined) this.queue.addAfter(key, result.requeueAfterMs);
    }
    this.pump();
  }
}
