/**
 * The API server's defaulting for the kinds a scenario may hold (`pkg/apis/apps/v1/defaults.go`,
 * `pkg/apis/core/v1/defaults.go`), as listed in k8s-semantics.md. Each function fills missing
 * fields of a freshly cloned object in place; {@link applyDefaults} owns the cloning.
 */
import type { KObject, NewObject } from './types.ts';

type Obj = Record<string, unknown>;

function obj(parent: Obj, key: string): Obj {
  let v = parent[key];
  if (typeof v !== 'object' || v === null) {
    v = {};
    parent[key] = v;
  }
  return v as Obj;
}

function setDefault(o: Obj, key: string, value: unknown): void {
  if (o[key] === undefined || o[key] === null) o[key] = value;
}

/** PodSpec defaults the controllers and kubelet read. */
function defaultPodSpec(spec: Obj): void {
  setDefault(spec, 'restartPolicy', 'Always');
  setDefault(spec, 'terminationGracePeriodSeconds', 30);
  setDefault(spec, 'dnsPolicy', 'ClusterFirst');
  setDefault(spec, 'schedulerName', 'default-scheduler');
}

function defaultTemplate(spec: Obj): void {
  const tpl = obj(spec, 'template');
  obj(tpl, 'metadata');
  defaultPodSpec(obj(tpl, 'spec'));
}

function defaultReplicaSet(o: KObject): void {
  const spec = obj(o as unknown as Obj, 'spec');
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'minReadySeconds', 0);
  defaultTemplate(spec);
}

function defaultDeployment(o: KObject): void {
  const spec = obj(o as unknown as Obj, 'spec');
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'minReadySeconds', 0);
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'progressDeadlineSeconds', 600);
  const strategy = obj(spec, 'strategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = obj(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', '25%');
    setDefault(ru, 'maxSurge', '25%');
  }
  defaultTemplate(spec);
}

function defaultDaemonSet(o: KObject): void {
  const spec = obj(o as unknown as Obj, 'spec');
  setDefault(spec, 'minReadySeconds', 0);
  setDefault(spec, 'revisionHistoryLimit', 10);
  const strategy = obj(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') {
    const ru = obj(strategy, 'rollingUpdate');
    setDefault(ru, 'maxUnavailable', 1);
    setDefault(ru, 'maxSurge', 0);
  }
  defaultTemplate(spec);
}

function defaultStatefulSet(o: KObject): void {
  const spec = obj(o as unknown as Obj, 'spec');
  setDefault(spec, 'replicas', 1);
  setDefault(spec, 'minReadySeconds', 0);
  setDefault(spec, 'revisionHistoryLimit', 10);
  setDefault(spec, 'podManagementPolicy', 'OrderedReady');
  const strategy = obj(spec, 'updateStrategy');
  setDefault(strategy, 'type', 'RollingUpdate');
  if (strategy.type === 'RollingUpdate') setDefault(obj(strategy, 'rollingUpdate'), 'partition', 0);
  const retention = obj(spec, 'persistentVolumeClaimRetentionPolicy');
  setDefault(retention, 'whenDeleted', 'Retain');
  setDefault(retention, 'whenScaled', 'Retain');
  setDefault(obj(spec, 'ordinals'), 'start', 0);
  for (const claim of (spec.volumeClaimTemplates as Obj[] | undefined) ?? []) defaultClaim(claim);
  defaultTemplate(spec);
}

/** PVCs and claim templates: kind/apiVersion on templates, Filesystem volume mode. */
function defaultClaim(claim: Obj): void {
  setDefault(claim, 'apiVersion', 'v1');
  setDefault(claim, 'kind', 'PersistentVolumeClaim');
  setDefault(obj(claim, 'spec'), 'volumeMode', 'Filesystem');
}

function defaultPod(o: KObject): void {
  defaultPodSpec(obj(o as unknown as Obj, 'spec'));
}

function defaultService(o: KObject): void {
  const spec = obj(o as unknown as Obj, 'spec');
  setDefault(spec, 'type', 'ClusterIP');
  setDefault(spec, 'sessionAffinity', 'None');
}

const DEFAULTERS: Readonly<Record<string, (o: KObject) => void>> = {
  ReplicaSet: defaultReplicaSet,
  Deployment: defaultDeployment,
  DaemonSet: defaultDaemonSet,
  StatefulSet: defaultStatefulSet,
  Pod: defaultPod,
  Service: defaultService,
  PersistentVolumeClaim: (o) => defaultClaim(o as unknown as Obj),
};

/** The defaulting function of a kind, or undefined for kinds without defaults. */
export function defaultsFor(kind: string): ((o: KObject) => void) | undefined {
  return DEFAULTERS[kind];
}

/**
 * Applies the API server's defaults (k8s-semantics.md) to a valid manifest and returns a new object;
 * the input is not modified. The result has no uid/resourceVersion/creationTimestamp yet: the
 * simulated API store assigns those when it creates the object. Whoever creates an object gets
 * them: the parser for `spec.objects`, the `create-object` fault mid-run.
 */
export function applyDefaults(obj: Readonly<Record<string, unknown>> | NewObject | KObject): KObject {
  const out = structuredClone(obj) as unknown as KObject;
  const meta = (out.metadata ?? {}) as KObject['metadata'];
  out.metadata = meta;
  meta.namespace ??= 'default';
  defaultsFor(out.kind)?.(out);
  return out;
}
