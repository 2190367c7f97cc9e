import type { BotContext } from './context.js';
import { adminTexts } from './texts/admin.js';

/** Admins are the ids in ADMIN_TELEGRAM_IDS; nothing in the database can make someone one. */
export const isAdmin = (ctx: BotContext) =>
  ctx.from !== undefined && ctx.deps.config.adminIds.includes(ctx.from.id);

/**
 * Every admin command and button goes through this: anyone else is refused before the handler runs (nothing
 * read, nothing changed), and the callback is answered either way.
 */
export const adminOnly =
  <C extends BotContext, A extends unknown[]>(handler: (ctx: C, ...rest: A) => Promise<unknown>) =>
  async (ctx: C, ...rest: A) => {
    if (!isAdmin(ctx)) {
      if (ctx.callbackQuery) await ctx.answerCbQuery(adminTexts.notAllowed);
      else await ctx.reply(adminTexts.notAllowed);
      return;
    }
    await handler(ctx, ...rest);
  };
