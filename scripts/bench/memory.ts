import { spawn } from 'node:child_process';
import { buildDir } from './cold-start.js';
import type { MemoryOptions } from './memory-child.js';
import { newRunTag } from './updates.js';

interface MemoryResult {
  mode: MemoryOptions['mode'];
  updates: number;
  failed: number;
  errorsLogged: number;
  seconds: number;
  rssBeforeMb: number;
  rssPeakSampledMb: number;
  heapTotalEndMb: number;
  heapUsedEndMb: number;
  maxRssMb: number;
  /** Bytes allocated per update (V8's sampling heap profiler, freed objects included), in KB. */
  allocatedKbPerUpdate: number;
  /** Who allocated them: packages and our files, KB per update. */
  allocationTop: Array<{ owner: string; kbPerUpdate: number }>;
}

/** Runs memory-child.js (compiled), with extra Node flags if given, and returns its result line. */
function runMemoryChild(
  options: MemoryOptions,
  { nodeFlags = [] as string[], timeoutMs = 150_000 } = {},
): Promise<MemoryResult> {
  return new Promise((resolve, reject) => {
    const script = `${buildDir}/scripts/bench/memory-child.js`;
    const child = spawn(process.execPath, [...nodeFlags, script, JSON.stringify(options)], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as MemoryResult);
      else reject(new Error(`memory run failed (exit ${code}): ${stderr.slice(0, 2000)}`));
    });
  });
}

export interface MemoryRow {
  label: string;
  result: MemoryResult;
}

/** The app with default flags, the app with `tunedFlags`, and the bare bot, over `updates` updates each. */
export async function measureMemory(input: {
  apiRoot: string;
  databaseUrl?: string;
  redisUrl?: string;
  updates: number;
  tunedFlags: string[];
  /** The deployed webhook function and its environment: measured as a row of its own. */
  bundle?: MemoryOptions['bundle'];
}): Promise<MemoryRow[]> {
  const { tunedFlags, bundle, ...stores } = input;
  const options = { ...stores, bundle, users: 1_000, concurrency: 4 };
  const rows: MemoryRow[] = [];
  const runs: Array<[string, MemoryOptions['mode'], string[]]> = [
    ['app, file by file (tsc), in the bench harness', 'app', []],
    [`the same, node ${tunedFlags.join(' ')}`, 'app', tunedFlags],
    ...(bundle
      ? [['app as deployed (bundle, Upstash REST)', 'bundle', []] as [string, 'bundle', string[]]]
      : []),
    ['bare Telegraf bot', 'bare', []],
  ];
  for (const [label, mode, nodeFlags] of runs) {
    // Each child gets its own tag: its ids (and Redis keys) never meet another run's.
    const result = await runMemoryChild(
      { ...options, mode, tag: newRunTag() },
      { nodeFlags: [...nodeFlags] },
    );
    rows.push({ label, result });
    console.error(`bench: memory (${label}) done`);
  }
  return rows;
}
