import { randomBytes } from 'node:crypto';
import { setCommandMenu, setCustomerMenus } from '../../lib/bot/command-menus.js';
import { loadConfig } from '../../lib/config.js';
import { createDeps } from '../../lib/deps.js';
import type { JobRunner } from '../../lib/infra/scheduler.js';
import { runSweep } from '../../lib/jobs/expire-offer.js';
import { createLogger } from '../../lib/log.js';
import { createRuntime, setRuntime } from '../../lib/runtime.js';
import { startDevServer } from '../dev-server.js';
import { createPgliteDatabase } from '../embedded/pglite.js';
import { createMemoryRedis } from '../embedded/stores.js';
import { BotApiEmulator } from './bot-api-emulator.js';
import { FakeStripe } from './fake-stripe.js';
import { adminPersona, channelPersona } from './personas.js';
import { sandboxRoutes } from './routes.js';
import { seedDemo } from './seed.js';
import { sandboxClock, sandboxScheduler } from './time.js';
import { UserActions } from './user-actions.js';

/** A token-shaped placeholder: the emulator accepts any token, and nothing here reaches Telegram. */
const SANDBOX_TOKEN = '100000001:SANDBOX-local-token-not-a-real-one';

/**
 * The real bot, in webhook mode, on the embedded stand-ins, talking to an in-process Telegram emulator;
 * plus a chat page to play every role. For trying it out and demos — never used in production.
 */
export async function startSandbox(
  env: Record<string, string | undefined>,
  options: { seed?: boolean } = {},
) {
  const telegram = new BotApiEmulator(Number(SANDBOX_TOKEN.split(':')[0]));
  const apiRoot = await telegram.start();
  // Issue 18: online payment with test credentials; refunds go to a local fake of Stripe, never to Stripe.
  const stripe = new FakeStripe();
  const stripeUrl = await stripe.start();
  const admins = new Set((env.ADMIN_TELEGRAM_IDS ?? '').split(',').filter(Boolean));
  admins.add(String(adminPersona.id));
  const config = loadConfig({
    ...env,
    BOT_TOKEN: SANDBOX_TOKEN,
    BOT_MODE: 'webhook',
    TELEGRAM_API_ROOT: apiRoot,
    TELEGRAM_WEBHOOK_SECRET: randomBytes(24).toString('hex'),
    ADMIN_TELEGRAM_IDS: [...admins].join(','),
    // Embedded stand-ins only: the sandbox must never write to a configured real database.
    DATABASE_URL: undefined,
    REDIS_URL: undefined,
    UPSTASH_REDIS_REST_URL: undefined,
    UPSTASH_REDIS_REST_TOKEN: undefined,
    QSTASH_TOKEN: undefined,
    PUBLIC_URL: undefined,
    PAYMENT_PROVIDER_TOKEN: '284685063:TEST:sandbox-provider-token',
    STRIPE_SECRET_KEY: 'sk_test_sandboxNotARealKey0000000000',
    STRIPE_API_URL: stripeUrl,
    // Issue 14: published offers are posted to the channel persona's chat.
    CHANNEL_ID: env.CHANNEL_ID ?? String(channelPersona.id),
  });
  telegram.addChannel(channelPersona.id, channelPersona.first_name, channelPersona.username);
  // In memory, like the emulator's chats and files: every sandbox starts clean and consistent.
  const database = await createPgliteDatabase();
  await database.migrate();
  // Issue 14: a clock the page can fast-forward, and jobs (alerts, reminders, expiries) that run by it.
  const clock = sandboxClock();
  let runner: () => JobRunner | undefined = () => undefined;
  const log = createLogger(config.logLevel);
  const scheduler = sandboxScheduler(clock, log, () => runner());
  const deps = await createDeps(config, {
    database,
    redisConnection: await createMemoryRedis(),
    clock,
    log,
    scheduler,
  });
  runner = () => deps.jobRunner;
  const runtime = createRuntime(deps);
  setRuntime(runtime);
  await runSweep(deps, runtime.bot.telegram).catch(() => {});
  if (options.seed) await seedDemo(deps, telegram);
  // The menus `npm run setup` would set in production, so each persona sees their commands.
  await setCustomerMenus(runtime.bot.telegram, config.defaultLanguage);
  await setCommandMenu(runtime.bot.telegram, adminPersona.id, 'admin', config.defaultLanguage);

  let routes: ReturnType<typeof sandboxRoutes> | undefined;
  const server = await startDevServer(config.port, (req, res) => routes?.(req, res) ?? false);
  // Issue 18: the invoice's photo is served from the deployment's public URL; the sandbox's is its own, known
  // once it listens (nothing else reads PUBLIC_URL here: jobs run on the sandbox's scheduler, not QStash).
  config.publicUrl = server.url;
  routes = sandboxRoutes(
    telegram,
    new UserActions(telegram, `${server.url}/api/telegram`, config.webhookSecret!),
    { clock, scheduler },
  );
  return {
    url: server.url,
    telegram,
    deps,
    async close() {
      await server.close();
      await deps.close();
      await telegram.stop();
      await stripe.stop();
    },
  };
}
