#!/usr/bin/env node
// The package's executable. It runs the compiled dist/cli.js (built by `npm run build`, which
// `npm ci` and `npm pack` run): plain JavaScript, no TypeScript loader at start-up. In a checkout
// whose sources changed since the last build, it runs the sources through tsx (a dev dependency)
// instead, so `npx kubeprop` never runs stale code; an installed package has no src/ and always
// runs dist/. KUBEPROP_RUN_FROM=src or =dist forces one (benchmarks compare the two).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const built = join(root, 'dist/cli.js');
const sources = join(root, 'src');

/** Whether any source file is newer than the build (a few ms for the ~400 files of src/). */
function stale() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(sources, { recursive: true }).some((f) => statSync(join(sources, f)).mtimeMs > builtAt);
}

const from = process.env.KUBEPROP_RUN_FROM;
let main;
if (from === 'src' || (from !== 'dist' && existsSync(sources) && stale())) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
} else {
  ({ main } = await import('../dist/cli.js'));
}
process.exitCode = await main(process.argv.slice(2));
