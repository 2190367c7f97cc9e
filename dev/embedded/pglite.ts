import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from '../../db/schema.js';
import { type Database, type Db, migrationsFolder } from '../../lib/infra/db.js';

/**
 * The embedded Postgres (PGlite) for local runs and tests: persisted under `dir`, or in memory without one.
 * It lives here, outside lib/, so no production function can load it (16 MB of WebAssembly).
 */
export async function createPgliteDatabase(dir?: string): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    migrate: () => migrate(db, { migrationsFolder }),
    close: () => client.close(),
  };
}
