/** Shapes of the simulated API server's results, watch events and write records. */
import type { Kind, KObject } from '../../model/types.ts';

export type Verb = 'create' | 'update' | 'patch' | 'delete';

export type ApiErrorCode = 'Conflict' | 'NotFound' | 'AlreadyExists' | 'Invalid' | 'InternalError';

export type ApiResult<T extends KObject = KObject> =
  | { ok: true; obj: T; removed?: boolean }
  | { ok: false; code: ApiErrorCode; message: string };

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change as a watcher sees it. `object` is the new state (the last state for DELETED). */
export interface WatchEvent {
  type: WatchType;
  kind: Kind;
  key: string;
  object: KObject;
  old?: KObject;
  resourceVersion: number;
}

/**
 * Why a controller wrote: what it saw when it decided. Invariants about decisions (no-overshoot,
 * ordered-ready) judge the write against this view, not the store.
 */
export interface WriteCause {
  controller: string;
  ownerUid?: string;
  /** spec.replicas of the owner as the controller's cache held it. */
  observedReplicas?: number;
  /** resourceVersion of the owner in the controller's cache. */
  observedResourceVersion?: string;
  /** Anything else a specific invariant needs. */
  [extra: string]: unknown;
}

/** One successful write of the current step (invariants read these). */
export interface WriteRecord {
  verb: Verb | 'status';
  kind: Kind;
  key: string;
  actor: string;
  before?: KObject;
  after?: KObject;
  /** True when the object left the store. */
  removed: boolean;
  cause?: WriteCause;
  /**
   * Set on a dropped no-op write that carried the writer's resourceVersion (update, updateStatus):
   * the writer's own copy was the stored object, so it knew the write would change nothing.
   */
  guarded?: boolean;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** Delete only if the object still has this uid (Kubernetes Preconditions). */
  uid?: string;
  cause?: WriteCause;
}

export interface WriteOptions {
  cause?: WriteCause;
  /** Patch/update only if the object still has this uid. */
  uid?: string;
}

export const CLUSTER_SCOPED: ReadonlySet<Kind> = new Set<Kind>(['Node', 'PersistentVolume']);

/** The store key of an object: `<namespace>/<name>`, or the name for cluster-scoped kinds. */
export function keyOf(kind: Kind, meta: { name?: string; namespace?: string }): string {
  return CLUSTER_SCOPED.has(kind) ? (meta.name ?? '') : `${meta.namespace ?? 'default'}/${meta.name ?? ''}`;
}

/** `<kind>/<name>` with the kind lower-case, as trace events and violations name objects. */
export function refOf(obj: { kind: string; metadata: { name?: string } }): string {
  return `${obj.kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
}
