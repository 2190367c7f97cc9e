import { type Telegram, TelegramError } from 'telegraf';
import type { Deps } from '../deps.js';
import { markUserBlocked } from '../marketplace/users.js';
import { html } from './html.js';

type SendOptions = Parameters<Telegram['sendMessage']>[2];

/**
 * Messages someone other than the sender of the update (an admin, the venue, a customer). A failure
 * never undoes the database change that caused it: 403 (they blocked the bot) marks them and moves on,
 * anything else is logged. Returns whether the message went out.
 */
export async function notifyUser(
  deps: Deps,
  telegram: Telegram,
  userId: number,
  text: string,
  extra: SendOptions = {},
): Promise<boolean> {
  try {
    await telegram.sendMessage(userId, text, { ...html, ...extra });
    return true;
  } catch (error) {
    if (error instanceof TelegramError && error.code === 403) {
      await markUserBlocked(deps.db, userId).catch(() => {});
      deps.log.info('notify_blocked', { user_id: userId });
    } else {
      deps.log.warn('notify_failed', {
        user_id: userId,
        code: error instanceof TelegramError ? error.code : undefined,
        error: error instanceof TelegramError ? error.description : String(error),
      });
    }
    return false;
  }
}
