/**
 * The layers of src/ and the rule between them (docs/architecture.md): a file may import its own
 * layer and the layers below it; only the entry points (one rank) may import each other. Imports
 * are read with TypeScript's own parser, `import type`, `export … from` and `import()` included.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import ts from 'typescript';

/** Ranks from the bottom up; the names are top-level directories (or files) of src/. */
export const LAYERS: readonly (readonly string[])[] = [
  ['model', 'version.ts'],
  ['trace'],
  ['sim'],
  ['controllers', 'chaos'],
  ['invariants'],
  ['scenario'],
  ['run'],
  ['report'],
  ['userController'],
  ['cli', 'api', 'vitest', 'index.ts', 'clientNode'],
];

/** The entry points: the only rank whose members may import one another. */
const PEERS = new Set(LAYERS[LAYERS.length - 1]);

/**
 * Arrows forbidden although they point down: the judge states Kubernetes semantics on its own
 * (src/invariants/semantics/), since a helper shared with the accused hides the bug a mutant plants.
 */
const NEVER: Readonly<Record<string, readonly string[]>> = { invariants: ['controllers'] };

/** One import: the importing file and the imported one, both relative to the repository. */
export interface Edge {
  from: string;
  to: string;
}

/** The layer a path under src/ belongs to (`src/sim/api/store.ts` → `sim`), or undefined outside src/. */
export function layerOf(path: string): string | undefined {
  const parts = normalize(path).split(/[\\/]/);
  return parts[0] === 'src' ? parts[1] : undefined;
}

function rankOf(layer: string): number {
  return LAYERS.findIndex((rank) => rank.includes(layer));
}

/** Why an edge breaks the layering, or null when it may exist. */
export function violation(edge: Edge): string | null {
  const from = layerOf(edge.from);
  const to = layerOf(edge.to);
  if (from === undefined || to === undefined || from === to) return null;
  const a = rankOf(from);
  const b = rankOf(to);
  if (a < 0) return `${edge.from}: src/${from} is in no layer (add it to LAYERS and docs/architecture.md)`;
  if (b < 0) return `${edge.from} imports ${edge.to}: src/${to} is in no layer`;
  if (NEVER[from]?.includes(to))
    return `${edge.from} (${from}) imports ${edge.to} (${to}), which it must never see`;
  if (b < a || (a === b && PEERS.has(from) && PEERS.has(to))) return null;
  const how = a === b ? 'a sibling layer' : 'a layer above it';
  return `${edge.from} (${from}) imports ${edge.to} (${to}), ${how}`;
}

/** The relative imports of one source text, resolved against its path. */
export function importsOf(path: string, text: string): Edge[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => ({ from: path, to: normalize(join(dirname(path), name)) }));
}

/** Every TypeScript file under `dir`, relative to `root`, sorted. */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(root, path));
    else if (/\.(ts|mts|js|mjs)$/.test(e.name)) out.push(path);
  }
  return out.sort();
}

/** Every import of every file under src/. */
export function sourceEdges(root: string): Edge[] {
  return sourceFiles(root, 'src').flatMap((f) => importsOf(f, readFileSync(join(root, f), 'utf8')));
}

/** The layers present under src/ (its directories and top-level files). */
export function presentLayers(root: string): string[] {
  return [...new Set(sourceFiles(root, 'src').map((f) => layerOf(relative(root, join(root, f)))!))].sort();
}
