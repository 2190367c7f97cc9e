import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL here; migrations are applied by `npm run db:migrate` (scripts/migrate.ts),
// which picks the same driver as the app.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema.ts',
  out: './db/migrations',
});
