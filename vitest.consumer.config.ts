import { defineConfig } from 'vitest/config';

/** `npm run test:consumer`: the packed kubeprop installed into a fresh project (test/consumer). */
export default defineConfig({
  test: {
    include: ['test/consumer/*.e2e.ts'],
    testTimeout: 300_000,
    hookTimeout: 600_000,
  },
});
