/**
 * What reporters need from the rest of the toolkit besides the RunResult: each controller's state
 * machine graph (from src/controllers/registry.ts) and each invariant's texts (from
 * src/invariants). Passed in, so reporters stay pure functions of their inputs and tests can use
 * fixtures.
 */
import type { Concept, Explanation } from '../invariants/types.ts';

/** A controller's state machine as a graph (states, initial state, transitions). */
export interface MachineGraph {
  states: string[];
  initial: string;
  transitions: Array<{ from: string; event: string; to: string }>;
}

/** The learner-facing texts of one invariant. */
export interface InvariantInfo {
  concept: Concept;
  claim: Explanation;
  explain: Explanation;
}

/** Lookups the reporters use; either may be missing (the report then says so). */
export interface ReportSources {
  machineGraph?: (controller: string) => MachineGraph | undefined;
  invariant?: (id: string) => InvariantInfo | undefined;
  /** What a fault kind (`crash-node`, ...) does, in plain words (from src/chaos). */
  fault?: (kind: string) => Explanation | undefined;
  /** What a mutant controller variant gets wrong (from each controller’s variants.ts, English). */
  mutant?: (controller: string, variant: string) => string | undefined;
}

/** The concept an invariant id belongs to when no invariant registry is at hand (its prefix). */
export function conceptOfId(id: string): Concept {
  const prefix = id.split('.')[0];
  switch (prefix) {
    case 'replicaset':
    case 'daemonset':
    case 'statefulset':
    case 'ownership':
    case 'workload':
    case 'status':
      return prefix;
    default:
      return 'workload';
  }
}
