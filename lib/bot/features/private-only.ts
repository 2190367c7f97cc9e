import { Composer } from 'telegraf';
import type { BotContext } from '../context.js';
import { texts } from '../texts/common.js';

/**
 * The marketplace lives in private chats. In a group the bot answers a command once with a pointer
 * to the private chat and ignores everything else, so it never spams a group.
 */
export const privateOnlyFeature = new Composer<BotContext>();

privateOnlyFeature.use(async (ctx, next) => {
  const type = ctx.chat?.type;
  if (type === undefined || type === 'private') return next();
  const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
  if (type !== 'channel' && text?.startsWith('/')) await ctx.reply(texts.privateOnly);
  if (ctx.callbackQuery) await ctx.answerCbQuery(texts.privateOnly);
});
