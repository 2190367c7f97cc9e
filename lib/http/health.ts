import { sql } from 'drizzle-orm';
import pkg from '../../package.json' with { type: 'json' };
import { ConfigError } from '../config.js';
import type { Deps } from '../deps.js';
import { appliedMigration } from '../infra/db.js';
import { createLogger, type Logger } from '../log.js';

type StoreReport = { ok: boolean; driver: string; error?: string };

type HealthBody =
  | {
      ok: boolean;
      version: string;
      database: StoreReport & { migration?: string | null };
      redis: StoreReport;
    }
  | { ok: false; version: string; config: { problems: string[] } };

export interface HealthReport {
  status: number;
  body: HealthBody;
}

class HealthTimeout extends Error {
  constructor() {
    super('no answer in time');
    this.name = 'HealthTimeout';
  }
}

const withTimeout = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new HealthTimeout()), ms).unref()),
  ]);

/** Error codes and names are identifiers; anything else (a message, a host) never passes this. */
const identifier = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * What went wrong, in one word a public endpoint may show: `timeout`, the first code in the cause chain
 * (`ECONNREFUSED`, `ENOTFOUND`, a Postgres SQLSTATE such as `28P01`), else the error's name. Never the
 * message: drivers quote hosts, users and query parameters there.
 */
export function errorCode(error: unknown): string {
  if (error instanceof HealthTimeout) return 'timeout';
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 10) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, cause, errors } = e as { code?: unknown; cause?: unknown; errors?: unknown };
    if ((typeof code === 'string' || typeof code === 'number') && identifier.test(String(code)))
      return String(code);
    queue.push(cause, ...(Array.isArray(errors) ? errors : []));
  }
  const name = error instanceof Error ? error.name : undefined;
  return name && identifier.test(name) ? name : 'unknown';
}

/** Reachability of both stores and the newest applied migration; 503 when either store is down. */
export async function checkHealth(deps: Deps, { timeoutMs = 3_000 } = {}): Promise<HealthReport> {
  const [database, redis] = await Promise.all([
    withTimeout(
      (async () => {
        await deps.db.execute(sql`select 1`);
        return appliedMigration(deps.db);
      })(),
      timeoutMs,
    ).then(
      (migration) => ({ ok: true, driver: deps.database.kind, migration }),
      (error: unknown) => ({ ok: false, driver: deps.database.kind, error: errorCode(error) }),
    ),
    withTimeout(deps.redis.ping(), timeoutMs).then(
      () => ({ ok: true, driver: deps.redisConnection.kind }),
      (error: unknown) => ({ ok: false, driver: deps.redisConnection.kind, error: errorCode(error) }),
    ),
  ]);
  const ok = database.ok && redis.ok;
  return { status: ok ? 200 : 503, body: { ok, version: pkg.version, database, redis } };
}

/**
 * `/api/health` from the runtime's start: a configuration the runtime refused is a 503 naming the wrong
 * variables, names only; the reasons (which never quote values either) go to the function's log.
 * Any other start failure is not the configuration's, so it propagates.
 */
export async function runtimeHealth(
  runtime: Promise<{ deps: Deps }>,
  { timeoutMs, log = createLogger('error') }: { timeoutMs?: number; log?: Logger } = {},
): Promise<HealthReport> {
  let deps: Deps;
  try {
    ({ deps } = await runtime);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    log.error('config_invalid', { problems: error.problems });
    return {
      status: 503,
      body: { ok: false, version: pkg.version, config: { problems: error.variables } },
    };
  }
  return checkHealth(deps, { timeoutMs });
}
