/**
 * A fault (event) kind: plain data in, one effect on the world out. One file per kind, registered in
 * registry.ts, so adding a fault means one new file and one registry line.
 */
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import type { Rng } from '../sim/prng.ts';
import type { World } from '../sim/world.ts';

/** A field that failed validation: which one and why (the parser adds file:line:col). */
export interface FieldError {
  field: string;
  message: string;
}

/** What applying an event did. A reference to something absent is a skip, never an error. */
export type ApplyOutcome = { applied: true; text: string } | { applied: false; reason: string };

/** What a random generator knows about the scenario when it draws a fault. */
export interface ChaosContext {
  scenario: Scenario;
  /** Node names that exist at the start or are added by earlier generated events. */
  nodeNames: string[];
  /** Workload targets `<kind>/<name>` in the scenario. */
  targets: string[];
  /** Simulated time at which the fault will fire. */
  at: number;
}

export interface FaultDef {
  /** The `do:` value. */
  kind: string;
  /** One line for `--help` and reports. */
  summary: { en: string; ko: string };
  /** Which controllers' workloads this fault is meaningful for (chaos default kinds). */
  appliesTo: ReadonlyArray<'replicaset' | 'daemonset' | 'statefulset' | 'deployment'>;
  /** Checks the event's own fields (not `at`/`do`); null when valid. */
  validate(ev: Readonly<Record<string, unknown>>): FieldError | null;
  /** Short readable label, e.g. `crash-node node-a`. */
  describe(ev: ScenarioEvent): string;
  /** Applies the event to the world at its time. */
  apply(world: World, ev: ScenarioEvent): ApplyOutcome;
  /** Draws a random instance for `chaos:` (null when nothing fits now). */
  generate?(ctx: ChaosContext, rng: Rng): ScenarioEvent | null;
}
