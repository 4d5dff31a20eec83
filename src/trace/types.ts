/** Trace events: every change in a run, in order. One formatted line each feeds the digest. */

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

export interface TraceEvent {
  step: number;
  atMs: number;
  kind: TraceKind;
  /** Who acted: `user`, `scheduler`, `kubelet/node-a`, `replicaset-controller`, ... */
  actor: string;
  /** One short line, e.g. `create pod/frontend-x7k2p (node -)`. */
  text: string;
  /** Objects this event is about, `<kind>/<name>` lower-case kind. */
  objects?: string[];
}
