import type { Config } from '../../lib/config.js';
import type { DepsOverrides } from '../../lib/deps.js';
import { redisOverBackend } from '../../lib/infra/redis.js';
import { createPgliteDatabase } from './pglite.js';
import { createMemoryBackend } from './redis-memory-backend.js';

/** The in-process Redis (with Lua), behind the same `@upstash/redis` client production uses. */
export async function createMemoryRedis(): Promise<NonNullable<DepsOverrides['redisConnection']>> {
  const backend = await createMemoryBackend();
  return { redis: redisOverBackend(backend), kind: 'memory', close: () => backend.close() };
}

/**
 * The embedded stand-ins for whatever the configuration leaves unset, handed to `createDeps` by the dev
 * scripts: PGlite (migrated on open, as a fresh clone expects) and the in-process Redis. Production code
 * never names them; `createDeps` refuses an embedded configuration that nobody provided.
 */
export async function embeddedStores(config: Config): Promise<DepsOverrides> {
  const [database, redisConnection] = await Promise.all([
    config.database.kind === 'pglite' ? createPgliteDatabase(config.database.dir) : undefined,
    config.redis.kind === 'memory' ? createMemoryRedis() : undefined,
  ]);
  await database?.migrate();
  return { database, redisConnection };
}
