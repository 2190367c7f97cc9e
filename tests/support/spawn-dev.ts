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

/**
 * Variables a developer's `.env` may set that would send a test's dev server to real services; empty values
 * win over `.env` (the loader keeps what is already set) and count as unset.
 */
const unsetServices = Object.fromEntries(
  [
    'DATABASE_URL',
    'REDIS_URL',
    'UPSTASH_REDIS_REST_URL',
    'UPSTASH_REDIS_REST_TOKEN',
    'KV_REST_API_URL',
    'KV_REST_API_TOKEN',
    'QSTASH_TOKEN',
    'QSTASH_URL',
    'QSTASH_CURRENT_SIGNING_KEY',
    'QSTASH_NEXT_SIGNING_KEY',
    'PUBLIC_URL',
    'BOT_MODE',
    'BOT_FORCE_POLLING',
  ].map((name) => [name, '']),
);

/** Runs `npm run dev`'s entry point as a user would, with a clean environment plus `env`, and `args`. */
export function runDev(
  env: Record<string, string>,
  args: string[] = [],
): {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
} {
  const dataDir = mkdtempSync(join(tmpdir(), 'dev-pglite-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts', ...args], {
    cwd: repoRoot,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...unsetServices,
      PGLITE_DIR: dataDir,
      PORT: '0',
      ...env,
    },
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

export async function startDev(
  env: Record<string, string>,
  { timeoutMs = 60_000, args = [] as string[] } = {},
): Promise<DevProcess> {
  const run = runDev(env, args);
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
