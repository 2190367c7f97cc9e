/**
 * `npm run dev`: the bot on this machine. Mounts every api/* handler on PORT; with BOT_MODE=polling
 * (default when BOT_TOKEN is set and PUBLIC_URL is not) it also long-polls TELEGRAM_API_ROOT.
 * Uses the embedded stand-ins (PGlite under .data/, in-process Redis, in-process scheduler) unless
 * DATABASE_URL / REDIS_URL / QSTASH_* are set.
 * Polling deletes the token's webhook, so it refuses a token whose webhook points at a public URL (a
 * deployed bot) unless forced with `npm run dev -- --force-polling` or BOT_FORCE_POLLING=1.
 */
import { startDevServer } from '../dev/dev-server.js';
import { embeddedStores } from '../dev/embedded/stores.js';
import { preparePolling, startLongPolling } from '../dev/long-poll.js';
import { loadConfig } from '../lib/config.js';
import { createDeps } from '../lib/deps.js';
import { createTelegram } from '../lib/infra/telegram.js';
import { runSweep } from '../lib/jobs/expire-offer.js';
import { createRuntime, setRuntime } from '../lib/runtime.js';
import { loadDotEnv } from './env-file.js';
import { runSandbox } from './sandbox.js';

async function main() {
  loadDotEnv();
  const config = loadConfig();
  if (!config.botToken) {
    // No token: the sandbox (real bot, emulated Telegram, a chat page) so everything can be tried at once.
    console.error(
      'BOT_TOKEN is not set, so the bot runs in the local sandbox. To use real Telegram, get a token from\n' +
        '@BotFather (send /newbot), put it in .env (cp .env.example .env) and run npm run dev again.',
    );
    await runSandbox(process.argv.includes('--seed'));
    return;
  }
  const mode = config.botMode ?? (config.publicUrl ? 'webhook' : 'polling');
  if (mode === 'webhook' && !config.webhookSecret) {
    console.error(
      'BOT_MODE=webhook needs TELEGRAM_WEBHOOK_SECRET (1-256 of A-Z a-z 0-9 _ -), as Telegram sends it.',
    );
    process.exit(1);
  }
  if (mode === 'polling') {
    // Before anything else talks to Telegram with this token (the startup sweep sends notices).
    await preparePolling(createTelegram(config, config.botToken), {
      force: config.forcePolling || process.argv.includes('--force-polling'),
    });
  }
  const deps = await createDeps(config, await embeddedStores(config));
  const runtime = createRuntime(deps);
  setRuntime(runtime);

  // Timers don't survive a restart: expire whatever ended while the server was down.
  await runSweep(deps, runtime.bot.telegram).catch((error) =>
    deps.log.warn('startup_sweep_failed', { error: String(error) }),
  );
  const server = await startDevServer(config.port);
  const polling = mode === 'polling' ? startLongPolling(runtime) : undefined;
  deps.log.info('dev_server_started', {
    url: server.url,
    mode,
    database: deps.database.kind,
    redis: deps.redisConnection.kind,
    scheduler: config.qstash ? 'qstash' : 'in-process',
  });
  console.error(
    `Bot running (${mode}) — webhook ${server.url}/api/telegram, health ${server.url}/api/health`,
  );

  const shutdown = async () => {
    polling?.stop();
    await server.close();
    await deps.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
