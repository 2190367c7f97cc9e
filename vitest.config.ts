import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // PGlite and the real-server suites are memory- and CPU-bound; two workers fit this 2-core machine.
    maxWorkers: 2,
  },
});
