import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (stryker.config.json, `npm run mutation`): the
 * property suites, which are what must catch a broken plan or a broken invariant, and the unit
 * test of the shrinker. The fast-check seed is pinned in vitest.setup.ts: Stryker re-selects tests
 * by name and @fast-check/vitest names embed the seed.
 */
export default defineConfig({
  test: {
    include: ['properties/*.property.test.ts', 'src/run/shrink.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
