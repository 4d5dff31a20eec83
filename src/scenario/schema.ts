/**
 * The JSON Schema of scenario files, built from the definitions the parser itself uses: the key
 * tables of keys.ts, each fault kind's declared `fields`, the sim defaults. scripts/gen-scenario-schema.ts
 * writes it to schema/scenario.schema.json and a test fails when the committed file differs, so the
 * schema editors see and the parser's rules cannot drift apart. Manifests stay `type: object`: their
 * strict validation is the Kubernetes OpenAPI schema's job.
 */
import { allFaults } from '../chaos/registry.ts';
import type { FaultDef, FieldSpec, FieldSpecs } from '../chaos/types.ts';
import {
  CHAOS_FIELDS,
  CLUSTER_FIELDS,
  CONTROLLER_FIELDS,
  EXPECT_FIELDS,
  type JsonSchema,
  type KeyDefs,
  METADATA_FIELDS,
  NAMED_NODE_FIELDS,
  NODE_TEMPLATE_FIELDS,
  SPEC_FIELDS,
  TAINT_FIELDS,
  TOP_FIELDS,
} from './keys.ts';
import { MAX_SEED } from './parse.ts';
import { MAX_NODES, MAX_POD_CAPACITY } from './parse-cluster.ts';
import { MAX_CHAOS_COUNT } from './parse-events.ts';
import { DEFAULT_SIM_OPTIONS } from './types.ts';

/** `500ms`, `30s`, `1m30s`, `"0"` or 0, as parseDuration reads them (bare numbers need a unit). */
const DURATION: JsonSchema = {
  anyOf: [
    { type: 'string', pattern: '^\\s*((\\d+(\\.\\d*)?|\\.\\d+)(ms|s|m|h))+\\s*$|^\\s*0\\s*$' },
    { const: 0 },
  ],
  description: 'a duration with a unit: 500ms, 30s, 5m, 1h, 1m30s',
};
const NAME = '[a-z0-9]([-a-z0-9.]*[a-z0-9])?';
const LABEL_MAP: JsonSchema = { type: 'object', additionalProperties: { type: 'string' } };

/** A map whose keys are exactly `defs`, each described by `props[key]` (default: any value). */
function objectOf(defs: KeyDefs, props: Record<string, JsonSchema>, description?: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, def] of Object.entries(defs)) {
    const doc = def.default === undefined ? def.doc : `${def.doc} (default: ${def.default})`;
    const own = props[key] ?? {};
    // Written `key: null`, an optional key is absent to the parser: the schema must not object.
    const value = def.nullable === true ? { anyOf: [own, { type: 'null' }] } : own;
    properties[key] = { ...value, description: doc };
  }
  const required = Object.entries(defs)
    .filter(([, d]) => d.required === true)
    .map(([k]) => k);
  return {
    type: 'object',
    ...(description === undefined ? {} : { description }),
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/** `[Ss][Tt][Ss]`: the parser compares kinds case-insensitively; JSON Schema patterns cannot. */
function anyCase(word: string): string {
  return [...word]
    .map((c) => (/[a-z]/.test(c) ? `[${c}${c.toUpperCase()}]` : c.replace('.', '\\.')))
    .join('');
}

const KIND_FORMS: Record<string, string[]> = {
  replicaset: ['replicaset', 'replicasets', 'rs'],
  daemonset: ['daemonset', 'daemonsets', 'ds'],
  statefulset: ['statefulset', 'statefulsets', 'sts'],
  deployment: ['deployment', 'deployments', 'deploy'],
};

function targetSchema(kinds: readonly string[]): JsonSchema {
  const forms = kinds.flatMap((k) => KIND_FORMS[k] ?? [k]).map(anyCase);
  return {
    type: 'string',
    pattern: `^(${forms.join('|')})(\\.[aA][pP][pP][sS])?/${NAME}$`,
    examples: kinds.map((k) => `${k}/web`),
  };
}

const TAINT: JsonSchema = objectOf(TAINT_FIELDS, {
  key: { type: 'string' },
  value: { type: 'string' },
  effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
});

const WORKLOAD_KINDS = Object.keys(KIND_FORMS);

/** A manifest: its own strict validation follows the Kubernetes OpenAPI schema, not this one. */
const MANIFEST: JsonSchema = {
  type: 'object',
  properties: { apiVersion: { type: 'string' }, kind: { type: 'string' } },
  required: ['apiVersion', 'kind'],
};

/** The schema of one declared event field. */
export function fieldSchema(spec: FieldSpec): JsonSchema {
  const base = fieldType(spec);
  return { ...base, description: spec.doc };
}

function fieldType(spec: FieldSpec): JsonSchema {
  switch (spec.type) {
    case 'string':
      return spec.enum ? { enum: [...spec.enum] } : { type: 'string', minLength: 1 };
    case 'controller':
      return { enum: WORKLOAD_KINDS };
    case 'int':
      return { type: 'integer', minimum: spec.min, maximum: spec.max };
    case 'duration':
      return { ...DURATION };
    case 'boolean':
      return { type: 'boolean' };
    case 'labels':
      return spec.removable
        ? { type: 'object', additionalProperties: { type: ['string', 'null'] } }
        : { ...LABEL_MAP };
    case 'taint':
      return TAINT;
    case 'taints':
      return { type: 'array', items: TAINT };
    case 'target':
      return targetSchema(spec.kinds ?? WORKLOAD_KINDS);
    case 'pod':
      return POD;
    case 'map':
      return { type: 'object' };
    case 'manifest':
      return MANIFEST;
  }
}

/** `{owner, index}` or `{owner, node}` (the parser takes `node` when both are given). */
function ownerRef(by: 'index' | 'node'): JsonSchema {
  return {
    type: 'object',
    properties: {
      owner: targetSchema(WORKLOAD_KINDS),
      index: { type: 'integer', minimum: 0 },
      node: { type: 'string', minLength: 1 },
    },
    required: ['owner', by],
    additionalProperties: false,
  };
}

const POD: JsonSchema = { anyOf: [{ type: 'string', minLength: 1 }, ownerRef('index'), ownerRef('node')] };

/** `if do is <kind> then exactly its declared fields`. */
function eventRule(def: FaultDef): JsonSchema {
  const fields: FieldSpecs = def.fields;
  const properties: Record<string, unknown> = { at: true, do: true };
  for (const [name, spec] of Object.entries(fields)) properties[name] = fieldSchema(spec);
  const required = Object.entries(fields)
    .filter(([, s]) => s.required === true)
    .map(([n]) => n);
  return {
    if: { properties: { do: { const: def.kind } }, required: ['do'] },
    // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, never awaited.
    then: { properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false },
  };
}

function eventSchema(faults: readonly FaultDef[]): JsonSchema {
  return {
    type: 'object',
    properties: {
      at: { ...DURATION, description: 'when, in simulated time since the start' },
      do: { enum: faults.map((f) => f.kind), description: 'what happens (the event kind)' },
    },
    required: ['at', 'do'],
    allOf: faults.map(eventRule),
  };
}

/** Each sim knob is read by the type of its default, as parseSim reads it. */
function simSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, def] of Object.entries(DEFAULT_SIM_OPTIONS)) {
    const type: JsonSchema = Array.isArray(def)
      ? { type: 'array', items: DURATION, minItems: 2, maxItems: 2 }
      : typeof def === 'number'
        ? DURATION
        : { type: 'boolean' };
    properties[key] = {
      ...type,
      description: `default: ${JSON.stringify(def)}${Array.isArray(def) ? ' (ms)' : ''}`,
    };
  }
  return { type: 'object', properties, additionalProperties: false };
}

