import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import journal from '../db/migrations/meta/_journal.json' with { type: 'json' };
import { runScript } from './support/run-script.js';

const migrate = (env: Record<string, string>) => runScript('scripts/migrate.ts', env);

describe('npm run db:migrate', () => {
  it('applies the migrations once to the embedded database, then finds nothing to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    try {
      const first = await migrate({ PGLITE_DIR: dir, NODE_ENV: 'production' });
      expect(first.code, first.output).toBe(0);
      expect(JSON.parse(first.output)).toMatchObject({ driver: 'pglite', before: null, changed: true });
      expect(JSON.parse(first.output).after).toBe(journal.entries.at(-1)!.tag);
      const second = await migrate({ PGLITE_DIR: dir });
      expect(JSON.parse(second.output)).toMatchObject({ changed: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
