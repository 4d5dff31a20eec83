/**
 * `npm run build` (also run by `prepare` and `prepack`): compiles kubeprop into dist/ so the
 * installed package and the `kubeprop` command run plain JavaScript, with no TypeScript loader at
 * start-up (issue #14: `--help` took 0.8–0.95 s through tsx, 0.25 s bundled).
 *
 * - esbuild bundles the three entry points (the API, the vitest helpers, the CLI) as ES modules with
 *   code splitting, so the CLI's lazily imported commands stay separate chunks and `--help` loads
 *   none of the simulator. Dependencies stay external: they are the package's `dependencies`.
 * - tsc writes the `.d.ts` files (`tsconfig.build.json`); their relative `.ts` imports are rewritten
 *   to `.js`, which a consumer's TypeScript resolves to the `.d.ts` beside them (no TS5097).
 * - The vendored Kubernetes schema is copied where `validate-schema.ts` looks for it, relative to the
 *   chunk that holds it.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/**
 * Entry points: the name under dist/ → the source file. The campaign worker is loaded by URL
 * (`new URL('./campaignWorker.js', import.meta.url)` in src/run/workers/pool.ts), so it is an entry
 * of its own beside the chunks.
 */
export const ENTRY_POINTS: Readonly<Record<string, string>> = {
  index: 'src/index.ts',
  vitest: 'src/vitest/index.ts',
  clientNode: 'src/clientNode/index.ts',
  cli: 'src/cli/main.ts',
  campaignWorker: 'src/run/workers/campaignWorker.ts',
};

async function bundle(): Promise<void> {
  await build({
    absWorkingDir: root,
    entryPoints: Object.entries(ENTRY_POINTS)
      .filter(([, input]) => existsSync(join(root, input)))
      .map(([out, input]) => ({ in: input, out })),
    outdir: dist,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    // Every package import stays an import: the installed package resolves them from its dependencies.
    packages: 'external',
    logLevel: 'warning',
    // Chunks sit beside the entry points, so `new URL('./openapi/…', import.meta.url)` finds the copy below.
    chunkNames: 'chunk-[hash]',
  });
  cpSync(join(root, 'src/scenario/openapi/k8s-schema.json'), join(dist, 'openapi/k8s-schema.json'));
}

function declarations(): void {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  } catch (e) {
    // tsc still writes every .d.ts when the program has type errors. `npm ci` runs this build, and
    // a type error must not stop an install: the type check (`npm run typecheck`, .ci/run) and the
    // consumer test are where it fails.
    if (!existsSync(join(dist, 'types/src/index.d.ts'))) throw e;
    process.stderr.write('kubeprop: build: type errors above; the .d.ts were written anyway\n');
  }
  for (const file of walk(join(dist, 'types'))) {
    if (!file.endsWith('.d.ts')) continue;
    const text = readFileSync(file, 'utf8');
    const fixed = rewriteTsSpecifiers(text);
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

/** `from './x.ts'` and `import('./x.ts')` → `.js`: relative specifiers only, packages untouched. */
export function rewriteTsSpecifiers(text: string): string {
  return text.replace(/(['"])(\.{1,2}\/[^'"]*?)\.ts\1/g, '$1$2.js$1');
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

async function main(): Promise<void> {
  const started = process.hrtime.bigint();
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await bundle();
  if (!process.argv.includes('--no-types')) declarations();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`kubeprop: built dist/ in ${(ms / 1000).toFixed(1)} s\n`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
