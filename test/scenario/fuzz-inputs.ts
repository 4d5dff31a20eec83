/**
 * Random and mutated scenario texts for fuzzing the parser and the CLI (issue #10 item 7): the
 * committed scenarios and bad-input fixtures with keys deleted, types swapped, huge numbers, deep
 * nesting, odd Unicode, truncated or spliced text. Inputs stay under MAX_INPUT_CHARS, so a run's
 * time is bounded by the parser's speed, not by the generator. Shared by the fuzz property (npm
 * test) and bench/fuzz.bench.ts (the long run).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
export const MAX_INPUT_CHARS = 64 * 1024;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

/** The seeds: every committed scenario and scenario fixture, good and bad. */
export const SEED_FILES: readonly string[] = [
  ...yamlFiles(join(ROOT, 'scenarios')),
  ...yamlFiles(join(ROOT, 'test', 'scenario', 'fixtures')),
  ...yamlFiles(join(ROOT, 'test', 'scenario', 'fixtures', 'bad')),
];
export const SEED_TEXTS: readonly string[] = SEED_FILES.map((f) => readFileSync(f, 'utf8'));

/** Values that break assumptions: huge, negative, fractional, special floats, odd strings. */
const ODD_SCALARS: readonly unknown[] = [
  0,
  -1,
  1.5,
  2 ** 31,
  2 ** 53 + 1,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  '30',
  '-5s',
  '1e9h',
  '∞',
  '\u202eevil\u202c',
  'a\u0000b',
  '\ufeffbom',
  '🚀🚀',
  '\ud800',
  'ｓｔｓ/web',
  'x'.repeat(300),
  null,
  true,
  false,
  [],
  {},
];

const ODD_TEXT: readonly string[] = [
  '\t',
  '\r\n',
  '\u0000',
  '\u2028',
  '\ufeff',
  '\u200b',
  '&a',
  '*a',
  '!!binary ',
  '!!js/function ',
  '<<: *x',
  '{',
  ']',
  '"',
  "'",
  '---\n',
  '...\n',
  '? ',
  '{[k]: v}',
  '? [a]\n: b\n',
  '|',
  '>-',
  '%YAML 1.1\n',
  '한국어',
  '🚀',
  '.nan',
  '.inf',
  '0x1F',
  '0o17',
];

type Tree = unknown;
type Mutation = (tree: Tree, rng: () => number) => Tree;

function pick<T>(xs: readonly T[], rng: () => number): T {
  return xs[Math.floor(rng() * xs.length)]!;
}

/** Every container (map or list) in the tree with its path. */
function containers(tree: Tree): Array<Record<string, unknown> | unknown[]> {
  const out: Array<Record<string, unknown> | unknown[]> = [];
  const walk = (v: unknown, depth: number) => {
    if (v === null || typeof v !== 'object' || depth > 40) return;
    out.push(v as Record<string, unknown>);
    for (const c of Object.values(v)) walk(c, depth + 1);
  };
  walk(tree, 0);
  return out;
}

function keysOf(c: Record<string, unknown> | unknown[]): Array<string | number> {
  return Array.isArray(c) ? c.map((_, i) => i) : Object.keys(c);
}

function set(c: Record<string, unknown> | unknown[], k: string | number, v: unknown): void {
  (c as Record<string | number, unknown>)[k] = v;
}

const deleteKey: Mutation = (tree, rng) => {
  const c = pick(containers(tree), rng);
  const keys = keysOf(c);
  if (keys.length === 0) return tree;
  const k = pick(keys, rng);
  if (Array.isArray(c)) c.splice(Number(k), 1);
  else delete (c as Record<string, unknown>)[k as string];
  return tree;
};

/** Replaces a value with another type: the odd scalars, a list of it, a map of it. */
const swapType: Mutation = (tree, rng) => {
  const c = pick(containers(tree), rng);
  const keys = keysOf(c);
  if (keys.length === 0) return tree;
  const k = pick(keys, rng);
  const old = (c as Record<string | number, unknown>)[k];
  const forms = [pick(ODD_SCALARS, rng), [old], { x: old }, String(old), Number(old)];
  set(c, k, pick(forms, rng));
  return tree;
};