const ID_LIST: JsonSchema = { type: 'array', items: { type: 'string', pattern: '^[a-z]+\\.[a-z-]+$' } };

/** The whole schema, deterministic (no timestamps, fixed key order). */
export function scenarioSchema(faults: readonly FaultDef[] = allFaults()): JsonSchema {
  const node = objectOf(NAMED_NODE_FIELDS, nodeProps({ name: { type: 'string', minLength: 1 } }));
  const template = objectOf(
    NODE_TEMPLATE_FIELDS,
    nodeProps({ count: { type: 'integer', minimum: 1, maximum: MAX_NODES }, namePrefix: { type: 'string' } }),
  );
  const spec = objectOf(SPEC_FIELDS, {
    seed: { type: 'integer', minimum: 0, maximum: MAX_SEED },
    cluster: objectOf(CLUSTER_FIELDS, { nodes: { type: 'array', items: { anyOf: [node, template] } } }),
    objects: { type: 'array', items: MANIFEST },
    files: { type: 'array', items: { type: 'string', minLength: 1 } },
    events: { type: 'array', items: eventSchema(faults) },
    chaos: objectOf(CHAOS_FIELDS, {
      count: { type: 'integer', minimum: 0, maximum: MAX_CHAOS_COUNT },
      between: { type: 'array', items: DURATION, minItems: 2, maxItems: 2 },
      kinds: { type: 'array', items: { enum: faults.filter((f) => f.generate).map((f) => f.kind) } },
    }),
    settle: DURATION,
    check: ID_LIST,
    expect: objectOf(EXPECT_FIELDS, { holds: ID_LIST, violates: ID_LIST }),
    controllers: objectOf(
      CONTROLLER_FIELDS,
      Object.fromEntries(Object.keys(CONTROLLER_FIELDS).map((c) => [c, { type: 'string', minLength: 1 }])),
    ),
    sim: simSchema(),
  });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'kubeprop scenario',
    description: 'A kubeprop scenario file (docs/scenarios.md). Generated by scripts/gen-scenario-schema.ts.',
    ...objectOf(TOP_FIELDS, {
      apiVersion: { const: 'kubeprop/v1' },
      kind: { const: 'Scenario' },
      metadata: objectOf(METADATA_FIELDS, {
        name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$', maxLength: 63 },
        description: { type: 'string' },
        descriptionKo: { type: 'string' },
      }),
      spec,
    }),
  };
}

function nodeProps(own: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return {
    ...own,
    labels: LABEL_MAP,
    taints: { type: 'array', items: TAINT },
    unschedulable: { type: 'boolean' },
    podCapacity: { type: 'integer', minimum: 1, maximum: MAX_POD_CAPACITY },
  };
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function scenarioSchemaText(faults?: readonly FaultDef[]): string {
  return `${JSON.stringify(scenarioSchema(faults), null, 2)}\n`;
}
