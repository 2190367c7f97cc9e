import { type ChildProcess, spawn } from 'node:child_process';

const repoRoot = new URL('../..', import.meta.url).pathname;

/** `npm run dev`'s entry point in webhook mode; resolves with its base URL once it listens. */
export function startDev(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    cwd: repoRoot,
    // Empty values win over a developer's .env (variables already set are kept), so nothing else is hit.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      UPSTASH_REDIS_REST_URL: '',
      UPSTASH_REDIS_REST_TOKEN: '',
      QSTASH_TOKEN: '',
      QSTASH_CURRENT_SIGNING_KEY: '',
      QSTASH_NEXT_SIGNING_KEY: '',
      PUBLIC_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  child.stderr!.on('data', (chunk) => {
    output = (output + chunk).slice(-20_000);
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = setInterval(() => {
      const match = /webhook (http:\/\/[\d.:]+)\/api\/telegram/.exec(output);
      if (match) {
        clearInterval(poll);
        resolve({ url: match[1]!, child, output: () => output });
      } else if (child.exitCode !== null || Date.now() > deadline) {
        clearInterval(poll);
        child.kill('SIGKILL');
        reject(new Error(`the dev server did not start:\n${output}`));
      }
    }, 50);
  });
}

export async function stopDev(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
