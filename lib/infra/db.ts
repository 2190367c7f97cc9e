import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Pool } from 'pg';
import journal from '../../db/migrations/meta/_journal.json' with { type: 'json' };
import * as schema from '../../db/schema.js';
import type { Config } from '../config.js';
import { OutageError } from '../errors.js';
import { STATEMENT_TIMEOUT_MS } from '../limits.js';

/** One handle type for every driver: Neon HTTP, node-postgres and PGlite all fit it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: Config['database']['kind'];
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** A database server named by URL; the embedded kind is dev-only. */
export type ServerDatabase = Extract<Config['database'], { url: string }>;

export const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/**
 * Picks the driver by configuration. Drivers are imported lazily so a cold start loads only the one it uses.
 * - neon: Neon's HTTP driver (one round trip per statement, no interactive transactions: every atomic write
 *   in this codebase is a single SQL statement for that reason).
 * - pg: node-postgres pool for any other Postgres.
 *
 * The embedded PGlite is not here: dev/embedded provides it to local runs and tests, so no function bundle
 * can reach it.
 */
export async function createDatabase(options: ServerDatabase): Promise<Database> {
  switch (options.kind) {
    case 'neon': {
      const { neon } = await import('@neondatabase/serverless');
      const { drizzle } = await import('drizzle-orm/neon-http');
      const { migrate } = await import('drizzle-orm/neon-http/migrator');
      const db = drizzle({ client: neon(options.url), schema });
      return {
        db: db as unknown as Db,
        kind: 'neon',
        migrate: () => migrate(db, { migrationsFolder }),
        close: async () => {},
      };
    }
    case 'pg': {
      const { default: pg } = await import('pg');
      const { drizzle } = await import('drizzle-orm/node-postgres');
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      // Serverless functions keep few connections; a local server can use more.
      const pool = new pg.Pool({
        connectionString: options.url,
        max: 5,
        connectionTimeoutMillis: 5_000,
        // Server-side, so a statement stuck on a lock is cancelled (and rolled back) inside the handler's budget.
        statement_timeout: STATEMENT_TIMEOUT_MS,
      });
      pool.on('error', () => {}); // idle-client errors surface on the next query instead of crashing the process
      markOutages(pool, pg.DatabaseError);
      const db = drizzle({ client: pool, schema });
      return {
        db: db as unknown as Db,
        kind: 'pg',
        migrate: () => migrate(db, { migrationsFolder }),
        close: () => pool.end(),
      };
    }
  }
}

/**
 * node-postgres reports a connection it could not make or lost as a plain Error ("Connection terminated
 * unexpectedly", "timeout exceeded when trying to connect"), often without a code; a statement the server
 * refused is a DatabaseError carrying its SQLSTATE. So, by class: whatever the pool throws that the server
 * didn't say (and that isn't a TypeError/RangeError from our own arguments) becomes OutageError('database'),
 * and nothing downstream has to read messages. Server-side "shutting down" SQLSTATEs are recognised by
 * `isOutage` from their codes.
 */
function markOutages(pool: Pool, serverError: new (...args: never[]) => Error) {
  const asOutage = (error: unknown) =>
    error instanceof serverError || error instanceof TypeError || error instanceof RangeError
      ? error
      : new OutageError('database', error);
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? result.catch((error) => Promise.reject(asOutage(error))) : result;
  }) as Pool['query'];
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    const result = connect(...args);
    return result instanceof Promise ? result.catch((error) => Promise.reject(asOutage(error))) : result;
  }) as Pool['connect'];
}

/** The newest migration applied to this database, by its drizzle-kit tag, or null before any. */
export async function appliedMigration(db: Db): Promise<string | null> {
  // Before the first migration the table does not exist; reading it would fail instead of saying "none".
  const table = await db.execute(
    sql`select (to_regclass('drizzle.__drizzle_migrations') is not null)::int as present`,
  );
  if (Number(rowsOf<{ present: number | string }>(table)[0]?.present) !== 1) return null;
  const result = await db.execute(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const last = rowsOf<{ created_at: string | number }>(result)[0];
  if (!last) return null;
  const when = Number(last.created_at);
  return journal.entries.find((entry) => entry.when === when)?.tag ?? `unknown (${when})`;
}

/** Rows of a raw `db.execute`, whichever driver answered (pg/neon return `{ rows }`, some return arrays). */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
