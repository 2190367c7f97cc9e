import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = new URL('..', import.meta.url).pathname;

function migrate(env: Record<string, string>) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/migrate.ts'], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('npm run db:migrate', () => {
  it('applies the migrations once to the embedded database, then finds nothing to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    try {
      const first = await migrate({ PGLITE_DIR: dir, NODE_ENV: 'production' });
      expect(first.code, first.output).toBe(0);
      expect(JSON.parse(first.output)).toMatchObject({ driver: 'pglite', before: null, changed: true });
      expect(JSON.parse(first.output).after).toMatch(/^0000_/);
      const second = await migrate({ PGLITE_DIR: dir });
      expect(JSON.parse(second.output)).toMatchObject({ changed: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
