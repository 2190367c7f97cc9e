import { Composer } from 'telegraf';
import { markUserBlocked } from '../../marketplace/users.js';
import type { BotContext } from '../context.js';

/**
 * Telegram tells us when someone blocks the bot (my_chat_member → "kicked"): we record it on the user
 * (`blocked_at`, cleared when they write again) and answer nothing — a blocked chat can't be written to.
 */
export const membershipFeature = new Composer<BotContext>();

membershipFeature.on('my_chat_member', async (ctx) => {
  const update = ctx.myChatMember;
  if (update.chat.type !== 'private') return;
  if (update.new_chat_member.status === 'kicked') {
    await markUserBlocked(ctx.deps.db, update.from.id);
    ctx.log.info('user_blocked_bot', { user_id: update.from.id });
  }
});
