/**
 * Generates src/scenario/openapi/k8s-schema.json, the JSON Schema that manifests are validated
 * against (strict: `additionalProperties: false` on every struct, as `kubectl apply
 * --validate=strict` rejects unknown fields).
 *
 * Input: the TypeScript declarations of kubernetes-models (devDependency), which its authors
 * generate from the Kubernetes OpenAPI spec with enums restored. We walk them with the TypeScript
 * compiler API from the kinds kubeprop models, keep only the reachable definitions, drop
 * descriptions, and name every definition as OpenAPI does (`io.k8s.api.apps.v1.StatefulSetSpec`).
 *
 * The declarations say `number` where OpenAPI says `integer` with `format: int32` or `int64`; the
 * int64 fields are listed below from the Go types (`int64` in k8s.io/api), every other integer is
 * int32, as Kubernetes types use int32 unless a field holds seconds since the epoch, user ids or
 * generations.
 *
 * Run: `npx tsx scripts/gen-k8s-schema.ts` (writes the file; `--check` only compares). A test
 * (test/scenario/k8s-schema-drift.test.ts) fails when the committed file is not what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'src/scenario/openapi/k8s-schema.json');
const require = createRequire(import.meta.url);
const MODELS_DIR = dirname(require.resolve('kubernetes-models/package.json'));
const MODELS_VERSION = (
  JSON.parse(readFileSync(join(MODELS_DIR, 'package.json'), 'utf8')) as { version: string }
).version;

/** The kinds kubeprop models, by the declaration file that holds them. */
const KINDS: ReadonlyArray<[file: string, iface: string]> = [
  ['apps/v1/ReplicaSet', 'IReplicaSet'],
  ['apps/v1/Deployment', 'IDeployment'],
  ['apps/v1/DaemonSet', 'IDaemonSet'],
  ['apps/v1/StatefulSet', 'IStatefulSet'],
  ['v1/Pod', 'IPod'],
  ['v1/Service', 'IService'],
  ['v1/PersistentVolumeClaim', 'IPersistentVolumeClaim'],
];

/** Integer fields that are int64 in the Go types (`Definition.field`); the rest are int32. */
const INT64 = new Set([
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.generation',
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta.deletionGracePeriodSeconds',
  'io.k8s.api.core.v1.PodSpec.activeDeadlineSeconds',
  'io.k8s.api.core.v1.PodSpec.terminationGracePeriodSeconds',
  'io.k8s.api.core.v1.Probe.terminationGracePeriodSeconds',
  'io.k8s.api.core.v1.SleepAction.seconds',
  'io.k8s.api.core.v1.SecurityContext.runAsUser',
  'io.k8s.api.core.v1.SecurityContext.runAsGroup',
  'io.k8s.api.core.v1.PodSecurityContext.runAsUser',
  'io.k8s.api.core.v1.PodSecurityContext.runAsGroup',
  'io.k8s.api.core.v1.PodSecurityContext.fsGroup',
  'io.k8s.api.core.v1.PodSecurityContext.supplementalGroups',
  'io.k8s.api.core.v1.Toleration.tolerationSeconds',
  'io.k8s.api.core.v1.ServiceAccountTokenProjection.expirationSeconds',
  'io.k8s.api.core.v1.LinuxContainerUser.uid',
  'io.k8s.api.core.v1.LinuxContainerUser.gid',
  'io.k8s.api.core.v1.LinuxContainerUser.supplementalGroups',
  'io.k8s.api.core.v1.PodCondition.observedGeneration',
  'io.k8s.api.core.v1.PodStatus.observedGeneration',
  'io.k8s.api.apps.v1.ReplicaSetStatus.observedGeneration',
  'io.k8s.api.apps.v1.DeploymentStatus.observedGeneration',
  'io.k8s.api.apps.v1.DaemonSetStatus.observedGeneration',
  'io.k8s.api.apps.v1.StatefulSetStatus.observedGeneration',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Condition.observedGeneration',
]);

type Schema = Record<string, unknown>;

/** Scalar aliases that OpenAPI describes by format rather than by structure. */
const ALIASES: Readonly<Record<string, Schema>> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': {
    type: ['integer', 'string'],
    format: 'int-or-string',
    'x-kubernetes-int-or-string': true,
  },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { type: ['string', 'number'], format: 'quantity' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string', format: 'date-time' },
};

