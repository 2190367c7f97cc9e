import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DevProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const repoRoot = new URL('../..', import.meta.url).pathname;

/** Runs `npm run dev`'s entry point as a user would, with a clean environment plus `env`. */
export function runDev(env: Record<string, string>): {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
} {
  const dataDir = mkdtempSync(join(tmpdir(), 'dev-pglite-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PGLITE_DIR: dataDir, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  return { child, exited, output: () => output };
}

export async function startDev(env: Record<string, string>, timeoutMs = 60_000): Promise<DevProcess> {
  const run = runDev(env);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = run.output().match(/webhook (http:\/\/[\d.:]+)\/api\/telegram/);
    if (match) {
      return {
        url: match[1]!,
        child: run.child,
        output: run.output,
        async stop() {
          run.child.kill('SIGTERM');
          await run.exited;
        },
      };
    }
    if (run.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  run.child.kill('SIGKILL');
  throw new Error(`dev server did not start:\n${run.output()}`);
}
