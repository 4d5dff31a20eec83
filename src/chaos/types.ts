/**
 * A fault (event) kind: plain data in, one effect on the world out. One file per kind, registered in
 * registry.ts, so adding a fault means one new file and one registry line.
 */
import type { Scenario, ScenarioEvent } from '../scenario/types.ts';
import type { Rng } from '../sim/prng.ts';
import type { World } from '../sim/world.ts';
import type { FaultEffect } from '../trace/messages.ts';

/** A field that failed validation: which one and why (the parser adds file:line:col). */
export interface FieldError {
  field: string;
  message: string;
}

/** What applying an event did. A reference to something absent is a skip, never an error. */
export type ApplyOutcome = { applied: true; effect: FaultEffect } | { applied: false; reason: string };

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

/** The workload kinds a `target` may name (lower-case, as in `statefulset/web`). */
export type WorkloadKind = 'replicaset' | 'daemonset' | 'statefulset' | 'deployment';

/**
 * How one event field is read, as data: the parser's validator (unknown field, required, type,
 * range) and the JSON Schema for editors are both derived from it (fieldCheck.ts,
 * scenario/schema.ts), so the two cannot drift.
 */
export type FieldType =
  /** A non-empty string, optionally one of `enum`. */
  | { type: 'string'; enum?: readonly string[] }
  | { type: 'int'; min: number; max: number }
  /** `500ms`, `30s`, `5m`; stored as ms after parsing. */
  | { type: 'duration' }
  | { type: 'boolean' }
  /** A label map; with `removable` a null value removes that label (a patch). */
  | { type: 'labels'; removable: boolean }
  /** One taint `{key, value?, effect}`. */
  | { type: 'taint' }
  /** A list of taints. */
  | { type: 'taints' }
  /** `<kind>/<name>`; kubectl short names (`sts/web`) are normalised to `statefulset/web`. */
  | { type: 'target'; kinds?: readonly WorkloadKind[] }
  /** A pod name, `{owner, index}` or `{owner, node}`. */
  | { type: 'pod' }
  /** One of the workload controllers. */
  | { type: 'controller' }
  /** A free-form map; `hint` ends the type message (`\`patch\` must be <hint>`). */
  | { type: 'map'; hint: string }
  /** A Kubernetes manifest, checked by the fault's own `validate` hook. */
  | { type: 'manifest' };

/** One declared event field: its type, whether it is required and a line for the docs. */
export type FieldSpec = FieldType & { required?: boolean; doc: string };

/** The fields of an event kind besides `at` and `do`, in the order they are checked. */
export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

export interface FaultDef {
  /** The `do:` value. */
  kind: string;
  /** One line for `--help` and reports. */
  summary: { en: string; ko: string };
  /** Which controllers' workloads this fault is meaningful for (chaos default kinds). */
  appliesTo: ReadonlyArray<'replicaset' | 'daemonset' | 'statefulset' | 'deployment'>;
  /**
   * The event's own fields (not `at`/`do`). The parser rejects unknown fields and checks each
   * declared one (required, type, range) before `validate` runs.
   */
  fields: FieldSpecs;
  /** Cross-field rules the declarations cannot express, run after them; null when valid. */
  validate?(ev: Readonly<Record<string, unknown>>): FieldError | null;
  /** A one-line YAML example for the docs (without `at:`), e.g. `{do: crash-node, node: node-a}`. */
  example?: string;
  /** Short readable label, e.g. `crash-node node-a`. */
  describe(ev: ScenarioEvent): string;
  /** Applies the event to the world at its time. */
  apply(world: World, ev: ScenarioEvent): ApplyOutcome;
  /** Draws a random instance for `chaos:` (null when nothing fits now). */
  generate?(ctx: ChaosContext, rng: Rng): ScenarioEvent | null;
}
