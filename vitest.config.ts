import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

const ROOTS = ['properties', 'src', 'test'];

/**
 * Test files that swap modules or globals (vi.mock, spies, stubs), change the working directory, or
 * look at which modules the process has loaded (createRequire(...).cache).
 */
const SWAPS = /\bvi\.(mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\b|process\.chdir\(|createRequire\(/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : testFiles(path);
    return e.name.endsWith('.test.ts') ? [path] : [];
  });
}

const swapping = ROOTS.flatMap(testFiles).filter((f) => SWAPS.test(readFileSync(f, 'utf8')));

/**
 * Where `npm test` spent its time on 2 cores: vitest runs `cores - 1` workers by default (one, on 2
 * cores), and importing the simulator afresh into every test file was about 45 % of the CPU. So:
 * as many workers as cores (the main process is idle once files are transformed), and the test
 * files share one module graph per worker (`isolate: false`): the simulator keeps its state in
 * each run's World, and module-level state is only caches. Files that swap modules, spy on globals,
 * change directory or inspect the module cache (found by scanning them, so a new one cannot be
 * missed) stay isolated, each in a fresh process, so nothing they swap leaks into another file.
 */
export default defineConfig({
  test: {
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: availableParallelism(),
    projects: [
      { extends: true, test: { name: 'isolated', include: swapping, isolate: true } },
      {
        extends: true,
        test: {
          name: 'shared',
          include: ROOTS.map((r) => `${r}/**/*.test.ts`),
          exclude: ['**/node_modules/**', ...swapping],
          isolate: false,
        },
      },
    ],
  },
});
