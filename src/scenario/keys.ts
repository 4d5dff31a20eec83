/**
 * The keys of each map in a scenario file, as data: the parser rejects any other key (readMap) and
 * scripts/gen-scenario-schema.ts writes the JSON Schema from the same entries, so what the parser
 * accepts and what editors suggest cannot drift. Each key carries a line for the docs and its
 * default; the types of the values are in schema.ts, beside the readers' limits they use.
 */

/** A JSON Schema fragment (plain data, written out as JSON). */
export type JsonSchema = { [key: string]: unknown };

export interface KeyDef {
  /** One line for docs/scenarios.md and the schema's `description`. */
  doc: string;
  /** The default when the key is absent, as a user would write it. */
  default?: string;
  required?: boolean;
  /** The parser reads `key: null` as the key being absent (the schema allows null there too). */
  nullable?: boolean;
}

export type KeyDefs = Readonly<Record<string, KeyDef>>;

export const TOP_FIELDS = {
  apiVersion: { doc: 'always `kubeprop/v1`', required: true },
  kind: { doc: 'always `Scenario`', required: true },
  metadata: { doc: 'the scenario name and descriptions', required: true },
  spec: { doc: 'the cluster, the workloads, the timeline and what to check', required: true },
} as const satisfies KeyDefs;

export const METADATA_FIELDS = {
  name: { doc: 'a DNS-1123 label; names report folders and replay files', required: true },
  description: { doc: 'free text shown in reports', default: '""', nullable: true },
  descriptionKo: { doc: 'the description in Korean, shown by Korean reports (`--lang ko`)', nullable: true },
} as const satisfies KeyDefs;

export const SPEC_FIELDS = {
  seed: {
    doc: 'the seed every random choice derives from; `--seed` overrides',
    default: '1',
    nullable: true,
  },
  cluster: { doc: 'the nodes at the start', nullable: true },
  objects: {
    doc: 'Kubernetes manifests, inline (apps/v1 workloads, v1 Pod, Service, PVC)',
    default: '[]',
    nullable: true,
  },
  files: { doc: 'more manifest files, paths relative to the scenario file', default: '[]', nullable: true },
  events: { doc: 'the scripted timeline in simulated time', default: '[]', nullable: true },
  chaos: { doc: 'random events drawn from the seed, added to the timeline', nullable: true },
  settle: {
    doc: 'after the last event, liveness invariants must hold within this long',
    default: '10m',
    nullable: true,
  },
  check: { doc: 'invariant ids to check', default: 'every invariant that applies', nullable: true },
  expect: {
    doc: 'what this scenario demonstrates: invariants that must hold or be violated',
    nullable: true,
  },
  controllers: {
    doc: 'which implementation each controller runs: `correct` or a named mutant',
    nullable: true,
  },
  sim: { doc: 'simulator knobs (latencies, start delays, trace)', nullable: true },
} as const satisfies KeyDefs;

export const CLUSTER_FIELDS = {
  nodes: { doc: 'named nodes and `count:` templates', default: '[]', nullable: true },
} as const satisfies KeyDefs;

/** Keys a named node and a `count:` template share. */
const NODE_PROPS = {
  labels: { doc: 'node labels', default: '{}', nullable: true },
  taints: { doc: 'node taints `{key, value?, effect}`', default: '[]', nullable: true },
  unschedulable: { doc: 'the node starts cordoned', default: 'false' },
  podCapacity: { doc: 'how many pods the node can hold (1 to 10000)', default: '110' },
} as const satisfies KeyDefs;

export const NAMED_NODE_FIELDS = {
  name: { doc: 'the node name (DNS-1123 subdomain)', required: true },
  ...NODE_PROPS,
} as const satisfies KeyDefs;

export const NODE_TEMPLATE_FIELDS = {
  count: { doc: 'how many nodes (1 to 20000), named <namePrefix>1, <namePrefix>2, …', required: true },
  namePrefix: { doc: 'the start of each node name', default: 'node-' },
  ...NODE_PROPS,
} as const satisfies KeyDefs;

export const TAINT_FIELDS = {
  key: { doc: 'a label key', required: true },
  value: { doc: 'a label value', default: '""' },
  effect: { doc: 'NoSchedule, PreferNoSchedule or NoExecute', required: true },
} as const satisfies KeyDefs;

export const CHAOS_FIELDS = {
  count: { doc: 'how many random events (0 to 10000)', required: true },
  between: { doc: '`[from, to]`: the window they fall in', default: '[0s, 5m]' },
  kinds: { doc: 'which event kinds may be drawn', default: 'every kind that applies to the workloads' },
} as const satisfies KeyDefs;

export const EXPECT_FIELDS = {
  holds: { doc: 'invariant ids that must hold', default: '[]', nullable: true },
  violates: {
    doc: 'invariant ids that must be violated (teaching a bug with a mutant)',
    default: '[]',
    nullable: true,
  },
} as const satisfies KeyDefs;

/** The controllers `spec.controllers` may name (`deployment` is refused until its controller exists). */
export const CONTROLLER_FIELDS = {
  replicaset: { doc: 'the ReplicaSet controller variant', default: 'correct' },
  daemonset: { doc: 'the DaemonSet controller variant', default: 'correct' },
  statefulset: { doc: 'the StatefulSet controller variant', default: 'correct' },
  deployment: { doc: 'the Deployment controller variant', default: 'correct' },
  endpointslice: { doc: 'the EndpointSlice controller variant', default: 'correct' },
} as const satisfies KeyDefs;

/** The key names of a definition, for readMap's unknown-key check. */
export function keysOf(defs: KeyDefs): string[] {
  return Object.keys(defs);
}

export const TOP_KEYS = keysOf(TOP_FIELDS);
export const METADATA_KEYS = keysOf(METADATA_FIELDS);
export const SPEC_KEYS = keysOf(SPEC_FIELDS);
