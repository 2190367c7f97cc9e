/**
 * `npm run db:migrate`: applies db/migrations to whatever DATABASE_URL points at (Neon, any Postgres),
 * or to the embedded PGlite in .data/ when it is unset, then fills in what SQL alone can't (the time zone of venues
 * registered before migration 0008). Prints the newest applied migration.
 */

import { createPgliteDatabase } from '../dev/embedded/pglite.js';
import { loadConfig } from '../lib/config.js';
import { appliedMigration, createDatabase } from '../lib/infra/db.js';
import { backfillVenueZones } from '../lib/marketplace/time-zones.js';
import { loadDotEnv } from './env-file.js';

async function main() {
  loadDotEnv();
  // Only the database settings matter here, so a production environment without the rest still migrates.
  const { database: options } = loadConfig({ ...process.env, NODE_ENV: 'development', VERCEL: undefined });
  // Neon's HTTP driver can't run a migration in a transaction; its TCP endpoint takes node-postgres fine.
  const database =
    options.kind === 'pglite'
      ? await createPgliteDatabase(options.dir)
      : await createDatabase(options.kind === 'neon' ? { kind: 'pg', url: options.url } : options);
  try {
    const before = await appliedMigration(database.db);
    await database.migrate();
    const after = await appliedMigration(database.db);
    const venueZonesFilled = await backfillVenueZones(database.db);
    console.log(
      JSON.stringify(
        { driver: database.kind, before, after, changed: before !== after, venueZonesFilled },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