/** `kubernetes-models/apps/v1/X.d.ts` → `io.k8s.api.apps.v1.X`, as the OpenAPI spec names it. */
function definitionName(file: string, name: string): string {
  const rel = relative(dirname(dirname(MODELS_DIR)), file)
    .split(sep)
    .join('/');
  const base = name.replace(/^I(?=[A-Z])/, '');
  const m =
    /^(?:node_modules\/)?(@kubernetes-models\/apimachinery|kubernetes-models)\/(.*)\/[^/]+\.d\.ts$/.exec(rel);
  if (m === null) throw new Error(`unexpected declaration file ${rel}`);
  if (m[1] === '@kubernetes-models/apimachinery')
    return `io.k8s.apimachinery.pkg.${m[2]!.replaceAll('/', '.')}.${base}`;
  const parts = m[2]!.split('/');
  const group = parts.length === 1 ? 'core' : parts[0]!.replace(/\.k8s\.io$/, '').replace(/\..*$/, '');
  return `io.k8s.api.${group}.${parts.at(-1)}.${base}`;
}

class Generator {
  readonly definitions = new Map<string, Schema>();
  private readonly checker: ts.TypeChecker;

  constructor(private readonly program: ts.Program) {
    this.checker = program.getTypeChecker();
  }

  /** The root schema for one kind (its interface), added to the definitions. */
  root(file: string, iface: string): string {
    const sf = this.program.getSourceFile(file);
    const decl = sf?.statements.find(
      (s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === iface,
    );
    if (decl === undefined) throw new Error(`no interface ${iface} in ${file}`);
    const ref = this.schemaOf(this.checker.getTypeAtLocation(decl), '');
    return (ref.$ref as string).replace('#/definitions/', '');
  }

  private schemaOf(type: ts.Type, owner: string): Schema {
    const alias = type.aliasSymbol;
    if (alias !== undefined) {
      const decl = alias.declarations?.[0];
      if (decl !== undefined) {
        const name = definitionName(decl.getSourceFile().fileName, alias.name);
        const known = ALIASES[name];
        if (known !== undefined) return this.define(name, () => known);
      }
    }
    const f = type.flags;
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number)
      return INT64.has(owner) ? { type: 'integer', format: 'int64' } : { type: 'integer', format: 'int32' };
    if (f & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (f & ts.TypeFlags.StringLiteral)
      return { type: 'string', enum: [(type as ts.StringLiteralType).value] };
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))
      return { 'x-kubernetes-preserve-unknown-fields': true };
    if (type.isUnion()) return this.unionOf(type, owner);
    if (this.checker.isArrayType(type)) {
      const [item] = this.checker.getTypeArguments(type as ts.TypeReference);
      return { type: 'array', items: this.schemaOf(item!, owner) };
    }
    if (f & ts.TypeFlags.Object) return this.objectOf(type);
    throw new Error(`unsupported type ${this.checker.typeToString(type)} at ${owner}`);
  }

  /** A union of string literals is an enum; `true | false` is boolean. */
  private unionOf(type: ts.UnionType, owner: string): Schema {
    const parts = type.types;
    if (parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return { type: 'boolean' };
    if (parts.every((t) => t.flags & ts.TypeFlags.StringLiteral)) {
      return { type: 'string', enum: parts.map((t) => (t as ts.StringLiteralType).value).sort() };
    }
    throw new Error(`unsupported union ${this.checker.typeToString(type)} at ${owner}`);
  }

  private objectOf(type: ts.Type): Schema {
    const symbol = type.getSymbol();
    const decl = symbol?.declarations?.[0];
    if (symbol !== undefined && decl !== undefined && ts.isInterfaceDeclaration(decl)) {
      const name = definitionName(decl.getSourceFile().fileName, symbol.name);
      return this.define(name, () => this.structOf(type, name));
    }
    return this.structOf(type, '(inline)');
  }

  /** A struct (closed: `additionalProperties: false`) or a map (`additionalProperties: <value>`). */
  private structOf(type: ts.Type, name: string): Schema {
    const index = this.checker.getIndexInfoOfType(type, ts.IndexKind.String);
    const props = this.checker.getPropertiesOfType(type);
    if (index !== undefined && props.length === 0) {
      return { type: 'object', additionalProperties: this.schemaOf(index.type, name) };
    }
    if (props.length === 0) return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const p of [...props].sort((a, b) => a.name.localeCompare(b.name))) {
      const pt = this.checker.getTypeOfSymbol(p);
      properties[p.name] = this.schemaOf(pt, `${name}.${p.name}`);
      if (!(p.flags & ts.SymbolFlags.Optional)) required.push(p.name);
    }
    const out: Schema = { type: 'object', properties, additionalProperties: false };
    if (required.length > 0) out.required = required;
    return out;
  }

  /** Adds a named definition once (recursive types see the $ref while it is being built). */
  private define(name: string, build: () => Schema): Schema {
    if (!this.definitions.has(name)) {
      this.definitions.set(name, {});
      this.definitions.set(name, build());
    }
    return { $ref: `#/definitions/${name}` };
  }
}

