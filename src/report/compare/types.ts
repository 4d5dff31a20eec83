/** The shapes of the side-by-side comparison (src/report/compare.ts). */
import type { TraceEvent } from '../../trace/types.ts';

/** Workload kinds a comparison can show. */
export type WorkloadKind = 'ReplicaSet' | 'DaemonSet' | 'StatefulSet' | 'Deployment';
export const WORKLOAD_KINDS: readonly WorkloadKind[] = [
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
  'StatefulSet',
];

/** One workload of the scenario: `key` is `<kind lower-case>/<name>`, as trace objects name it. */
export interface Workload {
  kind: WorkloadKind;
  name: string;
  key: string;
  /** `volumeClaimTemplates` names (StatefulSet), for `<template>-<pod>` claims. */
  claimTemplates: string[];
  /** `spec.serviceName` (StatefulSet): the headless Service giving each Pod a DNS name. */
  serviceName?: string;
  namespace: string;
}

/** What became of one Pod a fault hit, or of a Pod that appeared or went away on its own. */
export type Fate =
  /** The old Pod went away and a Pod with a new name took its place (ReplicaSet). */
  | {
      type: 'replaced';
      pod: string;
      node: string | null;
      by: string;
      byNode: string | null;
      /** When the old Pod was marked for deletion (or removed), and whether it was evicted. */
      endMs: number;
      evicted: boolean;
      readyMs?: number;
    }
  /** A Pod with the same name was created again after the old one was gone (StatefulSet). */
  | {
      type: 'recreated';
      pod: string;
      node: string | null;
      byNode: string | null;
      /** When the old one was marked for deletion, and when its object was finally gone. */
      endMs: number;
      goneMs: number;
      evicted: boolean;
      createdMs: number;
      readyMs?: number;
      /** Claims it came back to: `kept` = the same claim (same volume), `new` = a fresh empty one. */
      claims: Array<{ claim: string; volume: 'kept' | 'new' }>;
    }
  /** The same Pod object stayed and its container started again on the same Node. */
  | { type: 'restarted'; pod: string; node: string | null; atMs: number }
  /** The Pod object stayed where it was (possibly not Ready) and was not restarted. */
  | { type: 'kept'; pod: string; node: string | null; ready: boolean; stopped: boolean }
  /** Marked for deletion (Terminating) and not replaced before the horizon. */
  | { type: 'waiting'; pod: string; node: string | null; endMs: number; evicted: boolean }
  /** Removed and not replaced (scale-down, Node removed, workload deleted). */
  | { type: 'removed'; pod: string; node: string | null; endMs: number; evicted: boolean }
  /** A new Pod that replaces nothing (scale-up, a new Node for a DaemonSet, the first start). */
  | { type: 'created'; pod: string; node: string | null; createdMs: number; readyMs?: number };

/** One row of the comparison: a fault (or the start of the run) and each workload's fates. */
export interface CompareRow {
  /** `null` for the start of the run (before the first fault). */
  fault: { index: number; step: number; atMs: number; event: TraceEvent } | null;
  /** Workload key → fates, in the order the Pods were hit or appeared. */
  cells: Record<string, Fate[]>;
}

/** How one workload ended up. */
export interface WorkloadSummary {
  workload: Workload;
  /** Node → the workload's Pods on it at the end (not terminating), sorted. */
  placement: Array<{ node: string; pods: string[] }>;
  /** spec.replicas (ReplicaSet, StatefulSet) or the Nodes it should cover (DaemonSet), if known. */
  desired: number | null;
  pods: number;
  ready: number;
  /** DaemonSet: true when no Node ran two of its Pods at the end. */
  onePerNode: boolean;
  /** Pods replaced under a new name / created again under the same name, over the whole run. */
  replacedCount: number;
  recreatedCount: number;
  /** Names of Pods ever created (in order) — its identities. */
  names: string[];
  /** Claims (StatefulSet) with how many times each was created (1 = one volume for life). */
  claims: Array<{ claim: string; creates: number; volume: string | null }>;
  /** Stable DNS names (StatefulSet with a serviceName), in ordinal order. */
  dnsNames: string[];
}

/** The whole comparison. */
export interface Comparison {
  workloads: Workload[];
  rows: CompareRow[];
  summaries: WorkloadSummary[];
}

/** One life of a Pod object (a StatefulSet reuses names, so one name can have several). */
export interface Incarnation {
  name: string;
  owner: string;
  createdIdx: number;
  createdMs: number;
  node: string | null;
  readyMs?: number;
  ready: boolean;
  terminatingIdx?: number;
  terminatingMs?: number;
  evicted: boolean;
  goneIdx?: number;
  goneMs?: number;
  stopped: boolean;
  restarts: Array<{ idx: number; atMs: number }>;
  /** Ready state by trace index, for "kept, not Ready" at a horizon. */
  readyLog: Array<{ idx: number; ready: boolean }>;
}
