/**
 * `npm run load`: a bounded load test of `npm run dev` in webhook mode. Starts the dev server's entry point
 * (scripts/dev.ts) on 127.0.0.1 with the Bot API emulator as Telegram, seeds a few venues and offers, then
 * fires a fixed number of webhook POSTs (/start, /offers, offer details, from many people), a fixed number
 * at a time, for at most 30 s. Loopback only. Reports updates a second and the error rate, and writes them
 * into docs/BENCHMARKS.md. Stores: embedded by default; BENCH_DATABASE_URL / BENCH_REDIS_URL as for the bench.
 * Options: --requests <n> (default 3000), --concurrency <n> (default 16), --seconds <n> (at most 30).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteDatabase } from '../dev/embedded/pglite.js';
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { BENCH_SECRET, BENCH_TOKEN } from './bench/constants.js';
import { startDev, stopDev } from './bench/dev-process.js';
import { writeLoadSection } from './bench/document.js';
import { fire, type LoadPlan, loadSection } from './bench/load-run.js';
import { seedMarketplace } from './bench/seed.js';
import { deleteRunKeys, openDatabase, openRedis } from './bench/stores.js';
import { newRunTag, UpdateFactory } from './bench/updates.js';

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const plan: LoadPlan = {
  requests: arg('requests', 3_000),
  concurrency: arg('concurrency', 16),
  seconds: Math.min(30, arg('seconds', 30)),
};
const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const redisUrl = process.env.BENCH_REDIS_URL || undefined;

/** A migrated, seeded database for the server: a throwaway one on the real server, or a PGlite directory. */
async function prepareDatabase(ids: UpdateFactory) {
  if (databaseUrl) {
    const { database, url } = await openDatabase({ databaseUrl });
    const market = await seedMarketplace(database.db, ids);
    return { env: { DATABASE_URL: url!, PGLITE_DIR: '' }, market, close: () => database.close() };
  }
  const dir = mkdtempSync(join(tmpdir(), 'load-pglite-'));
  const database = await createPgliteDatabase(dir);
  await database.migrate();
  const market = await seedMarketplace(database.db, ids);
  await database.close(); // PGlite is one connection: the server opens the directory next
  return {
    env: { DATABASE_URL: '', PGLITE_DIR: dir },
    market,
    close: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function main() {
  const tag = newRunTag();
  const ids = new UpdateFactory(tag);
  const emulator = new BotApiEmulator(Number(BENCH_TOKEN.split(':')[0]));
  const apiRoot = await emulator.start();
  const database = await prepareDatabase(ids);
  let dev: Awaited<ReturnType<typeof startDev>> | undefined;
  try {
    dev = await startDev({
      ...database.env,
      BOT_TOKEN: BENCH_TOKEN,
      BOT_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: BENCH_SECRET,
      TELEGRAM_API_ROOT: apiRoot,
      ADMIN_TELEGRAM_IDS: String(database.market.adminId),
      REDIS_URL: redisUrl ?? '',
      RATE_LIMIT_MAX_REQUESTS: '10000',
      LOG_LEVEL: 'warn',
      PORT: '0',
    });
    console.error(
      `load: dev server at ${dev.url}; ${plan.requests} requests, ${plan.concurrency} at a time, ≤ ${plan.seconds} s`,
    );
    const result = await fire(dev.url, ids, database.market, plan);
    const stores = `${databaseUrl ? 'Postgres' : 'PGlite'} + ${redisUrl ? 'Redis' : 'in-process Redis'}`;
    const text = loadSection(result, plan, stores, emulator.calls.length);
    writeLoadSection(text);
    console.log(text.replace(/<!--.*-->\n?/g, ''));
  } finally {
    if (dev) await stopDev(dev.child);
    await database.close();
    if (redisUrl) {
      const redis = await openRedis({ redisUrl });
      await deleteRunKeys(redis.redis, tag);
      await redis.close();
    }
    await emulator.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
