import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryBackend } from '../dev/embedded/redis-memory-backend.js';
import { BotApiEmulator } from '../dev/sandbox/bot-api-emulator.js';
import { loadConfig } from '../lib/config.js';
import { createDeps, type Deps } from '../lib/deps.js';
import { handleTelegramWebhook } from '../lib/http/telegram-webhook.js';
import { type CommandBackend, type RedisCommand, redisOverBackend } from '../lib/infra/redis.js';
import { createServerBackend } from '../lib/infra/redis-server-backend.js';
import { createLogger } from '../lib/log.js';
import { createRuntime, type Runtime } from '../lib/runtime.js';
import { TEST_SECRET, TEST_TOKEN } from './support/app.js';
import { createTestDatabase, leaseTestRedisUrl, realRedisUrl, storeLabel } from './support/stores.js';
import { textUpdate } from './support/updates.js';

/** What reached Redis and Telegram, in order: one entry per Redis request, one per Bot API call. */
type Event = { redis: string[] } | { telegram: string };

describe(`webhook round trips (${storeLabel})`, () => {
  const events: Event[] = [];
  const telegram = new BotApiEmulator(Number(TEST_TOKEN.split(':')[0]));
  let deps: Deps;
  let runtime: Runtime;

  beforeAll(async () => {
    const apiRoot = await telegram.start();
    telegram.onCall((call) => events.push({ telegram: call.method }));
    const lease = realRedisUrl ? await leaseTestRedisUrl(realRedisUrl) : undefined;
    const server = lease ? await createServerBackend(lease.url) : undefined;
    const inner: CommandBackend = server
      ? {
          run: server.run.bind(server),
          close: async () => {
            await server.close();
            await lease?.release();
          },
        }
      : await createMemoryBackend();
    await inner.run([['FLUSHDB']], false); // this file's database: update ids repeat across files
    const backend: CommandBackend = {
      run: (commands: RedisCommand[], atomic) => {
        events.push({ redis: commands.map((c) => `${String(c[0]).toUpperCase()} ${String(c[1])}`) });
        return inner.run(commands, atomic);
      },
      close: () => inner.close(),
    };
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: apiRoot,
      TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
    });
    deps = await createDeps(config, {
      database: await createTestDatabase(),
      redisConnection: {
        redis: redisOverBackend(backend),
        kind: realRedisUrl ? 'redis' : 'memory',
        close: () => backend.close(),
      },
      log: createLogger('silent'),
    });
    runtime = createRuntime(deps);
    // The first update of a process loads the rate limiter's script (NOSCRIPT, then EVAL): not the steady state.
    await deliver(textUpdate({ id: 7100, first_name: 'Warm' }, '/start'));
  });
  afterAll(async () => {
    await deps?.redis.flushdb();
    await deps?.close();
    await telegram.stop();
  });
  beforeEach(() => {
    events.length = 0;
  });

  const deliver = (update: ReturnType<typeof textUpdate>) =>
    handleTelegramWebhook(runtime, {
      method: 'POST',
      secretHeader: TEST_SECRET,
      rawBody: JSON.stringify(update),
    });
  const redisRequests = (list: Event[]) => list.flatMap((e) => ('redis' in e ? [e.redis] : []));
  const beforeReply = () =>
    events.slice(
      0,
      events.findIndex((e) => 'telegram' in e),
    );

  it('claims, rate-limits and reads the session in one Redis request before replying', async () => {
    const person = { id: 7101, first_name: 'Una' };
    await deliver(textUpdate(person, '/start'));
    const [request, ...more] = redisRequests(beforeReply());
    expect(more).toEqual([]);
    expect(request).toEqual([
      expect.stringMatching(/^SET update:/),
      expect.stringMatching(/^EVALSHA /),
      `GETEX session:${person.id}`,
    ]);
  });

  it('writes a session back only when the update changed it', async () => {
    const person = { id: 7102, first_name: 'Sam' };
    await deliver(textUpdate(person, '/start')); // a new person: the session is created
    expect(redisRequests(events).flat()).toContain(`SET session:${person.id}`);
    events.length = 0;
    await deliver(textUpdate(person, '/help')); // reads it, changes nothing
    expect(
      redisRequests(events)
        .flat()
        .filter((c) => c.startsWith('SET session:')),
    ).toEqual([]);
  });
});
