/**
 * The in-memory form of a scenario after parsing, validation and defaulting (design.md §2).
 * Everything a run needs is here, as plain data, so a scenario round-trips through a replay file.
 */
import type { ScenarioEvent } from '../chaos/registry.ts';
import type { ChaosSpec } from '../chaos/types.ts';
import type { ControllerName, KObject } from '../model/types.ts';
import { DEFAULT_SIM_OPTIONS, type NodeSpec, type SimOptions } from '../sim/options.ts';

// Declared by the layers that read them (docs/architecture.md): the simulator its options and
// nodes, chaos its events (a union per `do:` kind, from each fault's fields) and its spec.
export { type ChaosSpec, DEFAULT_SIM_OPTIONS, type NodeSpec, type ScenarioEvent, type SimOptions };

export interface ExpectSpec {
  holds: string[];
  violates: string[];
}

/** Which implementation each controller runs: `correct` or a named mutant (tests and teaching only). */
export type ControllerSelection = Partial<Record<ControllerName, string>>;

/**
 * A manifest of a kind kubeprop does not model (ConfigMap, Secret, Ingress, a custom resource...),
 * skipped rather than rejected so real manifest folders can be used as they are.
 */
export interface IgnoredManifest {
  /** The file that holds it (the scenario itself for `spec.objects`). */
  file: string;
  line: number;
  col: number;
  apiVersion: string;
  kind: string;
  /** `metadata.name`, or '' when it has none. */
  name: string;
  /** Why it was skipped (`kubeprop does not model ConfigMap`). */
  reason: string;
}

export interface Scenario {
  name: string;
  description: string;
  /** `metadata.descriptionKo`: the description in Korean, shown by Korean reports when present. */
  descriptionKo?: string;
  seed: number;
  nodes: NodeSpec[];
  /** Manifests with Kubernetes defaults applied, in file order. */
  objects: KObject[];
  /** Manifests skipped because kubeprop does not model their kind; absent when there are none. */
  ignoredManifests?: IgnoredManifest[];
  /** Scripted events, sorted by `at` (stable). Chaos is already expanded into this list for runs. */
  events: ScenarioEvent[];
  chaos?: ChaosSpec;
  /** Liveness must hold within this long after the last event, ms. */
  settleMs: number;
  /** Invariant ids to check; undefined = every invariant that applies. */
  check?: string[];
  expect?: ExpectSpec;
  controllers: ControllerSelection;
  sim: SimOptions;
  /** Where the scenario came from (for messages); not part of the run. */
  source?: string;
}
