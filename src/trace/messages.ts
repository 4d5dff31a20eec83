/**
 * What a trace event says, as data: a message code and its typed parameters. Every line of the
 * trace is one of these; its text in each language is rendered from the code by a message catalog
 * (src/trace/i18n/), and the digest is computed from code and parameters (src/trace/canonical.ts),
 * so rewording a message changes neither digests nor what reports conclude. Reports read the
 * parameters, never the text.
 *
 * Free-text parameters are only what Kubernetes itself reports verbatim: an API server's error
 * message, a kubelet's rejection message, a scenario command as written.
 */

/** A parameter value: flat, so the canonical form is one line. */
export type ParamValue = string | number | boolean;
export type Params = Readonly<Record<string, ParamValue>>;

/** The verb of a write as the trace says it (`terminate`: a graceful delete that sets deletionTimestamp). */
export type WriteVerb = 'create' | 'update' | 'patch' | 'status' | 'terminate';

/** One message: a code with its parameters. */
export interface Message<C extends string, P extends Params> {
  readonly code: C;
  readonly params: P;
}

// ---- the runner (kind `info`, actor `runner`) ----

export type RunMessage =
  | Message<'run.started', { version: string; scenario: string; seed: number; events: number }>
  | Message<'run.mutant', { controller: string; variant: string }>
  | Message<'run.error', { error: string }>;

// ---- API writes (kinds create/update/status/delete, actor the writer) ----

export type WriteMessage =
  /**
   * A Pod written: where it is bound (`-` none), its phase, Ready, and whether it is being deleted.
   * `owner`: its ReplicaSet, only for a Pod a Deployment manages (it carries `pod-template-hash`),
   * so the report colours it by revision; other Pods' lines (and digests) are as before.
   */
  | Message<
      'api.pod',
      {
        verb: WriteVerb;
        pod: string;
        node: string;
        phase: string;
        ready: boolean;
        terminating: boolean;
        owner?: string;
      }
    >
  /**
   * A Node written: its Ready condition (`True`, `False`, `Unknown`), cordon, how many taints, and
   * how many of them have the NoSchedule and the NoExecute effect (the step view's badges).
   */
  | Message<
      'api.node',
      {
        verb: WriteVerb;
        node: string;
        ready: string;
        unschedulable: boolean;
        taints: number;
        noSchedule: number;
        noExecute: number;
      }
    >
  /**
   * A ReplicaSet, StatefulSet or Deployment written (`ref` is `<kind>/<name>`). `revision`: the
   * `deployment.kubernetes.io/revision` annotation, only when the object carries one (a
   * Deployment's ReplicaSets, the Deployment), for the report's hierarchy.
   */
  | Message<
      'api.workload',
      {
        verb: WriteVerb;
        ref: string;
        replicas: number;
        ready: number;
        terminating: boolean;
        revision?: number;
      }
    >
  | Message<'api.pvc', { verb: WriteVerb; pvc: string; phase: string; volume: string; terminating: boolean }>
  /** Any other object (`ref` is `<kind>/<name>`). */
  | Message<'api.object', { verb: WriteVerb; ref: string; terminating: boolean }>
  /** The object left the store (the last step of a delete). */
  | Message<'api.removed', { ref: string }>
  /** The API server rejected a call: `reason` is its status reason, `message` its text as written. */
  | Message<'api.rejected', { verb: string; ref: string; reason: string; message: string }>;

// ---- the kubelet (kind `kubelet`, actor `kubelet/<node>`) and node lifecycle (kind `node`) ----

/** Why a kubelet cannot start a pod yet (the volume manager's admission). */
export type ClaimWait = 'missing' | 'deleting' | 'unbound';

export type KubeletMessage =
  | Message<'kubelet.waiting', { pod: string; claim: string; wait: ClaimWait }>
  /** Admission rejected the pod: `reason` as in status.reason, `message` as the kubelet writes it. */
  | Message<'kubelet.rejected', { pod: string; reason: string; message: string }>
  | Message<'kubelet.shutdown', { pod: string; phase: string }>
  | Message<'kubelet.started', { pod: string; restarts: number }>
  | Message<'kubelet.exited', { pod: string; exitZero: boolean; restartSeconds: number }>
  | Message<'kubelet.finished', { pod: string; phase: string }>
  | Message<'kubelet.stopped', { pod: string }>
  | Message<'kubelet.killed', { pod: string }>
  | Message<'kubelet.power-lost', { pod: string }>
  | Message<'node.evicting', { pod: string; node: string }>;

