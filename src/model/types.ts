/**
 * Kubernetes object shapes used throughout kubeprop. The field-level types come from the
 * maintained `kubernetes-types` package; this module only narrows what the simulator relies on
 * (every stored object has apiVersion, kind and metadata with name/uid/resourceVersion).
 */
import type {
  ControllerRevision,
  DaemonSet,
  Deployment,
  ReplicaSet,
  StatefulSet,
} from 'kubernetes-types/apps/v1.js';
import type {
  Node,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodTemplateSpec,
  Service,
  Taint,
  Toleration,
} from 'kubernetes-types/core/v1.js';
import type { LabelSelector, ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1.js';

export type {
  ControllerRevision,
  DaemonSet,
  Deployment,
  LabelSelector,
  Node,
  ObjectMeta,
  OwnerReference,
  PersistentVolume,
  PersistentVolumeClaim,
  Pod,
  PodTemplateSpec,
  ReplicaSet,
  Service,
  StatefulSet,
  Taint,
  Toleration,
};

/** Kinds the simulated API server stores. */
export type Kind =
  | 'Pod'
  | 'Node'
  | 'ReplicaSet'
  | 'DaemonSet'
  | 'StatefulSet'
  | 'Deployment'
  | 'ControllerRevision'
  | 'Service'
  | 'EndpointSlice'
  | 'PersistentVolumeClaim'
  | 'PersistentVolume';

/** Any object the store holds: Kubernetes-shaped, with the metadata the store guarantees. */
export interface KObject {
  apiVersion: string;
  kind: Kind;
  metadata: StoredMeta;
  // biome-ignore lint/suspicious/noExplicitAny: spec/status shapes differ per kind; callers narrow by kind.
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  status?: any;
  /** discovery.k8s.io/v1 EndpointSlice keeps its data at the top level, not under spec. */
  addressType?: string;
  endpoints?: Endpoint[];
  ports?: EndpointPort[];
}

/** One endpoint of an EndpointSlice (discovery.k8s.io/v1): one pod, its address and conditions. */
export interface Endpoint {
  addresses: string[];
  conditions: { ready: boolean; serving: boolean; terminating: boolean };
  /** The pod's spec.hostname, when its spec.subdomain names this Service (DNS: <hostname>.<svc>). */
  hostname?: string;
  nodeName?: string;
  /** The topology.kubernetes.io/zone label of the pod's node, when it has one. */
  zone?: string;
  targetRef: { kind: 'Pod'; namespace: string; name: string; uid: string };
}

export interface EndpointPort {
  name?: string;
  port: number;
  protocol: string;
}

/** An object as a client submits it: the API server fills uid, resourceVersion and the rest. */
export interface NewObject {
  apiVersion: string;
  kind: Kind;
  metadata: ObjectMeta;
  // biome-ignore lint/suspicious/noExplicitAny: spec/status shapes differ per kind.
  spec?: any;
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  status?: any;
  addressType?: string;
  endpoints?: Endpoint[];
  ports?: EndpointPort[];
}

/** ObjectMeta with the fields the API server always sets. */
export interface StoredMeta extends ObjectMeta {
  name: string;
  namespace?: string;
  uid: string;
  resourceVersion: string;
  generation: number;
  creationTimestamp: string;
}

/** A stored object of a given Kubernetes type. */
export type Stored<T> = T & { metadata: StoredMeta; kind: Kind; apiVersion: string };

export type StoredPod = Stored<Pod>;
export type StoredNode = Stored<Node>;
export type StoredReplicaSet = Stored<ReplicaSet>;
export type StoredDaemonSet = Stored<DaemonSet>;
export type StoredStatefulSet = Stored<StatefulSet>;
export type StoredPVC = Stored<PersistentVolumeClaim>;
export type StoredPV = Stored<PersistentVolume>;
export type StoredRevision = Stored<ControllerRevision>;

/** Workload kinds a controller in kubeprop manages. */
export type WorkloadKind = 'ReplicaSet' | 'DaemonSet' | 'StatefulSet' | 'Deployment';

/**
 * A workload controller's name: its kind lower-case, as targets (`statefulset/web`), scenario
 * selections, chaos events and the CLI write it. Controllers, chaos and scenarios all use it.
 */
export type ControllerName = WorkloadControllerName | 'endpointslice';

/** The controllers whose kind a workload target (`statefulset/web`) names. */
export type WorkloadControllerName = 'replicaset' | 'daemonset' | 'statefulset' | 'deployment';
