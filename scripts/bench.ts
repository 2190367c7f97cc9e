/**
 * `npm run bench`: the real webhook handler, in-process, against the Bot API emulator and real Postgres/Redis
 * (BENCH_DATABASE_URL / BENCH_REDIS_URL: a throwaway database is created and dropped, Redis keys of the run
 * are deleted) or the embedded stand-ins, next to a bare Telegraf bot answering the same updates; cold starts
 * and peak RSS over 10,000 updates in fresh processes. Prints the tables and writes docs/BENCHMARKS.md.
 * Each scenario is also run under load: --load-updates new updates of it (default 1500), --concurrency in
 * flight (default 16), through the floor bot, the app and the bare bot in turn.
 * Options: --iterations <n> (default 200), --warmup <n> (default 40), --updates <n> (default 10000);
 * --quick: the warm and load tables only, printed, docs/BENCHMARKS.md left alone.
 */
import { loadavg } from 'node:os';
import { sql } from 'drizzle-orm';
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { rowsOf } from '../lib/infra/db.js';
import { benchEnv, createBenchApp } from './bench/app.js';
import { createBareBot } from './bench/bare-bot.js';
import { judgeBudgets } from './bench/budgets.js';
import {
  buildForChildren,
  bundleForChildren,
  cleanBuild,
  deployedTelegram,
  measureColdStarts,
} from './bench/cold-start.js';
import { BENCH_SECRET, BENCH_TOKEN } from './bench/constants.js';
import { writeReport } from './bench/document.js';
import { createFloorBot } from './bench/floor-bot.js';
import {
  type LoadSummary,
  recordTelegramCalls,
  runLoad,
  runScenario,
  type Summary,
  summarize,
} from './bench/measure.js';
import { measureMemory } from './bench/memory.js';
import { Probe } from './bench/probe.js';
import { coldTable, loadTable, memoryTable, scenarioTable } from './bench/report.js';
import { createScenarios } from './bench/scenarios.js';
import { seedMarketplace } from './bench/seed.js';
import { type BenchStores, deleteRunKeys, openStores } from './bench/stores.js';
import { newRunTag, UpdateFactory } from './bench/updates.js';
import { startUpstashRest } from './bench/upstash-rest.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const iterations = arg('iterations', 200);
const warmup = arg('warmup', 40);
const memoryUpdates = arg('updates', 10_000);
const loadUpdates = arg('load-updates', 1_500);
const concurrency = arg('concurrency', 16);
const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const redisUrl = process.env.BENCH_REDIS_URL || undefined;
const quick = process.argv.includes('--quick');
const COLD_ROUNDS = 5;
/** The V8 setting the memory budget is also measured with (see the budget's note). */
const TUNED_HEAP = ['--max-semi-space-size=4'];

/** A QStash configuration for the cold starts: set, so the app starts as in production; never called. */
const QSTASH_ENV = {
  QSTASH_TOKEN: 'bench-qstash-token',
  QSTASH_URL: 'http://127.0.0.1:9',
  QSTASH_CURRENT_SIGNING_KEY: 'sig_bench_current',
  QSTASH_NEXT_SIGNING_KEY: 'sig_bench_next',
  PUBLIC_URL: 'https://bench.invalid',
};

const UPSTASH_TOKEN = 'bench-upstash-token';

/** PostgreSQL / PGlite and Redis versions, for the report. */
async function serverVersions(stores: BenchStores): Promise<string> {
  const pg = rowsOf<{ v: string }>(await stores.database.db.execute(sql`select version() as v`))[0]?.v ?? '';
  const postgres = stores.databaseUrl ? `PostgreSQL ${pg.split(' ')[1]}` : `PGlite (${pg.split(' ')[1]})`;
  if (!redisUrl) return `${postgres}, in-process Redis`;
  const info = String(await stores.redisConnection.redis.eval("return redis.call('INFO', 'server')", [], []));
  return `${postgres}, Redis ${/redis_version:(\S+)/.exec(info)?.[1] ?? '?'}`;
}

/** How this run was started, for the report; a password in a URL is not written down. */
function commandLine(): string {
  const safe = (url: string) => {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  };
  return [
    databaseUrl && `BENCH_DATABASE_URL=${safe(databaseUrl)}`,
    redisUrl && `BENCH_REDIS_URL=${safe(redisUrl)}`,
    'npm run bench',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ]
    .filter(Boolean)
    .join(' ');
}