// ---- controllers (kind `controller`, actor `<name>-controller`) ----

/**
 * What a sync decided, the detail of a machine transition. `key` is the workload's
 * `<namespace>/<name>`; lists of names are joined with `, ` and cut after five (`more` counts the rest).
 */
export type Decision =
  | Message<'sync.key', { key: string }>
  | Message<'sync.gone', { key: string }>
  | Message<'sync.deleting', { key: string }>
  | Message<'sync.empty-selector', { key: string }>
  | Message<'sync.nothing', { key: string }>
  | Message<'sync.claims', { key: string; adopt: number; release: number; revisions: number }>
  /** The sync stopped on an error: the API server's or the controller's message as Kubernetes words it. */
  | Message<'sync.failed', { key: string; error: string }>
  | Message<'replicaset.pods', { key: string; active: number; desired: number }>
  | Message<'replicaset.create', { key: string; active: number; desired: number; create: number }>
  | Message<'replicaset.delete', { key: string; active: number; desired: number; pods: string }>
  | Message<'replicaset.expectations', { key: string; add: number; del: number }>
  | Message<
      'daemonset.plan',
      {
        key: string;
        hash: string;
        expectationsPending: boolean;
        /** How many pods to create, the first five nodes (`, `-joined) and how many more. */
        creates: number;
        createOn: string;
        createMore: number;
        /** How many pods to delete, the first five as `name (reason)` and how many more. */
        deletes: number;
        deletePods: string;
        deleteMore: number;
        /** Whether this sync rolls nodes to the new template, how many, and the budget. */
        rolling: boolean;
        rollingNodes: number;
        maxSurge: string;
        maxUnavailable: string;
      }
    >
  /**
   * One Deployment sync: its step (`rolling`, `recreate`, `scale`, `deleting`, `waitForOldPods`), the
   * new ReplicaSet (`-` none) and the ReplicaSet writes, the first five as `name from→to` or
   * `delete name`, `, `-joined, how many writes in all and how many more than five.
   */
  | Message<
      'deployment.plan',
      {
        key: string;
        strategy: string;
        paused: boolean;
        step: string;
        newReplicaSet: string;
        writes: string;
        count: number;
        more: number;
      }
    >
  /** One EndpointSlice sync: endpoints the Service should have (how many ready) and the slice writes. */
  | Message<
      'endpointslice.plan',
      { key: string; endpoints: number; ready: number; creates: number; updates: number; deletes: number }
    >
  /** The cache does not yet show this controller's own last slice writes (endpointSliceTracker). */
  | Message<'endpointslice.stale', { key: string }>
  | Message<'statefulset.wait-ready', { key: string; pod: string }>
  | Message<'statefulset.wait-gone', { key: string; pod: string }>
  | Message<
      'statefulset.intent',
      {
        key: string;
        intent: 'create' | 'createClaims' | 'repair' | 'deleteCondemned' | 'deleteTerminal' | 'updateDelete';
        pod: string;
      }
    >;

export type DecisionCode = Decision['code'];

export type ControllerMessage =
  | Message<'controller.restarted', Record<string, never>>
  /** A machine transition with no decision to tell. */
  | Message<'controller.transition', { from: string; to: string; event: string }>
  /** A machine transition and what the sync decided (`decision` is a {@link DecisionCode}). */
  | Message<
      'controller.decision',
      { from: string; to: string; event: string; decision: DecisionCode } & Params
    >;

// ---- faults (kind `fault` or `skip`, actor `user`) ----

/**
 * What an applied fault did. `command` is the event as a command line (`drain-node node-1`),
 * kept as written in every language.
 */
