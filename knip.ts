import type { KnipConfig } from 'knip';

/**
 * Unused files, exports and dependencies (`npm run lint`). Entries are what something runs directly: the
 * functions, the npm scripts, the bench's child processes (run by path) and the test files. vitest.config.ts
 * and drizzle.config.ts are found by Knip's Vitest and Drizzle plugins. dev/ is no entry: only scripts/*.ts and
 * the tests reach it, so an export there that nothing imports is reported like anywhere else.
 */
const config: KnipConfig = {
  entry: ['api/**/*.ts', 'scripts/*.ts', 'scripts/bench/*-child.ts', 'tests/**/*.test.ts'],
  project: ['**/*.ts'],
  // Loaded by path, not imported: tests/support/vercel-launcher.ts forks @vercel/node's dev-server.mjs.
  ignoreDependencies: ['@vercel/node'],
};

export default config;
