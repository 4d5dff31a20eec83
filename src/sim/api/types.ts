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
 * ordered-ready, placement, the rollout budgets) judge the write against this view, not the store.
 * A union per controller and reason: the controllers fill it, the judge narrows on `controller`
 * and `reason` and reads typed fields. Declared here, beside the write records that carry it,
 * because both the controllers and the invariants stand on this layer (docs/architecture.md).
 */
export type WriteCause =
  | AdoptionCause
  | ReplicaSetCause
  | DaemonSetCause
  | StatefulSetCause
  | DeploymentCause;

/** Whose write it was: the owner as the controller's cache held it. */
interface OwnerView<C extends string> {
  controller: C;
  ownerUid: string;
  /** resourceVersion of the owner in the controller's cache. */
  observedResourceVersion?: string;
}

/**
 * An adoption patch (ClaimObject), by any workload controller, with the orphan as the cache showed
 * it when the claim was planned (ownership.single-controller).
 */
export interface AdoptionCause extends OwnerView<'replicaset' | 'daemonset' | 'statefulset'> {
  reason: 'adopt';
  observedTerminating: boolean;
}

export type ReplicaSetCause = ReplicaSetCreateCause | ReplicaSetScaleDownCause;

interface ReplicaSetView extends OwnerView<'replicaset'> {
  /** spec.replicas of the ReplicaSet as the controller's cache held it. */
  observedReplicas: number;
}

/** A pod created to reach spec.replicas (replicaset.no-overshoot). */
export interface ReplicaSetCreateCause extends ReplicaSetView {
  reason: 'create';
}

/** Victims deleted on a scale-down (replicaset.deletion-ranking). */
export interface ReplicaSetScaleDownCause extends ReplicaSetView {
  reason: 'scale-down';
  /** Names of the pods chosen, in the order chosen. */
  victims: string[];
  /** The owned pods exactly as the cache held them when the ranking ran. */
  observed: readonly KObject[];
  /**
   * The pods it ranked co-location against, as cached (Kubernetes' getIndirectlyRelatedPods: those
   * that the ReplicaSets under the same controller select; none for a bare ReplicaSet).
   */
  relatedObserved: readonly KObject[];
  decidedAtMs: number;
}

/** Why the DaemonSet controller deletes a daemon pod (its manage and rolling-update plans). */
export type DaemonSetDeleteReason =
  | 'misscheduled'
  | 'failed'
  | 'succeeded'
  | 'duplicate'
  | 'node-gone'
  | 'rolling-update'
  | 'surge-replaced';

/** What a DaemonSet rolling update saw when it decided (daemonset.rollout-budget judges against it). */
export interface RollView {
  pods: readonly KObject[];
  nodes: readonly KObject[];
  /** When the plan was made (availability with minReadySeconds depends on it). */
  atMs: number;
}

/** A daemon pod created for a node (`place`, `surge`) or deleted from one. */
export interface DaemonSetCause extends OwnerView<'daemonset'> {
  reason: 'place' | 'surge' | DaemonSetDeleteReason;
  node: string;
  /** The node as the controller's cache held it when it planned (undefined: not in the cache). */
  nodeView: KObject | undefined;
  /** The DaemonSet as cached. */
  dsView: KObject;
  /** Which start of the controller process decided (a restart forgets the failed-pod back-off). */
  process: number;
  plannedAtMs: number;
  /** For rolling-update writes (`surge`, `rolling-update`, `surge-replaced`). */
  rollView?: RollView;
}

/** The StatefulSet as the controller's cache held it when it decided. */
export interface StatefulSetView extends OwnerView<'statefulset'> {
  observedReplicas: number;
  podManagementPolicy: string;
  /** spec.ordinals.start. */
  start: number;
  strategy: string;
  partition: number;
  retention: { whenDeleted: string; whenScaled: string };
  currentRevision?: string;
  updateRevision?: string;
}

/** The pods the plan was made from and its clock (the decision judges read them their own way). */
export interface StatefulSetPlanView {
  /** The set's pods as the cache held them when the plan was made. */
  observed: readonly KObject[];
  /** Names this sync has written since (their cached state is out of date). */
  touched: string[];
  plannedAtMs: number;
  minReadySeconds: number;
}

/** What the StatefulSet controller decided, per reason, besides its view of the set. */
export type StatefulSetDecision =
  | { reason: 'failed' | 'repair'; ordinal: number | undefined }
  | { reason: 'replace' | 'claim' | 'identity' | 'status' }
  | ({
      reason: 'create';
      ordinal: number;
      slot: number;
      revision: string;
      /** The pod's claims as the cache held them when it was created (null: none yet). */
      claimsSeen: (KObject | null)[];
    } & StatefulSetPlanView)
  | ({ reason: 'scale-down'; ordinal: number } & StatefulSetPlanView)
  | ({
      reason: 'update';
      ordinal: number | undefined;
      slot: number;
      revision: string | undefined;
    } & StatefulSetPlanView)
  | { reason: 'claim-owners'; condemned: boolean; pod: string }
  | ({ reason: 'prune'; observedSet: KObject } & StatefulSetPlanView);

export type StatefulSetCause = StatefulSetView & StatefulSetDecision;

/**
 * Why the Deployment controller wrote a ReplicaSet: the step of its sync (sync.go, rolling.go,
 * recreate.go) and what it saw. `observedReplicaSets` are the Deployment's ReplicaSets as this
 * sync held them just before the write: the cache's copies with the sizes this sync had already
 * set (Kubernetes carries the updated objects from one call to the next), plus the new
 * ReplicaSet once created. The judge computes the bounds from these on its own.
 */
export interface DeploymentCause extends OwnerView<'deployment'> {
  reason:
    | 'create-new'
    | 'annotate-new'
    | 'scale-new'
    | 'cleanup-unhealthy'
    | 'scale-down-old'
    | 'proportional'
    | 'recreate-scale-down'
    | 'recreate-scale-up'
    | 'history-cleanup';
  /** The Deployment as the controller's cache held it. */
  observedDeployment: KObject;
  observedReplicaSets: readonly KObject[];
  /** Name of the ReplicaSet this sync treats as new (its template equals the Deployment's), if any. */
  newReplicaSet: string | undefined;
  plannedAtMs: number;
  /**
   * Recreate: the pods of the Deployment's ReplicaSets as the controller's cache held them when the
   * sync was planned (oldPodsRunning reads them), so the judge can tell a scale-up over old pods the
   * controller saw from one its stale cache hid (deployment.recreate-no-overlap).
   */
  observedPods?: readonly KObject[];
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
  return `${lowerKind(obj.kind)}/${obj.metadata.name ?? ''}`;
}

/** Lower-case kind names, made once each: every write names its object (toLowerCase allocates). */
const LOWER_KINDS = new Map<string, string>();

function lowerKind(kind: string): string {
  let lower = LOWER_KINDS.get(kind);
  if (lower === undefined) {
    lower = kind.toLowerCase();
    LOWER_KINDS.set(kind, lower);
  }
  return lower;
}
