/**
 * `npm run bench:profile`: where the app's CPU goes under load. Builds the bench's app over its stores
 * (BENCH_DATABASE_URL / BENCH_REDIS_URL, or the embedded stand-ins), warms it up, then records a V8 CPU
 * profile (node:inspector, only while the load runs) of --updates updates of the load mix (half /offers, a
 * quarter /start, a quarter offer details), --concurrency in flight. Writes the .cpuprofile (open it in
 * Chrome DevTools or speedscope) and prints self time by package and by function.
 * Options: --updates <n> (default 3000), --concurrency <n> (default 16), --out <file>.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { BotApiEmulator } from '../../dev/sandbox/bot-api-emulator.js';
import { benchEnv, createBenchApp } from './app.js';
import { BENCH_TOKEN } from './constants.js';
import { runConcurrently } from './measure.js';
import { seedMarketplace } from './seed.js';
import { deleteRunKeys, openStores } from './stores.js';
import { newRunTag, UpdateFactory } from './updates.js';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? (process.argv[at + 1] ?? fallback) : fallback;
};
const updates = Number(arg('updates', '3000'));
const concurrency = Number(arg('concurrency', '16'));
const out = arg('out', `bench-${Date.now()}.cpuprofile`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** `telegraf`, `@upstash/redis`, `lib/infra/redis.ts`, `(node)`, `(gc)`… for a frame's URL. */
function ownerOf(url: string, name: string): string {
  if (!url) return name.startsWith('(') ? name : '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return '(node)';
  const own = /\/(api|lib|dev|db|scripts)\/(.*)$/.exec(url);
  return own ? `${own[1]}/${own[2]}` : url;
}

function summarize(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  for (const [id, us] of self) {
    const { callFrame } = byId.get(id)!;
    const owner = ownerOf(callFrame.url, callFrame.functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + us);
    const fn = `${callFrame.functionName || '(anonymous)'} ${owner}:${callFrame.lineNumber + 1}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  }
  const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => `${pct(us)}  ${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`)
      .join('\n');
  return `self time, ${(total / 1000).toFixed(0)} ms sampled\n\nby package or file:\n${list(byOwner)}\n\nby function:\n${list(byFunction)}`;
}

async function main() {
  const tag = newRunTag();
  const ids = new UpdateFactory(tag);
  const emulator = new BotApiEmulator(Number(BENCH_TOKEN.split(':')[0]));
  const apiRoot = await emulator.start();
  const redisUrl = process.env.BENCH_REDIS_URL || undefined;
  const stores = await openStores({ databaseUrl: process.env.BENCH_DATABASE_URL || undefined, redisUrl });
  try {
    const market = await seedMarketplace(stores.database.db, ids);
    const app = await createBenchApp(stores, benchEnv(apiRoot, market.adminId));
    const body = (i: number) => {
      const person = ids.person(40_000 + (i % 500));
      const kind = i % 4;
      if (kind === 0) return JSON.stringify(ids.text(person, '/start'));
      if (kind === 3) {
        const offer = market.offers[i % market.offers.length]!;
        return JSON.stringify(ids.callback(person, `offer:view:${offer.id}`, 1));
      }
      return JSON.stringify(ids.text(person, '/offers'));
    };
    const deliver = async (rawBody: string) => {
      const { status } = await app.deliver(rawBody);
      if (status !== 200) throw new Error(`the webhook answered ${status}`);
    };
    const warm = Array.from({ length: 1000 }, (_, i) => body(i));
    await runConcurrently(warm, concurrency, deliver);
    const bodies = Array.from({ length: updates }, (_, i) => body(1000 + i));
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const run = await runConcurrently(bodies, concurrency, deliver);
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    writeFileSync(out, JSON.stringify(profile));
    console.log(
      `${updates} updates, ${concurrency} in flight: ${(updates / run.seconds).toFixed(0)} updates/s; profile in ${out}\n`,
    );
    console.log(summarize(profile as unknown as Profile));
    if (app.errors.length > 0) console.error(`${app.errors.length} errors logged, e.g. ${app.errors[0]}`);
    await app.close();
  } finally {
    if (redisUrl) await deleteRunKeys(stores.redisConnection.redis, tag);
    await stores.close();
    await emulator.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
