import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createMemoryBackend } from '../../dev/embedded/redis-memory-backend.js';
import type { Database, Db } from '../../lib/infra/db.js';
import { type CommandBackend, type RedisConnection, redisOverBackend } from '../../lib/infra/redis.js';
import { createServerBackend } from '../../lib/infra/redis-server-backend.js';
import { realRedisUrl } from './stores.js';

/** Errors as the drivers raise them when the other side is gone. */
export const connectionRefused = (port: number) =>
  Object.assign(new Error(`connect ECONNREFUSED 127.0.0.1:${port}`), { code: 'ECONNREFUSED' });
export const replyLost = () => Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } });

/** A Redis whose connection can be cut and restored (the test's real server, or the in-process one). */
export async function switchableRedis(): Promise<RedisConnection & { down: boolean }> {
  let inner: CommandBackend;
  if (realRedisUrl) {
    const url = new URL(realRedisUrl);
    url.pathname = `/${1 + (Number(process.env.VITEST_POOL_ID ?? 1) % 15)}`;
    inner = await createServerBackend(url.toString());
    await inner.run([['FLUSHDB']], false);
  } else {
    inner = await createMemoryBackend();
  }
  const state = { down: false };
  const backend: CommandBackend = {
    run: (commands, atomic) =>
      state.down ? Promise.reject(connectionRefused(6379)) : inner.run(commands, atomic),
    close: () => inner.close(),
  };
  return Object.assign(state, {
    redis: redisOverBackend(backend),
    kind: realRedisUrl ? ('redis' as const) : ('memory' as const),
    close: () => backend.close(),
  });
}

/**
 * A database whose connection can be cut (every query fails as node-postgres does when the server is
 * gone), and that can run a hook right after a write commits: the hook sees the statement's SQL and may
 * throw (the reply is lost although the write committed), wait (the handler runs out of time), or cut
 * another store; or fail a statement before it runs (`instead`: a bug that throws where that write would be).
 */
type Hook = { matches: RegExp; run: () => Promise<void> | void };
export function switchableDatabase(database: Database): Database & {
  down: boolean;
  afterCommit?: Hook;
  instead?: Hook;
} {
  const dialect = new PgDialect();
  const state: { down: boolean; afterCommit?: Hook; instead?: Hook } = {
    down: false,
  };
  const db = new Proxy(database.db, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (
        typeof value !== 'function' ||
        !['execute', 'select', 'insert', 'update', 'delete'].includes(String(property))
      ) {
        return value;
      }
      return (...args: unknown[]) => {
        if (state.down) throw connectionRefused(5432);
        if (property === 'execute' && state.instead?.matches.test(dialect.sqlToQuery(args[0] as SQL).sql)) {
          const hook = state.instead;
          state.instead = undefined;
          return Promise.resolve().then(hook.run);
        }
        const result = value.apply(target, args);
        if (property !== 'execute' || !state.afterCommit) return result;
        const text = dialect.sqlToQuery(args[0] as SQL).sql;
        const hook = state.afterCommit;
        if (!hook.matches.test(text)) return result;
        state.afterCommit = undefined;
        return Promise.resolve(result).then(async (value) => {
          await hook.run();
          return value;
        });
      };
    },
  }) as Db;
  return Object.assign(state, { ...database, db });
}
