import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPgliteDatabase } from '../../dev/embedded/pglite.js';
import { createMemoryRedis } from '../../dev/embedded/stores.js';
import { createDatabase, type Database } from '../../lib/infra/db.js';
import { createRedis, type RedisConnection } from '../../lib/infra/redis.js';

/**
 * Stores for one test file. With TEST_DATABASE_URL / TEST_REDIS_URL (CI sets them) the suites run on the
 * real servers; without them on the embedded stand-ins: PGlite in memory and the in-process Redis.
 */
export const realPostgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const realRedisUrl = process.env.TEST_REDIS_URL || undefined;
export const storeLabel = `${realPostgresUrl ? 'postgres' : 'pglite'}+${realRedisUrl ? 'redis' : 'memory'}`;

/** A test database; `url` (real server only) lets another process, e.g. a launched function, open it too. */
export type TestDatabase = Database & { url?: string };

/** A fresh, migrated database: a throwaway database on the real server, or an in-memory PGlite. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (!realPostgresUrl) {
    const database = await createPgliteDatabase();
    await database.migrate();
    return database;
  }
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: realPostgresUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(realPostgresUrl);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'pg', url: url.toString() });
  await database.migrate();
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: realPostgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A Redis of its own: a numbered database per test worker on the real server (flushed), or in-process. */
export async function createTestRedis(): Promise<RedisConnection> {
  if (!realRedisUrl) return createMemoryRedis();
  const url = new URL(realRedisUrl);
  const worker = Number(process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? 1);
  url.pathname = `/${1 + (worker % 15)}`;
  const connection = await createRedis({ kind: 'redis', url: url.toString() });
  await connection.redis.flushdb();
  return connection;
}