/** Every built-in kind with its apiVersions, so an unmodelled kind can be told from a misspelt one. */
function builtinKinds(): Record<string, string[]> {
  const kinds: Record<string, Set<string>> = {};
  // Syntax only (no type checker): each kind's interface spells its apiVersion and kind as literals.
  for (const file of allKindFiles()) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('"kind": "')) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022);
    for (const s of sf.statements) {
      if (!ts.isInterfaceDeclaration(s)) continue;
      const lit = (key: string) => {
        const m = s.members.find(
          (mm) => mm.name !== undefined && ts.isStringLiteral(mm.name) && mm.name.text === key,
        );
        const t = m !== undefined && ts.isPropertySignature(m) ? m.type : undefined;
        return t !== undefined && ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)
          ? t.literal.text
          : undefined;
      };
      const kind = lit('kind');
      const apiVersion = lit('apiVersion');
      if (kind === undefined || apiVersion === undefined || kind.endsWith('List')) continue;
      kinds[kind] ??= new Set();
      kinds[kind].add(apiVersion);
    }
  }
  return Object.fromEntries(
    Object.keys(kinds)
      .sort()
      .map((k) => [k, [...kinds[k]!].sort()]),
  );
}

/** Every kind's declaration file, so builtinKinds sees all groups (not only what KINDS reach). */
function allKindFiles(): string[] {
  return ts.sys
    .readDirectory(MODELS_DIR, ['.d.ts'], ['**/_schemas/**'], ['**/*.d.ts'])
    .filter((f) => !f.includes('/_schemas/'));
}

/** The schema file's text, as the generator writes it. */
export function generateK8sSchema(): string {
  const roots = KINDS.map(([f]) => join(MODELS_DIR, `${f}.d.ts`));
  const program = ts.createProgram(roots, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    strict: false,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const gen = new Generator(program);
  const kinds: Record<string, string> = {};
  KINDS.forEach(([, iface], i) => {
    const def = gen.root(roots[i]!, iface);
    kinds[def.split('.').at(-1)!] = def;
  });
  const definitions = Object.fromEntries(
    [...gen.definitions.entries()].sort(([a], [b]) => a.localeCompare(b)),
  );
  const schema = {
    'x-source': {
      generator: 'scripts/gen-k8s-schema.ts',
      from: `kubernetes-models@${MODELS_VERSION} (TypeScript declarations generated from the Kubernetes OpenAPI spec, with enums)`,
      kubernetes: 'v1.36 (kubernetes-models 5.0.0 moved its schema to Kubernetes v1.36.0)',
      formats: 'integers are int32 unless listed as int64 in scripts/gen-k8s-schema.ts (from the Go types)',
    },
    'x-kinds': kinds,
    'x-builtin-kinds': builtinKinds(),
    definitions,
  };
  return `${JSON.stringify(schema)}\n`;
}

export const K8S_SCHEMA_PATH = OUT;

function main(): void {
  const text = generateK8sSchema();
  if (process.argv.includes('--check')) {
    const same = readFileSync(OUT, 'utf8') === text;
    console.log(
      same ? 'k8s-schema.json is up to date' : 'k8s-schema.json differs; run scripts/gen-k8s-schema.ts',
    );
    process.exitCode = same ? 0 : 1;
    return;
  }
  writeFileSync(OUT, text);
  console.log(`wrote ${relative(ROOT, OUT)}: ${text.length} bytes`);
}

// Run only as a script; the drift test imports generateK8sSchema.
if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === resolve(process.argv[1])) main();
