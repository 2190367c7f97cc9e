import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Redis } from '@upstash/redis';
import pg from 'pg';
import { createDatabase, type Database } from '../../lib/infra/db.js';
import { type CommandBackend, type RedisConnection, redisOverBackend } from '../../lib/infra/redis.js';
import { createServerBackend } from '../../lib/infra/redis-server-backend.js';
import type { FloorSql } from './floor-bot.js';
import type { Probe } from './probe.js';

/**
 * The benchmark's stores: a throwaway database on the real server and the real Redis when URLs are given
 * (BENCH_DATABASE_URL / BENCH_REDIS_URL), else the embedded stand-ins (PGlite in memory, in-process Redis).
 * With a probe, every SQL statement (at the driver) and every Redis request (at the backend, i.e. what the
 * Upstash client would send as one HTTP request) is recorded.
 */
export interface StoreOptions {
  databaseUrl?: string;
  redisUrl?: string;
  probe?: Probe;
  /** Embedded only: keep PGlite in a temporary directory (removed on close) that child processes can open. */
  pgliteOnDisk?: boolean;
}

export interface BenchStores {
  database: Database;
  redisConnection: RedisConnection;
  /** The Redis backend itself (one pipeline per call, not recorded by the probe), for the floor bot. */
  redisBackend: CommandBackend;
  /** The SQL driver under Drizzle (the pg pool or PGlite), for the floor bot's raw query. */
  sqlClient: FloorSql;
  /** `postgres+redis`, `pglite+memory`, … */
  label: string;
  /** The throwaway database's URL (real Postgres only), for child processes. */
  databaseUrl?: string;
  /** The embedded database's directory (with `pgliteOnDisk`), for child processes. */
  pgliteDir?: string;
  /** Lets go of the embedded database (one connection) so a child process can open its directory. */
  releasePglite(): Promise<void>;
  close(): Promise<void>;
}

export async function openStores(options: StoreOptions): Promise<BenchStores> {
  const [db, redis] = await Promise.all([openDatabase(options), openRedis(options)]);
  return {
    database: db.database,
    redisConnection: redis,
    redisBackend: redis.backend,
    sqlClient: (db.database.db as unknown as { $client: FloorSql }).$client,
    label: `${options.databaseUrl ? 'postgres' : 'pglite'}+${options.redisUrl ? 'redis' : 'memory'}`,
    databaseUrl: db.url,
    pgliteDir: db.dir,
    releasePglite: () => (db.dir ? db.release() : Promise.resolve()),
    async close() {
      await Promise.allSettled([db.database.close(), redis.close()]);
    },
  };
}

/** A fresh migrated database: `bench_<time>_<random>` on the server (dropped on close), or PGlite. */
export async function openDatabase(
  options: StoreOptions,
): Promise<{ database: Database; url?: string; dir?: string; release(): Promise<void> }> {
  if (!options.databaseUrl) {
    const dir = options.pgliteOnDisk ? mkdtempSync(join(tmpdir(), 'bench-pglite-')) : undefined;
    // Imported only here: a run on the servers (the memory child above all) must not carry PGlite.
    const { createPgliteDatabase } = await import('../../dev/embedded/pglite.js');
    const database = await createPgliteDatabase(dir);
    await database.migrate();
    countStatements(database, options.probe);
    const release = () => database.close().catch(() => {}); // closing twice is fine
    if (!dir) return { database, release };
    return {
      dir,
      release,
      database: {
        ...database,
        async close() {
          await release();
          rmSync(dir, { recursive: true, force: true });
        },
      },
    };
  }
  const server = options.databaseUrl;
  const name = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  await adminQuery(server, `create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const database = await createDatabase({ kind: 'pg', url: url.toString() });
  await database.migrate();
  countStatements(database, options.probe);
  return {
    url: url.toString(),
    release: async () => {},
    database: {
      ...database,
      async close() {
        await database.close();
        await adminQuery(server, `drop database if exists ${name} with (force)`);
      },
    },
  };
}

async function adminQuery(url: string, text: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

type Queryable = Record<'query' | 'exec', ((...args: unknown[]) => Promise<unknown>) | undefined>;

/** Wraps the driver under Drizzle (pg Pool `query`, PGlite `query`/`exec`): one event per statement. */
function countStatements(database: Database, probe: Probe | undefined) {
  if (!probe) return;
  const client = (database.db as unknown as { $client: Queryable }).$client;
  for (const method of ['query', 'exec'] as const) {
    const original = client[method];
    if (typeof original !== 'function') continue;
    client[method] = (...args: unknown[]) => probe.time('sql', () => original.apply(client, args));
  }
}

/** The app's Redis client over a backend whose requests are recorded (one request = one round trip). */
export async function openRedis(
  options: StoreOptions,
): Promise<RedisConnection & { backend: CommandBackend }> {
  const backend = options.redisUrl
    ? await createServerBackend(options.redisUrl)
    : await (await import('../../dev/embedded/redis-memory-backend.js')).createMemoryBackend();
  const probe = options.probe;
  const counted: CommandBackend = probe
    ? {
        run: (commands, atomic) => probe.time('redis', () => backend.run(commands, atomic), commands.length),
        close: () => backend.close(),
      }
    : backend;
  return {
    redis: redisOverBackend(counted),
    backend,
    kind: options.redisUrl ? 'redis' : 'memory',
    close: () => backend.close(),
  };
}

/**
 * Deletes the keys of one run on a shared Redis: every id the benchmark makes up carries the run's tag
 * (see ids.ts), and every key it causes names such an id. Nothing else in that Redis is touched.
 */
export async function deleteRunKeys(redis: Redis, tag: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await redis.scan(cursor, { match: `*${tag}*`, count: 1000 });
    cursor = String(next);
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== '0');
  return deleted;
}
