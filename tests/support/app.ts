import type { Update } from 'telegraf/types';
import { BotApiEmulator } from '../../dev/sandbox/bot-api-emulator.js';
import type { Clock } from '../../lib/clock.js';
import { type Config, loadConfig } from '../../lib/config.js';
import { createDeps, type Deps } from '../../lib/deps.js';
import { handleTelegramWebhook, type WebhookResponse } from '../../lib/http/telegram-webhook.js';
import type { Database } from '../../lib/infra/db.js';
import type { RedisConnection } from '../../lib/infra/redis.js';
import { createLogger } from '../../lib/log.js';
import { createRuntime, type Runtime } from '../../lib/runtime.js';
import { FakeQStash } from './fake-qstash.js';
import { createTestDatabase, createTestRedis } from './stores.js';
import { people } from './updates.js';

export const TEST_TOKEN = '123456:TEST-token-for-the-fake-bot-api-000';
export const TEST_SECRET = 'test-webhook-secret';

export interface TestApp {
  telegram: BotApiEmulator;
  /** Present when the app was created with `{ qstash: true }`: jobs are published to it. */
  qstash?: FakeQStash;
  deps: Deps;
  runtime: Runtime;
  logs: Array<Record<string, unknown>>;
  /** Delivers an update through the real webhook policy, as Telegram would. */
  deliver(update: Update, secret?: string): Promise<WebhookResponse>;
  close(): Promise<void>;
}

export const QSTASH_KEYS = { current: 'sig_current_key_for_tests', next: 'sig_next_key_for_tests' };
export const PUBLIC_URL = 'https://bot.example.test';

export async function createTestApp(
  env: Record<string, string> = {},
  options: {
    qstash?: boolean;
    clock?: Clock;
    handlerTimeoutMs?: number;
    /** Stores of the test's own making (e.g. ones whose connection it can cut). */
    database?: Database;
    redisConnection?: RedisConnection;
  } = {},
): Promise<TestApp> {
  const telegram = new BotApiEmulator(Number(TEST_TOKEN.split(':')[0]));
  const apiRoot = await telegram.start();
  const qstash = options.qstash ? new FakeQStash() : undefined;
  const qstashEnv = qstash
    ? {
        QSTASH_URL: await qstash.start(),
        QSTASH_TOKEN: 'qstash-test-token',
        QSTASH_CURRENT_SIGNING_KEY: QSTASH_KEYS.current,
        QSTASH_NEXT_SIGNING_KEY: QSTASH_KEYS.next,
        PUBLIC_URL,
      }
    : {};
  const config: Config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_WEBHOOK_SECRET: TEST_SECRET,
    ADMIN_TELEGRAM_IDS: String(people.admin.id),
    LOG_LEVEL: 'info',
    ...qstashEnv,
    ...env,
  });
  const logs: Array<Record<string, unknown>> = [];
  const log = createLogger('debug', {}, (line) => logs.push(JSON.parse(line)));
  const [database, redisConnection] = await Promise.all([
    options.database ?? createTestDatabase(),
    options.redisConnection ?? createTestRedis(),
  ]);
  const deps = await createDeps(config, { database, redisConnection, log, clock: options.clock });
  const runtime = createRuntime(deps, { handlerTimeoutMs: options.handlerTimeoutMs });
  return {
    telegram,
    qstash,
    deps,
    runtime,
    logs,
    deliver: (update, secret = TEST_SECRET) =>
      handleTelegramWebhook(runtime, {
        method: 'POST',
        secretHeader: secret,
        rawBody: JSON.stringify(update),
      }),
    async close() {
      await deps.close();
      await telegram.stop();
      await qstash?.stop();
    },
  };
}

/** A clock tests move by hand, so time rules are tested without sleeping. */
export function manualClock(start = new Date()): Clock & { advance(ms: number): void; set(at: Date): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (at) => {
      now = at.getTime();
    },
  };
}
