/**
 * An invariant is a small named claim with an explanation in English and Korean. Safety claims are
 * checked after every step against the API store and the simulated machines (never the caches);
 * liveness claims after the last event, within the settle time, and say why they do not hold yet.
 */
import type { InvariantKind, Violation } from '../run/types.ts';
import type { Scenario } from '../scenario/types.ts';
import type { World } from '../sim/world.ts';

export interface Explanation {
  en: string;
  ko: string;
}

/** Which concept of the course this invariant belongs to (reports link to it). */
export type Concept = 'replicaset' | 'daemonset' | 'statefulset' | 'ownership' | 'workload' | 'status';

interface InvariantBase {
  id: string;
  kind: InvariantKind;
  concept: Concept;
  /** The claim in one sentence. */
  claim: Explanation;
  /** What it protects and how it can break, for learners (a short paragraph). */
  explain: Explanation;
  /** Does this claim say anything about the scenario (e.g. it has a ReplicaSet)? */
  appliesTo(scenario: Scenario): boolean;
}

/** A violation without the step/time, which the runner fills in. */
export type Finding = Pick<Violation, 'message' | 'objects'>;

export interface SafetyInvariant extends InvariantBase {
  kind: 'safety';
  /** Checks the step that just ran; `world.stepWrites` lists what it changed. */
  check(world: World): Finding[];
}

/**
 * Liveness is judged twice: when the settle time after the last event is over (`settled`), and
 * again after a further stability window (`stable`), so "converged and stays there" can be told
 * apart from "passed through the right state". `memo` carries what the first look saw.
 */
export interface LivenessContext {
  phase: 'settled' | 'stable';
  memo: Map<string, unknown>;
}

export interface LivenessInvariant extends InvariantBase {
  kind: 'liveness';
  /** Checks the settled world; each finding says why the workload has not converged. */
  check(world: World, ctx: LivenessContext): Finding[];
}

export type InvariantDef = SafetyInvariant | LivenessInvariant;
