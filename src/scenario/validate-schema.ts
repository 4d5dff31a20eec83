/**
 * Strict schema validation of manifests, as `kubectl apply --validate=strict` does it: an unknown
 * field, a value of the wrong type or a value outside an enum is rejected, with a "did you mean"
 * for misspelt fields. The schema is the Kubernetes OpenAPI schema of the kinds kubeprop models,
 * vendored in openapi/k8s-schema.json (its `x-source` says where it came from).
 *
 * The JSON is read and the ajv validator compiled on first use, once per process and kind, so
 * commands that never parse a manifest (`kubeprop explain`) do not pay for it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { didYouMean } from '../model/suggest.ts';
import { type Check, invalid, isRecord, type ManifestError, required, unsupported } from './validate-util.ts';

interface K8sSchema {
  /** Modelled kind → its definition. */
  'x-kinds': Record<string, string>;
  /** Every built-in Kubernetes kind → its apiVersions. */
  'x-builtin-kinds': Record<string, string[]>;
  definitions: Record<string, unknown>;
}

const SCHEMA_URL = new URL('./openapi/k8s-schema.json', import.meta.url);
const INT32_MAX = 2_147_483_647;
const INT32_MIN = -2_147_483_648;
/** `resource.Quantity`'s parse rule (k8s.io/apimachinery/pkg/api/resource/quantity.go). */
const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const QUANTITY_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
/** RFC 3339, as metav1.Time unmarshals it. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

let schema: K8sSchema | undefined;
let ajv: AjvClass | undefined;
// Loaded on first use: commands that never validate a manifest do not even import ajv.
const requireCjs = createRequire(import.meta.url);
const validators = new Map<string, ValidateFunction>();

function loadSchema(): K8sSchema {
  schema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as K8sSchema;
  return schema;
}

function isInt32(n: number): boolean {
  return Number.isInteger(n) && n >= INT32_MIN && n <= INT32_MAX;
}

/**
 * The ajv instance. `strict` checks the schema itself; the parse path turns those checks and the
 * code optimiser off (compiling takes a fifth of the time) and a test compiles it with them on.
 */
export function makeAjv(strict = false): AjvClass {
  const { Ajv } = requireCjs('ajv') as typeof import('ajv');
  const a = new Ajv({
    allErrors: true,
    verbose: true,
    allowUnionTypes: true,
    strict,
    validateSchema: strict,
    code: { optimize: strict },
  });
  // Kubernetes' extensions are annotations here: int-or-string and preserve-unknown-fields are
  // spelled out as `type: [integer, string]` and "no additionalProperties" by the generator.
  a.addVocabulary(['x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields']);
  a.addFormat('int32', { type: 'number', validate: isInt32 });
  a.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  a.addFormat('int-or-string', { type: 'number', validate: isInt32 });
  a.addFormat('quantity', { type: 'string', validate: (s: string) => QUANTITY.test(s) });
  a.addFormat('date-time', { type: 'string', validate: (s: string) => DATE_TIME.test(s) });
  const { definitions } = loadSchema();
  a.addSchema({ $id: 'k8s', definitions });
  return a;
}

function validatorFor(definition: string): ValidateFunction {
  let v = validators.get(definition);
  if (v === undefined) {
    ajv ??= makeAjv();
    v = ajv.compile({ $ref: `k8s#/definitions/${definition}` });
    validators.set(definition, v);
  }
  return v;
}

/** The apiVersions Kubernetes serves `kind` in, or undefined for a kind it does not have built in. */
export function builtinApiVersions(kind: string): readonly string[] | undefined {
  const versions = loadSchema()['x-builtin-kinds'];
  return Object.hasOwn(versions, kind) ? versions[kind] : undefined;
}

/** Every built-in kind, for "did you mean" on a misspelt kind. */
export function builtinKinds(): readonly string[] {
  return Object.keys(loadSchema()['x-builtin-kinds']);
}

/** Why Kubernetes rejects some unknown fields; added to the message. */
const HINTS: Readonly<Record<string, string>> = {
  'DaemonSet spec.replicas': 'a DaemonSet runs one pod per eligible node',
};

/**
 * Checks a manifest of a modelled kind against its schema.
 * @param pass `shape`: unknown fields, types, enums and formats (checked before the semantic
 *   checks, as the API server's decoder rejects them before validation runs); `required`: missing
 *   required fields (after, so the semantic checks report those they know in Kubernetes' words).
 * @returns the problem that comes first in the document, or null.
 */
