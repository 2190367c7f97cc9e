import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * A copy of what `npm run db:generate` reads (drizzle.config.ts, db/schema.ts, db/migrations with its snapshots),
 * so drizzle-kit can write there as it would in the repo without touching the working tree.
 */
function copyOfRepo() {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-snapshot-'));
  cpSync(join(repoRoot, 'db'), join(dir, 'db'), { recursive: true });
  copyFileSync(join(repoRoot, 'drizzle.config.ts'), join(dir, 'drizzle.config.ts'));
  // The config imports drizzle-kit and the schema drizzle-orm.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const migrationFiles = (dir: string) =>
  readdirSync(join(dir, 'db/migrations'), { recursive: true, encoding: 'utf8' }).sort();

function generate(dir: string) {
  const run = spawnSync(
    join(repoRoot, 'node_modules/.bin/drizzle-kit'),
    ['generate', '--config', join(dir, 'drizzle.config.ts')],
    // No TTY: were drizzle-kit to ask whether something was renamed, it fails instead of waiting.
    { cwd: dir, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
  );
  const output = `${run.stdout}${run.stderr}${run.error ?? ''}`;
  // drizzle-kit's stack frames are dropped: Vitest would try to read source maps for them in a failure's message.
  return { code: run.status, output: output.replace(/^\s+at .*\n?/gm, '') };
}

describe('npm run db:generate', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('finds nothing to generate: the latest snapshot in db/migrations/meta is db/schema.ts as the migrations leave it', () => {
    dir = copyOfRepo();
    const before = migrationFiles(dir);
    const { code, output } = generate(dir);
    expect(code, output).toBe(0);
    // drizzle-kit exits with 0 even when it fails (a stale snapshot makes it ask about renames, which it can't
    // without a TTY), so its own words are the proof that it compared and found nothing.
    expect(output).toMatch(/No schema changes, nothing to migrate/);
    // A new file here means db/schema.ts changed without a migration, or a migration was written by hand without
    // its snapshot: `npm run db:generate` writes both (docs/data-model.md).
    expect(migrationFiles(dir), output).toEqual(before);
  });

  it('writes a migration of just that table when one is added to db/schema.ts (so the check above can fail)', () => {
    dir = copyOfRepo();
    appendFileSync(
      join(dir, 'db/schema.ts'),
      "\nexport const snapshotProbe = pgTable('snapshot_probe', { id: integer('id').primaryKey() });\n",
    );
    const before = migrationFiles(dir);
    const { code, output } = generate(dir);
    expect(code, output).toBe(0);
    expect(output).not.toMatch(/^Error/m);
    const added = migrationFiles(dir).filter((file) => !before.includes(file));
    const sql = added.filter((file) => file.endsWith('.sql'));
    expect(sql, output).toHaveLength(1);
    expect(readFileSync(join(dir, 'db/migrations', sql[0]!), 'utf8').trim()).toBe(
      'CREATE TABLE "snapshot_probe" (\n\t"id" integer PRIMARY KEY NOT NULL\n);',
    );
  });
});
