/**
 * A fault (event) kind: plain data in, one effect on the world out. One file per kind, registered in
 * registry.ts, so adding a fault means one new file and one registry line.
 */
import type { ControllerName, KObject, NewObject, Taint, WorkloadControllerName } from '../model/types.ts';
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
  /** The scenario's manifests (defaulted). */
  scenario: { readonly objects: readonly KObject[] };
  /** Node names that exist at the start or are added by earlier generated events. */
  nodeNames: string[];
  /** Workload targets `<kind>/<name>` in the scenario. */
  targets: string[];
  /** Simulated time at which the fault will fire. */
  at: number;
}

/** Random events drawn from the seed (`spec.chaos`; expanded into `events` before a run). */
export interface ChaosSpec {
  count: number;
  between: [number, number];
  kinds?: string[];
}

/** The workload kinds a `target` may name (lower-case, as in `statefulset/web`). */
export type WorkloadKind = WorkloadControllerName;

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
  /** A Kubernetes manifest, checked by the parser as one under spec.objects (scenario/manifests.ts). */
  | { type: 'manifest' };

/** One declared event field: its type, whether it is required and a line for the docs. */
export type FieldSpec = FieldType & { required?: boolean; doc: string };

/** The fields of an event kind besides `at` and `do`, in the order they are checked. */
export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/**
 * A duration field: ms once the parser has read it (`30s` → 30000, so replays never re-parse
 * units); events drawn by chaos carry it with its unit (`37s`), as a user would write it.
 */
export type Duration = number | string;

/** A pod reference: a pod name, `{owner, index}` or `{owner, node}`. */
export type PodRef = string | { owner: string; index?: number; node?: string };

export type { ControllerName };

/**
 * The value a declared field holds once the parser has checked it: the type is derived from the
 * declaration, so what the validator accepts and what `apply` reads cannot drift.
 */
export type FieldValue<S> = S extends { type: 'string'; enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'labels'; removable: true }
    ? Record<string, string | null>
    : S extends { type: infer T extends keyof FieldValues }
      ? FieldValues[T]
      : never;

/** What each field type holds (enums and removable labels are refined in FieldValue). */
interface FieldValues {
  string: string;
  target: string;
  int: number;
  duration: Duration;
  boolean: boolean;
  labels: Record<string, string>;
  taint: Taint;
  taints: Taint[];
  pod: PodRef;
  controller: ControllerName;
  map: Record<string, unknown>;
  manifest: NewObject;
}

type RequiredKeys<F> = { [K in keyof F]: F[K] extends { required: true } ? K : never }[keyof F];

/** The fields of an event as declared by `F`: required ones present, the others optional. */
export type EventFields<F> = {
  -readonly [K in RequiredKeys<F>]: FieldValue<F[K]>;
} & { -readonly [K in Exclude<keyof F, RequiredKeys<F>>]?: FieldValue<F[K]> };

/** What every event has: when (simulated ms since the start) and what (`do:`). */
export interface EventBase<K extends string = string> {
  at: number;
  do: K;
}

/** One event of kind `K` with the fields `F` declares, as its fault's validation produces it. */
export type FaultEvent<K extends string, F> = EventBase<K> & EventFields<F>;

export interface FaultDef<E extends EventBase = EventBase> {
  /** The `do:` value (the `do` of E: defineFault, podFault and nodeFault take both from one `kind`). */
  kind: string;
  /** One line for `--help` and reports. */
  summary: { en: string; ko: string };
  /** Which controllers' workloads this fault is meaningful for (chaos default kinds). */
  appliesTo: ReadonlyArray<ControllerName>;
  /**
   * The event's own fields (not `at`/`do`). The parser rejects unknown fields and checks each
   * declared one (required, type, range) before `validate` runs.
   */
  fields: FieldSpecs;
  /** Cross-field rules the declarations cannot express, run after them; null when valid. */
  validate?(ev: Readonly<E>): FieldError | null;
  /** A one-line YAML example for the docs (without `at:`), e.g. `{do: crash-node, node: node-a}`. */
  example?: string;
  /** Short readable label, e.g. `crash-node node-a`. */
  describe(ev: E): string;
  /** Applies the event to the world at its time. */
  apply(world: World, ev: E): ApplyOutcome;
  /** Draws a random instance for `chaos:` (null when nothing fits now). */
  generate?(ctx: ChaosContext, rng: Rng): E | null;
  /** For the docs, a fault `chaos:` draws only together with others (no `generate` of its own): how. */
  drawnWith?: string;
}

/**
 * Declares a fault: its event type is derived from `kind` and `fields`, so `describe`, `apply`
 * and `generate` read typed fields without casts.
 */
export function defineFault<const K extends string, const F extends FieldSpecs>(
  def: FaultDef<FaultEvent<K, F>> & { kind: K; fields: F },
): FaultDef<FaultEvent<K, F>> {
  return def;
}