export function checkSchema(obj: Record<string, unknown>, kind: string, pass: 'shape' | 'required'): Check {
  const definition = loadSchema()['x-kinds'][kind];
  if (definition === undefined) return null;
  const data = withoutNulls(obj);
  const validate = validatorFor(definition);
  if (validate(data)) return null;
  const errors = (validate.errors ?? []).filter((e) => (e.keyword === 'required') === (pass === 'required'));
  let best: { key: number[]; err: ManifestError } | undefined;
  for (const e of errors) {
    const path = segments(e);
    const key = docOrder(data, path);
    if (best === undefined || compareKeys(key, best.key) < 0)
      best = { key, err: toManifestError(e, path, kind) };
  }
  return best?.err ?? null;
}

/**
 * A copy without null-valued map entries: `labels:` with nothing after it, or an explicit `null`,
 * means "unset" to the API server (a nil pointer, slice or map), not a value of the wrong type.
 */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = withoutNulls(x);
  return out;
}

/** The error's location as map keys and list indexes, including an unknown field's own name. */
function segments(e: ErrorObject): Array<string | number> {
  const parts = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/');
  const out: Array<string | number> = parts.map((p) => {
    const s = p.replaceAll('~1', '/').replaceAll('~0', '~');
    return /^\d+$/.test(s) ? Number(s) : s;
  });
  if (e.keyword === 'additionalProperties') out.push(String(e.params.additionalProperty));
  if (e.keyword === 'required') out.push(String(e.params.missingProperty));
  return out;
}

/** Position of each segment among its siblings (YAML key order is kept by the parser). */
function docOrder(data: unknown, path: ReadonlyArray<string | number>): number[] {
  const key: number[] = [];
  let node = data;
  for (const seg of path) {
    if (Array.isArray(node) && typeof seg === 'number') {
      key.push(seg);
      node = node[seg];
    } else if (isRecord(node)) {
      const i = Object.keys(node).indexOf(String(seg));
      key.push(i < 0 ? Number.MAX_SAFE_INTEGER : i);
      node = node[String(seg)];
    } else break;
  }
  return key;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** `spec.template.spec.containers[0].image`, the field syntax of the API server's messages. */
function fieldOf(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : out === '' ? seg : `.${seg}`;
  return out;
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  boolean: 'a boolean',
};

function toManifestError(e: ErrorObject, path: ReadonlyArray<string | number>, kind: string): ManifestError {
  const field = fieldOf(path);
  switch (e.keyword) {
    case 'additionalProperties':
      return unknownField(e, field, kind);
    case 'required':
      return required(field);
    case 'type': {
      const types = ([] as string[]).concat(e.params.type as string | string[]);
      return invalid(field, e.data, `must be ${types.map((t) => TYPE_WORDS[t] ?? t).join(' or ')}`);
    }
    case 'enum':
      return unsupported(field, e.data, e.params.allowedValues as string[]);
    case 'format':
      return formatError(field, e.data, String(e.params.format));
    default:
      return invalid(field, e.data, e.message ?? 'is invalid');
  }
}

function unknownField(e: ErrorObject, field: string, kind: string): ManifestError {
  const name = String(e.params.additionalProperty);
  const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  const known = Object.keys(parent?.properties ?? {});
  const hint = HINTS[`${kind} ${field}`];
  let message = `${field}: unknown field "${name}"`;
  if (hint !== undefined) message += ` (${hint})`;
  else {
    const guess = didYouMean(name, known);
    if (guess !== '') message += guess;
    else if (known.length > 0 && known.length <= 12) message += ` (known fields: ${known.join(', ')})`;
  }
  return { field, message, key: true };
}

function formatError(field: string, value: unknown, format: string): ManifestError {
  if (format === 'quantity') return invalid(field, value, QUANTITY_MESSAGE);
  if (format === 'date-time') return invalid(field, value, 'must be an RFC 3339 date-time');
  const n = value as number;
  if (!Number.isInteger(n)) return invalid(field, value, 'must be an integer');
  if (format === 'int64') return invalid(field, value, 'must be an integer between -2^53 and 2^53');
  return invalid(field, value, n > 0 ? `must be no more than ${INT32_MAX}` : `must be at least ${INT32_MIN}`);
}
