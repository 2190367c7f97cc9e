import { sql } from 'drizzle-orm';
import pkg from '../../package.json' with { type: 'json' };
import { ConfigError } from '../config.js';
import type { Deps } from '../deps.js';
import { appliedMigration } from '../infra/db.js';
import { createLogger, type Logger } from '../log.js';
import { refundBacklog } from '../ops/refund-backlog.js';

type StoreReport = { ok: boolean; driver: string; error?: string };

/**
 * Issue 18: refunds still `requested` over an hour after they were written (a count, never an id or amount);
 * not ok while refunds are owed and STRIPE_SECRET_KEY, which alone can send them, is unset (`missing`).
 */
type RefundsReport = { ok: boolean; overdue: number; missing?: 'STRIPE_SECRET_KEY' };

type HealthBody =
  | {
      ok: boolean;
      version: string;
      database: StoreReport & { migration?: string | null };
      redis: StoreReport;
      refunds?: RefundsReport;
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

/**
 * Refunds owed, from the database that answered: omitted when it can't be read (the database part says why, or
 * a database older than migration 0009 has no refunds to owe).
 */
async function refundsReport(deps: Deps, timeoutMs: number): Promise<RefundsReport | undefined> {
  try {
    const { waiting, overdue } = await withTimeout(refundBacklog(deps.db, deps.clock.now()), timeoutMs);
    if (waiting > 0 && !deps.config.refunds) return { ok: false, overdue, missing: 'STRIPE_SECRET_KEY' };
    return { ok: true, overdue };
  } catch {
    return undefined;
  }
}

/**
 * Reachability of both stores, the newest applied migration and refunds overdue; 503 when either store is down,
 * or when refunds are owed that nothing can send (STRIPE_SECRET_KEY unset).
 */
export async function checkHealth(deps: Deps, { timeoutMs = 3_000 } = {}): Promise<HealthReport> {
  const [database, redis, refunds] = await Promise.all([
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
    refundsReport(deps, timeoutMs),
  ]);
  const ok = database.ok && redis.ok && (refunds?.ok ?? true);
  return {
    status: ok ? 200 : 503,
    body: { ok, version: pkg.version, database, redis, ...(refunds ? { refunds } : {}) },
  };
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