export type FaultEffect =
  | Message<'node.joined', { node: string }>
  | Message<'node.power-lost', { node: string }>
  | Message<'node.shut-down', { node: string; ended: number; phase: string }>
  | Message<'node.partitioned', { node: string }>
  | Message<'node.rebooted', { node: string }>
  | Message<'node.reconnected', { node: string }>
  | Message<'node.removed', { node: string }>
  | Message<'node.cordoned', { node: string }>
  | Message<'node.uncordoned', { node: string }>
  | Message<'node.drained', { node: string; evicted: number }>
  | Message<'node.labeled', { node: string }>
  | Message<'node.tainted', { node: string; taint: string }>
  | Message<'node.untainted', { node: string; taint: string }>
  | Message<'node.rejects-pods', { node: string; reason: string }>
  | Message<'pod.crashed', { pod: string }>
  | Message<'pod.failed', { pod: string }>
  | Message<'pod.deleted', { pod: string; force: boolean }>
  | Message<'pod.unready', { pod: string; for: string }>
  | Message<'pod.relabeled', { pod: string }>
  | Message<'workload.scaled', { ref: string; replicas: number }>
  | Message<'workload.template-changed', { ref: string }>
  | Message<'workload.partition-set', { ref: string; partition: number }>
  | Message<'workload.rolled-back', { ref: string; revision: number }>
  | Message<'workload.paused', { ref: string }>
  | Message<'workload.resumed', { ref: string }>
  | Message<'object.deleted', { ref: string; propagation: string }>
  | Message<'object.created', { ref: string }>
  | Message<'pvc.deleted', { pvc: string }>
  | Message<'finalizer.added', { name: string; finalizer: string }>
  | Message<'finalizer.removed', { finalizer: string; pods: number }>
  | Message<'controller.restart', { controller: string }>
  | Message<'watch.delayed', { controllers: string; for: string }>
  | Message<'api.will-fail', { count: number; verb: string; controller: string }>
  | Message<'requests.sent', { to: string; count: number; answered: number; failed: number }>;

export type FaultCode = FaultEffect['code'];

export type FaultMessage =
  /** `effect` is a {@link FaultCode}; the effect's parameters follow. */
  | Message<'fault.applied', { command: string; effect: FaultCode } & Params>
  | Message<'fault.skipped', { command: string; reason: string }>;

// ---- clients (kind `info`, actor `client`): one line per request of a `request` event ----

/**
 * Why a request got no answer: the name resolves to nothing (`nxdomain`), the Service has no endpoint
 * to route to (`noEndpoints`, kube-proxy rejects), or nothing answers at the address it went to
 * (`noAnswer`: no running pod holds that IP, or its node is down or cut off).
 */
export type RequestFailure = 'nxdomain' | 'noEndpoints' | 'noAnswer';

export type RequestMessage =
  | Message<'request.answered', { to: string; ip: string; pod: string; node: string }>
  | Message<'request.failed', { to: string; ip: string; reason: RequestFailure }>;

// ---- the judge (kind `violation`, actor the invariant id) ----

/** A violation: the invariant's finding, in English as the invariant wrote it (Korean beside it in the result). */
export type ViolationMessage = Message<'invariant.violated', { message: string }>;

/** Every message the trace can hold. */
export type TraceMessage =
  | RunMessage
  | WriteMessage
  | KubeletMessage
  | ControllerMessage
  | FaultMessage
  | RequestMessage
  | ViolationMessage;

export type TraceCode = TraceMessage['code'];

/** The params of one code. */
export type ParamsOf<C extends TraceCode> = Extract<TraceMessage, { code: C }>['params'];

/** A fault line: the command and what it did, flattened (one level of params keeps the digest line flat). */
export function faultApplied(command: string, effect: FaultEffect): FaultMessage {
  return { code: 'fault.applied', params: { command, effect: effect.code, ...effect.params } };
}

/** A controller transition, with the sync's decision when there is one. */
export function transition(from: string, to: string, event: string, decision?: Decision): ControllerMessage {
  if (!decision) return { code: 'controller.transition', params: { from, to, event } };
  return {
    code: 'controller.decision',
    params: { from, to, event, decision: decision.code, ...decision.params },
  };
}