/** Wraps a value in up to 300 levels of lists or maps. */
const nest: Mutation = (tree, rng) => {
  const c = pick(containers(tree), rng);
  const keys = keysOf(c);
  if (keys.length === 0) return tree;
  const k = pick(keys, rng);
  let v = (c as Record<string | number, unknown>)[k];
  const depth = 1 + Math.floor(rng() * 300);
  for (let i = 0; i < depth; i++) v = rng() < 0.5 ? [v] : { [pick(['a', 'spec', 'at', 'do'], rng)]: v };
  set(c, k, v);
  return tree;
};

/** Adds a key that may or may not be known, with an odd value. */
const addKey: Mutation = (tree, rng) => {
  const maps = containers(tree).filter((c) => !Array.isArray(c));
  if (maps.length === 0) return tree;
  const keys = [
    'at',
    'do',
    'node',
    'pod',
    'target',
    'replicas',
    'for',
    'count',
    'seed',
    'settle',
    'kinds',
    'files',
    'objects',
    'owner',
    'index',
    'x',
    '__proto__',
    'constructor',
  ];
  set(pick(maps, rng), pick(keys, rng), pick(ODD_SCALARS, rng));
  return tree;
};

const TREE_MUTATIONS: readonly Mutation[] = [deleteKey, swapType, nest, addKey];

/** Text-level damage: truncation, splicing odd characters, duplicating a slice, deep brackets. */
function damageText(text: string, rng: () => number): string {
  const at = Math.floor(rng() * (text.length + 1));
  switch (Math.floor(rng() * 5)) {
    case 0:
      return text.slice(0, at);
    case 4: {
      // Deep nesting in flow style, past what a recursive parser's stack holds.
      const depth = 1 + Math.floor(rng() * 5000);
      return `${text.slice(0, at)}${'['.repeat(depth)}${']'.repeat(depth)}${text.slice(at)}`;
    }
    case 1:
      return text.slice(0, at) + pick(ODD_TEXT, rng) + text.slice(at);
    case 2: {
      const end = Math.min(text.length, at + Math.floor(rng() * 200));
      return text.slice(0, end) + text.slice(at);
    }
    default:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(rng() * 20));
  }
}

/** Each seed parsed once (null when it is not a YAML map): mutations start from a copy. */
const SEED_TREES = new Map<string, Tree | null>();

function seedTree(text: string): Tree | null {
  if (!SEED_TREES.has(text)) {
    let tree: Tree | null = null;
    try {
      tree = parse(text, { uniqueKeys: false, maxAliasCount: 100, logLevel: 'silent' });
    } catch {
      tree = null;
    }
    SEED_TREES.set(text, tree !== null && typeof tree === 'object' ? tree : null);
  }
  const tree = SEED_TREES.get(text);
  return tree == null ? null : structuredClone(tree);
}

/**
 * Applies `steps` random mutations to a seed: tree mutations on a copy of the parsed seed (written
 * back as YAML once), then text damage. A deterministic function of its arguments.
 */
export function mutate(seedText: string, steps: number, seed: number): string {
  let state = seed >>> 0 || 1;
  // xorshift32: a small deterministic stream, so a counterexample is the (seed, steps, text) triple.
  const rng = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const treeSteps = Array.from({ length: steps }, () => rng() < 0.6).filter(Boolean).length;
  let tree = treeSteps > 0 ? seedTree(seedText) : null;
  let text = seedText;
  if (tree !== null) {
    for (let i = 0; i < treeSteps; i++) tree = pick(TREE_MUTATIONS, rng)(tree, rng);
    text = stringify(tree, { aliasDuplicateObjects: false });
  }
  const textSteps = tree === null ? steps : steps - treeSteps;
  for (let i = 0; i < textSteps; i++) text = damageText(text, rng);
  return text.slice(0, MAX_INPUT_CHARS);
}

/** A mutated seed text, or (one time in ten) arbitrary text: the fuzzer's input. */
export const scenarioText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        file: fc.nat(SEED_TEXTS.length - 1),
        steps: fc.integer({ min: 1, max: 6 }),
        seed: fc.integer({ min: 1, max: 0x7fffffff }),
      })
      .map(({ file, steps, seed }) => mutate(SEED_TEXTS[file]!, steps, seed)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2000 }) },
);
