/** What a run produces: the contract behind report.json (design.md §4) and replay files. */

import type { MachineVisit } from '../controllers/types.ts';
import type { InvariantKind, Violation } from '../invariants/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { TraceEvent } from '../trace/types.ts';

// Defined in the layers below (the judge, the controllers) and re-exported: neither imports run/.
export type { InvariantKind, MachineVisit, Violation };

export type InvariantStatus = 'held' | 'violated' | 'not-applicable';

export interface InvariantResult {
  id: string;
  kind: InvariantKind;
  status: InvariantStatus;
  violations: Violation[];
  /**
   * Why a held claim holds only because Kubernetes rightly waits (design §5 "Verdicts"): each
   * note says which wait, en and ko. Absent when there is none, so older reports stay identical.
   */
  heldByDesign?: HeldNote[];
}

/** A wait Kubernetes makes on purpose, seen when liveness was judged. */
export interface HeldNote {
  atMs: number;
  message: string;
  messageKo?: string;
  objects: string[];
}

export interface RunResult {
  scenario: Scenario;
  seed: number;
  toolkitVersion: string;
  traceDigest: string;
  outcome: 'pass' | 'violation' | 'error';
  invariants: InvariantResult[];
  /** Every trace event (empty when `sim.keepTrace` is false). */
  events: TraceEvent[];
  /** Final state of the API store and the machines, for reports. */
  final: FinalState;
  /** Which transitions each controller's machine took. */
  machines: MachineVisit[];
  /** `expect` of the scenario met? (true when there is none). */
  expectMet: boolean;
  expectProblems: string[];
  /** Simulated time at the end, ms, and number of steps. */
  endMs: number;
  steps: number;
  /** Set when outcome is "error": what went wrong inside the toolkit. */
  error?: string;
  /**
   * Set when no invariant applied (design §5: such a run is not a PASS): why, en and ko. The
   * outcome stays "pass" (nothing was violated); the verdict makes it exit 1, as for `expectMet`.
   */
  nothingChecked?: { en: string; ko: string };
  /** Events skipped because what they named was absent at their moment (absent when none). */
  skippedEvents?: SkippedEvent[];
}

/** An event that did nothing: what it named was absent (or not in a state it applies to) then. */
export interface SkippedEvent {
  atMs: number;
  /** The event as the trace labels it, e.g. `crash-node node-9`. */
  label: string;
  /** Why its fault did not apply, in the fault's words (English). */
  reason: string;
  /**
   * Another event of the run that explains the absence: `ref` ended (removed, deleted) at `atMs`
   * before this event, or only starts (joins, is created) `later` at `atMs`.
   */
  gone?: { ref: string; how: 'gone' | 'later'; atMs: number };
}

export interface FinalPod {
  name: string;
  node: string | null;
  phase: string;
  ready: boolean;
  terminating: boolean;
  owner: string | null;
  restarts: number;
  revision?: string;
}

export interface FinalState {
  nodes: Array<{
    name: string;
    ready: string;
    up: boolean;
    reachable: boolean;
    unschedulable: boolean;
    taints: string[];
  }>;
  pods: FinalPod[];
  workloads: Array<{ kind: string; name: string; spec: unknown; status: unknown }>;
  pvcs: Array<{ name: string; phase: string; volume: string | null; terminating: boolean }>;
}
