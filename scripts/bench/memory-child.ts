/**
 * Peak RSS over many updates, in a process of its own so the number is the handler's alone (the emulator
 * and the benchmark's bookkeeping live in the parent). `app`: stores and app built like the benchmark's,
 * bodies through the webhook handler; `bare`: the bare Telegraf bot, for the floor. `updates` bodies (mixed
 * /start and /offers from `users` people), `concurrency` at a time. Prints one JSON line with the result.
 */
import { createBareBot } from './bare-bot.js';
import { BENCH_TOKEN } from './constants.js';
import { UpdateFactory } from './updates.js';

export interface MemoryOptions {
  mode: 'app' | 'bare';
  apiRoot: string;
  databaseUrl?: string;
  redisUrl?: string;
  tag: string;
  updates: number;
  users: number;
  concurrency: number;
}

const options = JSON.parse(process.argv[2] ?? '{}') as MemoryOptions;
const ids = new UpdateFactory(options.tag, 5);
const mb = (bytes: number) => bytes / 2 ** 20;

/** Delivers a webhook body; false when it was not handled. */
type Deliver = (rawBody: string) => Promise<boolean>;

async function setUp(): Promise<{ deliver: Deliver; errors: () => number; close(): Promise<void> }> {
  if (options.mode === 'bare') {
    const bare = createBareBot(options.apiRoot, BENCH_TOKEN);
    return { deliver: (body) => bare.handle(body).then(() => true), errors: () => 0, close: async () => {} };
  }
  // Imported here, so the bare process loads none of the app.
  const { benchEnv, createBenchApp } = await import('./app.js');
  const { seedMarketplace } = await import('./seed.js');
  const { deleteRunKeys, openStores } = await import('./stores.js');
  const stores = await openStores({ databaseUrl: options.databaseUrl, redisUrl: options.redisUrl });
  const market = await seedMarketplace(stores.database.db, ids);
  const app = await createBenchApp(stores, benchEnv(options.apiRoot, market.adminId));
  return {
    deliver: async (body) => {
      const { status, body: answer } = await app.deliver(body);
      return status === 200 && answer.ok === true;
    },
    errors: () => app.errors.length,
    async close() {
      await app.close();
      if (options.redisUrl) await deleteRunKeys(stores.redisConnection.redis, options.tag);
      await stores.close();
    },
  };
}

const handler = await setUp();
const rssBefore = mb(process.memoryUsage.rss());
let rssPeakSampled = rssBefore;
let next = 0;
let failed = 0;
const started = performance.now();
async function worker() {
  while (next < options.updates) {
    const i = next++;
    const person = ids.person(20_000 + (i % options.users));
    // Each person sends /start and /offers in turn (their first /offers also gets the location nudge).
    const command = Math.floor(i / options.users) % 2 === 0 ? '/start' : '/offers';
    if (!(await handler.deliver(JSON.stringify(ids.text(person, command))))) failed++;
    if (i % 100 === 0) rssPeakSampled = Math.max(rssPeakSampled, mb(process.memoryUsage.rss()));
  }
}
await Promise.all(Array.from({ length: options.concurrency }, worker));
const seconds = (performance.now() - started) / 1000;
const heap = process.memoryUsage();

const result = {
  mode: options.mode,
  updates: options.updates,
  failed,
  errorsLogged: handler.errors(),
  seconds,
  rssBeforeMb: rssBefore,
  rssPeakSampledMb: rssPeakSampled,
  heapTotalEndMb: mb(heap.heapTotal),
  heapUsedEndMb: mb(heap.heapUsed),
  // getrusage's ru_maxrss: the process's peak resident set (KiB on Linux), setup included.
  maxRssMb: process.resourceUsage().maxRSS / 1024,
};
await handler.close();
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit());
