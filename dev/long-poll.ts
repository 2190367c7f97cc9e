import { processUpdate } from '../lib/http/telegram-webhook.js';
import type { Runtime } from '../lib/runtime.js';

/**
 * Local long polling: fetches updates from TELEGRAM_API_ROOT and runs each through the same policy as the
 * webhook (claim, rate limit, handle), so a developer can chat with the bot without a public URL.
 */
export function startLongPolling(runtime: Runtime, { timeoutSeconds = 25 } = {}): { stop(): void } {
  const { bot, deps } = runtime;
  let running = true;
  let offset = 0;
  const loop = async () => {
    // Telegram refuses getUpdates while a webhook is set.
    await bot.telegram.deleteWebhook({ drop_pending_updates: false });
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
