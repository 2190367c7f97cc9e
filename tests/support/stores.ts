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

/**
 * A Redis of its own: on the real server, a numbered database leased for this test file (flushed), so two
 * suites running at once on one machine (two terminals, several engineers) never flush each other's keys;
 * otherwise the in-process Redis. Leases live in database 0 and expire by themselves if a run is killed.
 */
export async function createTestRedis(): Promise<RedisConnection> {
  if (!realRedisUrl) return createMemoryRedis();
  const lease = await leaseTestRedisUrl(realRedisUrl);
  const connection = await createRedis({ kind: 'redis', url: lease.url });
  await connection.redis.flushdb();
  return {
    ...connection,
    async close() {
      await connection.close();
      await lease.release();
    },
  };
}

const LEASE_SECONDS = 1800;
const releaseIfOurs = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

/** A numbered database of the real server, for this test file alone until `release` (or 30 min pass). */
export async function leaseTestRedisUrl(
  serverUrl: string,
): Promise<{ url: string; release(): Promise<void> }> {
  const url = new URL(serverUrl);
  url.pathname = '/0';
  const leases = await createRedis({ kind: 'redis', url: url.toString() });
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    for (let database = 1; database <= 15; database++) {
      const key = `test-redis-lease:${database}`;
      if ((await leases.redis.set(key, token, { nx: true, ex: LEASE_SECONDS })) === 'OK') {
        const leased = new URL(serverUrl);
        leased.pathname = `/${database}`;
        return {
          url: leased.toString(),
          async release() {
            await leases.redis.eval(releaseIfOurs, [key], [token]);
            await leases.close();
          },
        };
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await leases.close();
  throw new Error('no free Redis database for this test file: 15 are leased (stale leases expire in 30 min)');
}
