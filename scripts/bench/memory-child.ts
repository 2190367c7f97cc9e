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
  /** `bundle`: the webhook function as deployed, configured by `env` as on Vercel. */
  mode: 'app' | 'bundle' | 'bare';
  /** bundle: the deployed function's entry and its environment. */
  bundle?: { path: string; env: Record<string, string>; secret: string };
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
  if (options.mode === 'bundle' && options.bundle) {
    const { path, env, secret } = options.bundle;
    Object.assign(process.env, env);
    const { default: fn } = (await import(path)) as {
      default: { fetch(request: Request): Promise<Response> };
    };
    return {
      deliver: async (body) => {
        const response = await fn.fetch(
          new Request('http://localhost/api/telegram', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
            body,
          }),
        );
        const answer = (await response.json()) as { ok?: boolean };
        return response.status === 200 && answer.ok === true;
      },
      errors: () => 0,
      async close() {
        // After the measurements: this run's keys go (its ids carry the tag), through a client of our own.
        const { deleteRunKeys, openRedis } = await import('./stores.js');
        if (options.redisUrl) {
          const redis = await openRedis({ redisUrl: options.redisUrl });
          await deleteRunKeys(redis.redis, options.tag);
          await redis.close();
        }
      },
    };
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
const maxRssMb = process.resourceUsage().maxRSS / 1024;

interface SampleNode {
  selfSize: number;
  callFrame: { url: string };
  children?: SampleNode[];
}

/** `telegraf`, `lib/infra/redis.js`, `(node)`, … for where an allocation was made. */
function ownerOf(url: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg && !url.includes('/.cache/')) return pkg[1]!;
  if (!url) return '(native/V8)';
  if (url.startsWith('node:')) return '(node)';
  const own = /\/(lib|scripts|dev|db|api)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

/**
 * Bytes allocated per update, after the run (so the sampler's overhead is not in the RSS figures): V8's
 * sampling heap profiler, counting objects the garbage collector has already freed too, over `n` more
 * updates of the same mix. With the top owners of those bytes.
 */
async function allocationPerUpdate(n: number) {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  });
  const end = next + n;
  const sampled = async () => {
    while (next < end) {
      const i = next++;
      const person = ids.person(20_000 + (i % options.users));
      const command = Math.floor(i / options.users) % 2 === 0 ? '/start' : '/offers';
      await handler.deliver(JSON.stringify(ids.text(person, command)));
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, sampled));
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as {
    profile: { head: SampleNode };
  };
  session.disconnect();
  const owners = new Map<string, number>();
  let total = 0;
  const walk = (node: SampleNode) => {
    if (node.selfSize > 0) {
      total += node.selfSize;
      const owner = ownerOf(node.callFrame.url);
      owners.set(owner, (owners.get(owner) ?? 0) + node.selfSize);
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(profile.head);
  const top = [...owners]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([owner, bytes]) => ({ owner, kbPerUpdate: bytes / n / 1024 }));
  return { kbPerUpdate: total / n / 1024, top };
}
const allocation = await allocationPerUpdate(1_000);

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
  // getrusage's ru_maxrss: the process's peak resident set (KiB on Linux), setup included, taken before
  // the allocation sampling.
  maxRssMb,
  allocatedKbPerUpdate: allocation.kbPerUpdate,
  allocationTop: allocation.top,
};
await handler.close();
process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit());
