import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant (stryker.config.json, `npm run mutation`): the
 * property suites, which are what must catch a broken plan or a broken invariant, and the unit
 * test of the shrinker. By default only the ReplicaSet suite, because the files mutated are the
 * ReplicaSet plan, ranking and invariants: every invariant file is imported by every suite, so the
 * DaemonSet and StatefulSet suites (minutes a mutant on 2 cores) would run for mutants they cannot
 * kill. STRYKER_SUITES=replicaset,statefulset (or `all`) widens it when the mutate list grows.
 * The fast-check seed is pinned in vitest.setup.ts: Stryker re-selects tests by name and
 * @fast-check/vitest names embed the seed.
 */
const suites = (process.env.STRYKER_SUITES ?? 'replicaset').split(',');
const include = suites.includes('all')
  ? ['properties/*.property.test.ts']
  : suites.map((s) => `properties/${s}.property.test.ts`);

export default defineConfig({
  test: {
    include: [...include, 'src/run/shrink.test.ts'],
    setupFiles: ['./vitest.setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
