import { execFile, spawn } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import type { BotApiEmulator } from '../../dev/sandbox/bot-api-emulator.js';
import { BENCH_SECRET, BENCH_TOKEN } from './constants.js';
import type { UpdateFactory } from './updates.js';

const repoRoot = new URL('../..', import.meta.url).pathname;
/** Inside node_modules so the compiled files resolve packages from the project's node_modules. */
export const buildDir = `${repoRoot}node_modules/.cache/bench-build`;

/**
 * Compiles the project to JavaScript (tsc, as a deployment does) for the child processes: timing children
 * under a TypeScript loader would measure the loader. Migrations are copied beside the compiled code.
 */
export async function buildForChildren(): Promise<string> {
  cleanBuild();
  const tsc = `${repoRoot}node_modules/.bin/tsc`;
  await promisify(execFile)(tsc, ['-p', 'tsconfig.json', '--noEmit', 'false', '--outDir', buildDir], {
    cwd: repoRoot,
  }).catch((error: { stdout?: string }) => {
    // Type errors elsewhere (someone mid-edit) still emit JavaScript; only a missing output is fatal.
    if (!error.stdout?.includes('error')) throw error;
  });
  cpSync(`${repoRoot}db/migrations`, `${buildDir}/db/migrations`, { recursive: true });
  return buildDir;
}

export const cleanBuild = () => rmSync(buildDir, { recursive: true, force: true });

/** Where bundleForChildren writes the functions as deployed (Build Output API). */
const deployedDir = `${buildDir}/vercel-output`;
/** The deployed webhook function's entry. */
export const deployedTelegram = `${deployedDir}/functions/api/telegram.func/api/telegram.js`;

/**
 * The functions exactly as `npm run vercel-build` deploys them (scripts/build-functions.ts: esbuild, one
 * minified module per function split at its dynamic imports, sharp outside). Returns the webhook function's
 * JavaScript in bytes (source maps and sharp not counted).
 */
export async function bundleForChildren(): Promise<number> {
  const { buildFunctions } = await import('../build-functions.js');
  await buildFunctions(deployedDir);
  const apiDir = `${deployedDir}/functions/api/telegram.func/api`;
  const files = readdirSync(apiDir, { recursive: true, encoding: 'utf8' });
  return files
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + statSync(`${apiDir}/${file}`).size, 0);
}

export type ColdMode = 'app' | 'bundle' | 'bare';

interface ColdStartInput {
  mode: ColdMode;
  emulator: BotApiEmulator;
  /** The child's environment (the app reads its configuration from it, as on Vercel). */
  env: Record<string, string>;
  chatId: number;
  payload: { rawBody: string; apiRoot: string; token: string; secret: string };
}

export interface ColdStartRun {
  /** From spawning the process to its reply arriving at the emulator. */
  ms: number;
  /** Milliseconds since the child's own start: Node booted, the handler imported, the update handled. */
  marks: { booted: number; imported: number; handled: number };
}

function coldStart(input: ColdStartInput): Promise<ColdStartRun> {
  return new Promise((resolve, reject) => {
    let replied: number | undefined;
    let started = 0;
    const stop = input.emulator.onCall((call) => {
      if (replied === undefined && Number(call.params.chat_id) === input.chatId) {
        replied = performance.now() - started;
      }
    });
    started = performance.now();
    const child = spawn(
      process.execPath,
      [`${buildDir}/scripts/bench/cold-child.js`, input.mode, JSON.stringify(input.payload)],
      {
        cwd: repoRoot,
        env: { PATH: process.env.PATH ?? '', ...input.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.once('exit', (code) => {
      stop();
      const marks = stdout.trim().split('\n').at(-1);
      if (replied !== undefined && code === 0 && marks) resolve({ ms: replied, marks: JSON.parse(marks) });
      else reject(new Error(`${input.mode} cold start failed (exit ${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

/** `rounds` fresh processes each, app, bundled app and bare in turn, each handling one /start of a new person. */
export async function measureColdStarts(input: {
  emulator: BotApiEmulator;
  apiRoot: string;
  ids: UpdateFactory;
  env: Record<string, string>;
  rounds: number;
  /** Which to run; the bundle reads its stores from the environment, so it needs server URLs. */
  modes: ColdMode[];
}): Promise<Record<ColdMode, ColdStartRun[]>> {
  const { emulator, apiRoot, ids, env } = input;
  const runs = { app: [] as ColdStartRun[], bundle: [] as ColdStartRun[], bare: [] as ColdStartRun[] };
  for (let round = 0; round < input.rounds; round++) {
    for (const [n, mode] of input.modes.entries()) {
      const person = ids.person(30_000 + round * 3 + n);
      const rawBody = JSON.stringify(ids.text(person, '/start'));
      const payload = { rawBody, apiRoot, token: BENCH_TOKEN, secret: BENCH_SECRET };
      runs[mode].push(await coldStart({ mode, emulator, env, chatId: person.id, payload }));
    }
  }
  return runs;
}
