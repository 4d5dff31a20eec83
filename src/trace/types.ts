/**
 * Trace events: every change in a run, in order. Each is a message (a code with typed parameters,
 * messages.ts) at a step; the digest is computed from the message (canonical.ts) and `text` is its
 * English rendering, kept for people and for the JSON report.
 */
import type { TraceMessage } from './messages.ts';

export type TraceKind =
  | 'fault' // a scripted or chaos event applied
  | 'skip' // an event whose target did not exist at that time
  | 'create'
  | 'update'
  | 'status'
  | 'delete'
  | 'api-error' // a write the API rejected (conflict, injected failure, ...)
  | 'controller' // a controller's machine changed state or decided something
  | 'node' // node lifecycle (ready/unknown, taints)
  | 'kubelet' // container started, crashed, stopped
  | 'schedule' // scheduler bound or could not place a pod
  | 'gc'
  | 'violation'
  | 'info';

interface TraceEventBase {
  step: number;
  atMs: number;
  kind: TraceKind;
  /** Who acted: `user`, `scheduler`, `kubelet/node-a`, `replicaset-controller`, ... */
  actor: string;
  /** The English rendering of the message, e.g. `create pod/frontend-x7k2p node=- phase=Pending ready=false`. */
  text: string;
  /** Objects this event is about, `<kind>/<name>` lower-case kind. */
  objects?: string[];
}

/** One event: `code` and `params` say what happened (reports read these, never `text`). */
export type TraceEvent = TraceEventBase & TraceMessage;
