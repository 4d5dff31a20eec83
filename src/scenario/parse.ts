/**
 * Scenario files (design.md §2): YAML in, a validated and defaulted {@link Scenario} out. Every
 * problem is a {@link ScenarioError} naming `file:line:col`; nothing here prints or exits.
 */
import { readFileSync } from 'node:fs';
import { validateDns1123Label } from '../model/names.ts';
import { ScenarioError } from './errors.ts';
import { isMap, readDuration, readInt, readMap, readString, requireField, typeName } from './fields.ts';
// The key lists are shared data: the JSON Schema (schema/scenario.schema.json) is generated from them.
import { METADATA_KEYS, SPEC_KEYS, TOP_KEYS } from './keys.ts';
import { parseCluster } from './parse-cluster.ts';
import { parseChaos, parseEvents } from './parse-events.ts';
import { parseObjects, type ReadText } from './parse-objects.ts';
import { parseCheck, parseControllers, parseExpect, parseSim } from './parse-options.ts';
import { checkReconciled } from './reconciled.ts';
import { checkEventReferences } from './references.ts';
import { parseSource, type SourceDoc } from './source.ts';
import type { Scenario } from './types.ts';

export const SCENARIO_API_VERSION = 'kubeprop/v1';
export const DEFAULT_SEED = 1;
export const DEFAULT_SETTLE_MS = 600_000;
export const MAX_SEED = 2 ** 32 - 1;

export interface ParseOptions {
  /** Reads `files:` manifests (default: the file system, UTF-8). */
  readText?: ReadText;
  /** A folder `files:` may also point into (`--files-root`); by default only the scenario's own. */
  filesRoot?: string;
}

const readUtf8: ReadText = (p) => readFileSync(p, 'utf8');

/**
 * Reads and parses a scenario file.
 * @throws ScenarioError for an unreadable file or any invalid content.
 */
export function loadScenarioFile(path: string, opts: ParseOptions = {}): Scenario {
  const readText = opts.readText ?? readUtf8;
  let text: string;
  try {
    text = readText(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, not a scenario file'
          : (e as Error).message;
    throw new ScenarioError(path, 1, 1, `cannot read scenario: ${why}`);
  }
  return parseScenarioText(text, path, { ...opts, readText });
}

/**
 * Parses scenario YAML. `path` names the file in messages and anchors relative `files:` paths.
 * @returns the scenario with events sorted by `at` (stable), manifests defaulted and sim options merged.
 * @throws ScenarioError for malformed YAML or anything design.md §2 does not allow.
 */
export function parseScenarioText(text: string, path: string, opts: ParseOptions = {}): Scenario {
  const src = parseSource(text, path);
  let root: unknown;
  try {
    root = src.toJS();
  } catch (e) {
    // toJS throws on alias bombs (more aliases than maxAliasCount) and similar abuse.
    throw new ScenarioError(path, 1, 1, `invalid YAML: ${(e as Error).message}`);
  }
  if (root === null || root === undefined) {
    throw new ScenarioError(
      path,
      1,
      1,
      `empty scenario file; expected apiVersion: ${SCENARIO_API_VERSION} and kind: Scenario`,
    );
  }
  if (!isMap(root))
    throw src.error(
      [],
      `a scenario must be a map with apiVersion, kind, metadata and spec, got ${typeName(root)}`,
    );
  checkHeader(src, root);
  const meta = readMap(
    src,
    ['metadata'],
    requireField(src, [], root, 'metadata', 'scenario'),
    METADATA_KEYS,
    'metadata',
  );
  const header: Header = {
    name: readName(src, meta),
    description: readDescription(src, meta, 'description') ?? '',
  };
  // Optional: Korean reports show it instead of `description`; when absent the key stays absent.
  const descriptionKo = readDescription(src, meta, 'descriptionKo');
  if (descriptionKo !== undefined) header.descriptionKo = descriptionKo;
  const spec = readMap(src, ['spec'], requireField(src, [], root, 'spec', 'scenario'), SPEC_KEYS, 'spec');
  return buildScenario(src, spec, header, opts.readText ?? readUtf8, opts.filesRoot);
}

/** What `metadata` gives a scenario. */
type Header = Pick<Scenario, 'name' | 'description' | 'descriptionKo'>;

/** `metadata.<key>` as a string, or undefined when it is absent (or null). */
function readDescription(
  src: SourceDoc,
  meta: Record<string, unknown>,
  key: 'description' | 'descriptionKo',
): string | undefined {
  const v = meta[key];
  return v == null ? undefined : readString(src, ['metadata', key], v, `metadata.${key}`);
}

function checkHeader(src: SourceDoc, root: Record<string, unknown>): void {
  readMap(src, [], root, TOP_KEYS, 'a scenario');
  const apiVersion = readString(
    src,
    ['apiVersion'],
    requireField(src, [], root, 'apiVersion', 'scenario'),
    'apiVersion',
  );
  if (apiVersion !== SCENARIO_API_VERSION) {
    throw src.error(
      ['apiVersion'],
      `unknown apiVersion "${apiVersion}"; scenario files use apiVersion: ${SCENARIO_API_VERSION}`,
    );
  }
  const kind = readString(src, ['kind'], requireField(src, [], root, 'kind', 'scenario'), 'kind');
  if (kind !== 'Scenario') {
    throw src.error(
      ['kind'],
      `unknown kind "${kind}"; a scenario file has kind: Scenario (Kubernetes manifests go under spec.objects)`,
    );
  }
}

function readName(src: SourceDoc, meta: Record<string, unknown>): string {
  const name = readString(
    src,
    ['metadata', 'name'],
    requireField(src, ['metadata'], meta, 'name', 'metadata'),
    'metadata.name',
  );
  const err = validateDns1123Label(name);
  if (err !== null) throw src.error(['metadata', 'name'], `metadata.name "${name}": ${err}`);
  return name;
}

function buildScenario(
  src: SourceDoc,
  spec: Record<string, unknown>,
  header: Header,
  readText: ReadText,
  filesRoot: string | undefined,
): Scenario {
  const scenario: Scenario = {
    ...header,
    seed: spec.seed == null ? DEFAULT_SEED : readInt(src, ['spec', 'seed'], spec.seed, 'seed', 0, MAX_SEED),
    nodes: parseCluster(src, ['spec', 'cluster'], spec.cluster),
    ...parseObjects(src, ['spec'], spec.objects, spec.files, { readText, filesRoot }),
    events: parseEvents(src, ['spec', 'events'], spec.events),
    settleMs:
      spec.settle == null ? DEFAULT_SETTLE_MS : readDuration(src, ['spec', 'settle'], spec.settle, 'settle'),
    controllers: parseControllers(src, ['spec', 'controllers'], spec.controllers),
    sim: parseSim(src, ['spec', 'sim'], spec.sim),
    source: src.file,
  };
  const chaos = parseChaos(src, ['spec', 'chaos'], spec.chaos);
  if (chaos !== undefined) scenario.chaos = chaos;
  const check = parseCheck(src, ['spec', 'check'], spec.check);
  if (check !== undefined) scenario.check = check;
  const expect = parseExpect(src, ['spec', 'expect'], spec.expect);
  if (expect !== undefined) scenario.expect = expect;
  // Last: both look across sections (a node added by an event, a pod of a set created later).
  checkReconciled(src, spec, scenario, readText);
  checkEventReferences(src, spec.events, scenario.nodes, scenario.objects);
  return scenario;
}
