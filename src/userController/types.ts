/**
 * The controller API (issue #15, docs/controllers.md): what a user's controller declares and the
 * client it reconciles with. A controller names the kind it manages and the kinds it watches, and
 * implements `reconcile(key, client)`; kubeprop runs it in its simulated cluster, under chaos, on
 * simulated time, and judges the result with the same invariants as its own controllers.
 */
import type { AnyStateMachine } from 'xstate';
import type { Kind, KObject, LabelSelector, NewObject } from '../model/types.ts';
import type { ApiErrorCode } from '../sim/api/types.ts';

export type { KObject, NewObject };

/**
 * A kind: the simulator's own (`Pod`, `StatefulSet`…) or a custom resource's (`Database`), which
 * the API server stores, watches and garbage-collects like any other.
 */
export type AnyKind = Kind | (string & {});

/** An object to create: a built-in kind's manifest, or a custom resource with its own spec. */
export type ObjectInput =
  | NewObject
  | {
      apiVersion: string;
      kind: string;
      metadata: NewObject['metadata'];
      spec?: unknown;
      status?: unknown;
    };

/** One change the informer delivered: the object's new state (its last state when DELETED). */
export interface ControllerEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: KObject;
  /** `namespace/name`, or `name` for cluster-scoped kinds. */
  key: string;
}

/** What a reconcile asks for next; nothing (or `{}`) means done, the key is forgotten. */
export interface ReconcileResult {
  /** Queue the key again at once (with the work queue's per-key back-off). */
  requeue?: boolean;
  /** Queue the key again after this many simulated milliseconds. */
  requeueAfterMs?: number;
}

export interface ListOptions {
  /** Only objects of this namespace. */
  namespace?: string;
  /** Only objects whose labels match (matchLabels / matchExpressions, as in a workload's selector). */
  labelSelector?: LabelSelector;
}

export interface DeleteOptions {
  /** Seconds of graceful termination for a pod (default the pod's own, 30 s). */
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** Precondition: delete only the object with this uid (a recreated namesake is left alone). */
  uid?: string;
}

/**
 * The simulated client. Reads come from the controller's informer cache, which lags the API server
 * and can be stale or stalled by chaos (as a client-go lister). Writes go to the API server after a
 * simulated round trip and may fail: a stale resourceVersion is a `Conflict`, a missing object
 * `NotFound`, an injected fault `InternalError`; a failed write rejects with an {@link ApiError}.
 * Keys are `namespace/name` (`name` for cluster-scoped kinds such as Node).
 */
export interface Client {
  /** Simulated time in milliseconds since the run began. */
  readonly now: number;
  get(kind: AnyKind, key: string): KObject | undefined;
  /** Cached objects of a kind, sorted by key. */
  list(kind: AnyKind, options?: ListOptions): KObject[];
  create(obj: ObjectInput): Promise<KObject>;
  /** A full update: `obj.metadata.resourceVersion` must be the stored one, else Conflict. */
  update(obj: KObject): Promise<KObject>;
  /** The status subresource: only `status` is written; same resourceVersion check. */
  updateStatus(obj: KObject): Promise<KObject>;
  /** A patch of the current object (no resourceVersion check): `mutate` returns the new object. */
  patch(kind: AnyKind, key: string, mutate: (current: KObject) => KObject): Promise<KObject>;
  delete(kind: AnyKind, key: string, options?: DeleteOptions): Promise<void>;
}

/** A rejected API call. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Controller {
  /** The controller's name in traces and reports (`my-replicaset`). */
  name: string;
  /** The kind it manages: its reconcile keys are keys of this kind. */
  kind: AnyKind;
  /**
   * Other kinds it watches (`Pod`): by default an event on an object controlled by one of `kind`
   * queues its owner's key, and any other event of these kinds queues nothing (see `onEvent`).
   */
  watches?: readonly AnyKind[];
  /**
   * Optional informer handler, called for every delivered event of the kinds watched, in order:
   * return the keys of `kind` to queue (undefined: the default mapping). This is where a
   * controller observes its expectations, as client-go's handlers do.
   */
  onEvent?(event: ControllerEvent): readonly string[] | undefined;
  /**
   * Optional: a new process starts (the run begins, or chaos restarted the controller): forget
   * in-memory state (expectations, back-off), as a real restart would.
   */
  onStart?(): void;
  /** Brings the object with this key towards its spec. May be async; see docs/controllers.md. */
  reconcile(key: string, client: Client): Promise<ReconcileResult | undefined> | ReconcileResult | undefined;
  /** Optional xstate machine of its phases, drawn in reports (it is not run). */
  machine?: AnyStateMachine;
}

/** Identity helper that gives a controller object its type (`export default defineController({…})`). */
export function defineController(c: Controller): Controller {
  return c;
}
