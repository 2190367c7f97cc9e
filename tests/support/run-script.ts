import { spawn } from 'node:child_process';

const repoRoot = new URL('../..', import.meta.url).pathname;

/**
 * Runs one of the project's scripts as an operator's `npm run …` would (same entry point, a clean
 * environment plus `env`), and collects everything it printed.
 */
export function runScript(script: string, env: Record<string, string>, args: string[] = []) {
  return new Promise<{ code: number | null; output: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
