import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `@vercel/node`'s own launcher (the dev-server `vercel dev` forks per function), serving one `api/*` entry
 * with the request helpers on, as production runs it. Two ways:
 * - from source: cwd = the repository, `--import tsx`, entry `api/<name>.ts`;
 * - from `vercel build` output: cwd = `.vercel/output/functions/api/<name>.func`, plain `node`, entry = the
 *   `.vc-config.json` handler (`api/<name>.js`), so only the files Vercel traced into the function resolve.
 */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const devServer = join(repoRoot, 'node_modules/@vercel/node/dist/dev-server.mjs');

export interface LaunchedFunction {
  /** Base URL: requests go to `${url}/api/<name>` (the launcher serves its one entry on any path). */
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export interface LaunchOptions {
  /** Entry relative to `cwd`: `api/telegram.ts` from source, `api/telegram.js` in a `.func` folder. */
  entry: string;
  cwd: string;
  /** Load the entry through tsx (source); built output runs on plain node. */
  tsx: boolean;
  /** The function's environment; the child sees only this plus PATH and HOME, as a deployment would. */
  env: Record<string, string>;
  timeoutMs?: number;
}

export function launchFunction(options: LaunchOptions): Promise<LaunchedFunction> {
  const child: ChildProcess = fork(devServer, [], {
    cwd: options.cwd,
    execArgv: options.tsx ? ['--import', 'tsx'] : [],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      ...options.env,
      VERCEL_DEV_ENTRYPOINT: options.entry,
      VERCEL_DEV_CONFIG: '{}',
      VERCEL_DEV_BUILD_ENV: '{}',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `${options.entry}: the launcher sent no port within ${options.timeoutMs ?? 30_000} ms\n${output}`,
        ),
      );
    }, options.timeoutMs ?? 30_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`${options.entry}: the launcher exited (${code ?? signal}) before listening\n${output}`),
      );
    });
    child.once('message', (message) => {
      clearTimeout(timer);
      const { port } = message as { port: number };
      resolve({ url: `http://127.0.0.1:${port}`, output: () => output, stop });
    });
  });
}

/** A function folder of `vercel build` output and what its `.vc-config.json` says. */
export interface BuiltFunction {
  name: string;
  dir: string;
  config: { handler: string; runtime: string; launcherType?: string; shouldAddHelpers?: boolean } & Record<
    string,
    unknown
  >;
}

/** Every `*.func` folder under `<output>/functions`, by route name (`api/jobs/expire-offer`). */
export function builtFunctions(outputDir: string): Map<string, BuiltFunction> {
  const root = join(outputDir, 'functions');
  const found = new Map<string, BuiltFunction>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const path = join(dir, entry.name);
      if (entry.name.endsWith('.func')) {
        const name = relative(root, path).replace(/\.func$/, '');
        found.set(name, {
          name,
          dir: path,
          config: JSON.parse(readFileSync(join(path, '.vc-config.json'), 'utf8')),
        });
      } else walk(path);
    }
  };
  if (existsSync(root)) walk(root);
  return found;
}

/** Files of a function folder (relative paths), symlinks included, for "what shipped" assertions. */
export function filesOf(dir: string): string[] {
  const files: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(dir, path));
    }
  };
  walk(dir);
  return files;
}
