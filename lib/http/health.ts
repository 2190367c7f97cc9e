import { sql } from 'drizzle-orm';
import pkg from '../../package.json' with { type: 'json' };
import type { Deps } from '../deps.js';
import { appliedMigration } from '../infra/db.js';

export interface HealthReport {
  status: number;
  body: {
    ok: boolean;
    version: string;
    database: { ok: boolean; driver: string; migration?: string | null; error?: string };
    redis: { ok: boolean; driver: string; error?: string };
  };
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);

const reason = (error: unknown) =>
  error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : 'unknown';

/** Reachability of both stores and the newest applied migration; 503 when either store is down. */
export async function checkHealth(deps: Deps): Promise<HealthReport> {
  const [database, redis] = await Promise.all([
    withTimeout(
      (async () => {
        await deps.db.execute(sql`select 1`);
        return appliedMigration(deps.db);
      })(),
      3_000,
    ).then(
      (migration) => ({ ok: true, driver: deps.database.kind, migration }),
      (error) => ({ ok: false, driver: deps.database.kind, error: reason(error) }),
    ),
    withTimeout(deps.redis.ping(), 3_000).then(
      () => ({ ok: true, driver: deps.redisConnection.kind }),
      (error) => ({ ok: false, driver: deps.redisConnection.kind, error: reason(error) }),
    ),
  ]);
  const ok = database.ok && redis.ok;
  return { status: ok ? 200 : 503, body: { ok, version: pkg.version, database, redis } };
}
