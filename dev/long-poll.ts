import type { Telegram } from 'telegraf';
import { processUpdate } from '../lib/http/telegram-webhook.js';
import type { Runtime } from '../lib/runtime.js';

/** `npm run dev` refused to poll: the token's webhook serves a deployment that polling would cut off. */
export class PollingRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PollingRefused';
  }
}

/** This machine: localhost, 127.0.0.0/8 or [::1]. Anything else (or anything unparsable) counts as public. */
export function isLocalUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** The webhook as an operator recognises it, without credentials or a query string. */
const shown = (url: string) => {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(an unparsable URL)';
  }
};

/**
 * Readies the token for getUpdates. Telegram refuses getUpdates while a webhook is set, so polling
 * deletes it, which would silently stop a deployed bot that uses the same token. So: read the webhook
 * first, refuse when it points at a public URL unless forced, and only then delete it.
 */
export async function preparePolling(
  telegram: Telegram,
  {
    force = false,
    warn = (line: string) => console.error(line),
  }: { force?: boolean; warn?: (line: string) => void } = {},
): Promise<void> {
  const { url } = await telegram.getWebhookInfo();
  if (url && !isLocalUrl(url)) {
    if (!force) {
      throw new PollingRefused(
        [
          `Refusing to poll: this bot's webhook points at ${shown(url)}, a public URL (a deployed bot?).`,
          'Polling would delete that webhook, and the deployment would stop getting updates until `npm run setup` runs again.',
          'Develop with a separate bot: create one with @BotFather (/newbot) and put its token in .env.',
          'To poll this bot anyway: npm run dev -- --force-polling (or BOT_FORCE_POLLING=1).',
        ].join('\n'),
      );
    }
    warn(
      `Forced polling: deleting the webhook ${shown(url)}. Run \`npm run setup\` with the deployment's settings to restore it.`,
    );
  }
  await telegram.deleteWebhook({ drop_pending_updates: false });
}

/**
 * Local long polling: fetches updates from TELEGRAM_API_ROOT and runs each through the same policy as the
 * webhook (claim, rate limit, handle), so a developer can chat with the bot without a public URL.
 * Call `preparePolling` first: it checks and deletes the webhook.
 */
export function startLongPolling(runtime: Runtime, { timeoutSeconds = 25 } = {}): { stop(): void } {
  const { bot, deps } = runtime;
  let running = true;
  let offset = 0;
  const loop = async () => {
    deps.log.info('polling_started');
    while (running) {
      try {
        const updates = await bot.telegram.getUpdates(timeoutSeconds, 100, offset, undefined as never);
        for (const update of updates) {
          offset = update.update_id + 1;
          const result = await processUpdate(runtime, update);
          if (result.status >= 500) offset = update.update_id; // retry it on the next poll, as Telegram would
        }
      } catch (error) {
        if (!running) break;
        deps.log.warn('polling_failed', { error });
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  };
  loop().catch((error) => deps.log.error('polling_stopped', { error }));
  return {
    stop() {
      running = false;
    },
  };
}