async function main() {
  const started = Date.now();
  const loadAverage = loadavg()[0]!.toFixed(2);
  const tag = newRunTag();
  const ids = new UpdateFactory(tag);
  const probe = new Probe();
  recordTelegramCalls(probe);
  const emulator = new BotApiEmulator(Number(BENCH_TOKEN.split(':')[0]));
  const apiRoot = await emulator.start();
  const stores = await openStores({ databaseUrl, redisUrl, probe, pgliteOnDisk: true });
  console.error(`bench: stores ${stores.label}, run tag ${tag}`);
  try {
    const market = await seedMarketplace(stores.database.db, ids);
    const app = await createBenchApp(stores, benchEnv(apiRoot, market.adminId));
    const bare = createBareBot(apiRoot, BENCH_TOKEN);
    const floor = createFloorBot(apiRoot, BENCH_TOKEN, stores.redisBackend, stores.sqlClient);
    const rig = { app, bare, floor, probe, emulator };
    const summaries: Summary[] = [];
    const loads: LoadSummary[] = [];
    const scenarios = createScenarios({ app, emulator, db: stores.database.db, ids, market });
    if (loadUpdates > 0) {
      // Untimed: the first concurrent run of a process pays for pool growth and JIT; no scenario should.
      await runLoad(rig, scenarios[0]!, { from: 1_000_000, updates: 500, concurrency });
    }
    for (const scenario of scenarios) {
      const errorsBefore = app.errors.length;
      const result = await runScenario(rig, scenario, { warmup, iterations });
      let runs = warmup + iterations;
      if (scenario.load !== false && loadUpdates > 0) {
        loads.push(await runLoad(rig, scenario, { from: runs, updates: loadUpdates, concurrency }));
        runs += loadUpdates;
      }
      const errors = app.errors.slice(errorsBefore);
      result.problem =
        (await scenario.verify?.(runs)) ??
        (errors.length > 0 ? `${errors.length} errors logged, e.g. ${errors[0]}` : undefined);
      const summary = summarize(result);
      summaries.push(summary);
      const load = loads.find((l) => l.name === scenario.name);
      if (load) load.problem = summary.problem;
      console.error(`bench: ${scenario.name} done`);
    }
    await app.close();
    console.log(scenarioTable(summaries));
    console.log(`\n${loadTable(loads)}`);
    if (quick) return;

    const versions = await serverVersions(stores);
    await buildForChildren();
    // Children open the embedded database themselves: PGlite is one connection, so the parent lets go.
    await stores.releasePglite();
    const env: Record<string, string> = {
      ...benchEnv(apiRoot, market.adminId),
      ...(stores.databaseUrl ? { DATABASE_URL: stores.databaseUrl } : { PGLITE_DIR: stores.pgliteDir ?? '' }),
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    };
    const servers = Boolean(stores.databaseUrl && redisUrl);
    const bundleBytes = servers ? await bundleForChildren() : 0;
    // On the servers the functions talk to Redis as in production: Upstash's REST protocol (served here
    // over the same Redis), so the production client loads, not ioredis.
    const upstash = redisUrl ? await startUpstashRest(redisUrl, UPSTASH_TOKEN) : undefined;
    // QStash configured as in production (the scheduler is built at start; nothing is published).
    const productionEnv = {
      ...env,
      ...QSTASH_ENV,
      ...(upstash
        ? { REDIS_URL: '', UPSTASH_REDIS_REST_URL: upstash.url, UPSTASH_REDIS_REST_TOKEN: UPSTASH_TOKEN }
        : {}),
    };
    let cold: Awaited<ReturnType<typeof measureColdStarts>>;
    let memory: Awaited<ReturnType<typeof measureMemory>>;
    try {
      cold = await measureColdStarts({
        emulator,
        apiRoot,
        ids,
        env: productionEnv,
        rounds: COLD_ROUNDS,
        modes: servers ? ['app', 'bundle', 'bare'] : ['app', 'bare'],
      });
      console.log(`\n${coldTable(cold)}`);
      memory = await measureMemory({
        apiRoot,
        databaseUrl,
        redisUrl,
        updates: memoryUpdates,
        tunedFlags: TUNED_HEAP,
        bundle: servers
          ? { path: deployedTelegram, env: { ...productionEnv, LOG_LEVEL: 'warn' }, secret: BENCH_SECRET }
          : undefined,
      });
    } finally {
      await upstash?.close();
    }
    console.log(`\n${memoryTable(memory)}`);

    const budgets = judgeBudgets({ summaries, loads, cold, bundleBytes, memory, embedded: !databaseUrl });
    writeReport({
      date: new Date(),
      loadAverage,
      command: commandLine(),
      stores: `${stores.label} (${versions})`,
      iterations,
      warmup,
      summaries,
      loads,
      cold,
      bundleBytes,
      memory,
      budgets,
      seconds: (Date.now() - started) / 1000,
    });
    const problems = summaries.filter((s) => s.problem);
    for (const { name, problem } of problems) console.error(`bench: ⚠ ${name}: ${problem}`);
    if (problems.length > 0) process.exitCode = 1;
    console.log(
      `\n${budgets.table}\n\nbench: wrote docs/BENCHMARKS.md in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  } finally {
    cleanBuild();
    if (redisUrl) await deleteRunKeys(stores.redisConnection.redis, tag);
    await stores.close();
    await emulator.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
