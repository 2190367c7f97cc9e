import type { Redis } from '@upstash/redis';
import { type Clock, systemClock } from './clock.js';
import { type Config, ConfigError } from './config.js';
import { createDatabase, type Database, type Db } from './infra/db.js';
import { createRedis, type RedisConnection } from './infra/redis.js';
import {
  createLocalScheduler,
  createQStashScheduler,
  type JobRunner,
  type Scheduler,
} from './infra/scheduler.js';
import { createLogger, type Logger } from './log.js';

/** Everything with a side effect, built once per cold start and passed down. Tests build their own. */
export interface Deps {
  config: Config;
  db: Db;
  redis: Redis;
  scheduler: Scheduler;
  clock: Clock;
  log: Logger;
  database: Database;
  redisConnection: RedisConnection;
  /** Set by whoever owns the job handlers; the local scheduler calls it when a timer fires. */
  jobRunner?: JobRunner;
  close(): Promise<void>;
}

export interface DepsOverrides {
  clock?: Clock;
  log?: Logger;
  database?: Database;
  redisConnection?: RedisConnection;
  scheduler?: Scheduler;
}

/**
 * Production code opens only servers. The embedded stand-ins live in dev/embedded and are handed over by
 * `npm run dev` and the tests; anything else that reaches this without a URL gets told what to set.
 */
function serverDatabase(config: Config) {
  if (config.database.kind === 'pglite') {
    throw new ConfigError([
      'DATABASE_URL: not set (the embedded database is only for npm run dev and tests)',
    ]);
  }
  return config.database;
}

function serverRedis(config: Config) {
  if (config.redis.kind === 'memory') {
    throw new ConfigError([
      'UPSTASH_REDIS_REST_URL/UPSTASH_REDIS_REST_TOKEN or REDIS_URL: not set (the in-process Redis is only for npm run dev and tests)',
    ]);
  }
  return config.redis;
}

export async function createDeps(config: Config, overrides: DepsOverrides = {}): Promise<Deps> {
  const log = overrides.log ?? createLogger(config.logLevel);
  const [database, redisConnection] = await Promise.all([
    overrides.database ?? createDatabase(serverDatabase(config)),
    overrides.redisConnection ?? createRedis(serverRedis(config)),
  ]);

  const deps: Deps = {
    config,
    db: database.db,
    redis: redisConnection.redis,
    clock: overrides.clock ?? systemClock,
    log,
    database,
    redisConnection,
    scheduler: undefined as unknown as Scheduler,
    async close() {
      await deps.scheduler.close();
      await Promise.allSettled([database.close(), redisConnection.close()]);
    },
  };
  deps.scheduler =
    overrides.scheduler ??
    (config.qstash && config.publicUrl
      ? await createQStashScheduler(config.qstash, config.publicUrl)
      : createLocalScheduler(log, () => deps.jobRunner));
  return deps;
}
