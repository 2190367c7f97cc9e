import { type Config, loadConfig } from '../../lib/config.js';
import { createDeps } from '../../lib/deps.js';
import { handleTelegramWebhook, type WebhookResponse } from '../../lib/http/telegram-webhook.js';
import { createLogger } from '../../lib/log.js';
import { createRuntime, type Runtime } from '../../lib/runtime.js';
import { BENCH_SECRET, BENCH_TOKEN } from './constants.js';
import type { BenchStores } from './stores.js';

/** The environment a run gives the app: the emulator as Telegram, a limit no benchmark user reaches. */
export function benchEnv(apiRoot: string, adminId: number): Record<string, string> {
  return {
    BOT_TOKEN: BENCH_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_WEBHOOK_SECRET: BENCH_SECRET,
    ADMIN_TELEGRAM_IDS: String(adminId),
    RATE_LIMIT_MAX_REQUESTS: '10000',
    LOG_LEVEL: 'info',
  };
}

export interface BenchApp {
  runtime: Runtime;
  config: Config;
  /** Lines logged at level error since the start (a benchmark that hits errors measures the wrong thing). */
  errors: string[];
  /** Jobs scheduled since the start (each a QStash message in production). */
  scheduled(): number;
  /** The real webhook entry point, with the body as Telegram sends it. */
  deliver(rawBody: string): Promise<WebhookResponse>;
  close(): Promise<void>;
}

/**
 * The app as tests/support/app.ts builds it: real config parsing, `createDeps` over the given stores,
 * `createRuntime`. Logs are formatted as in production (JSON lines at info) but written nowhere.
 */
export async function createBenchApp(stores: BenchStores, env: Record<string, string>): Promise<BenchApp> {
  const config = loadConfig(env);
  const errors: string[] = [];
  const log = createLogger(config.logLevel, {}, (line) => {
    if (line.includes('"level":"error"')) errors.push(line);
  });
  const deps = await createDeps(config, {
    database: stores.database,
    redisConnection: stores.redisConnection,
    log,
  });
  let scheduled = 0;
  const schedule = deps.scheduler.schedule.bind(deps.scheduler);
  deps.scheduler.schedule = (job) => {
    scheduled++;
    return schedule(job);
  };
  const runtime = createRuntime(deps);
  return {
    runtime,
    config,
    errors,
    scheduled: () => scheduled,
    deliver: (rawBody) =>
      handleTelegramWebhook(runtime, { method: 'POST', secretHeader: BENCH_SECRET, rawBody }),
    close: () => deps.scheduler.close(),
  };
}
