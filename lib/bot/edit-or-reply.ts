import { TelegramError } from 'telegraf';
import type { BotContext } from './context.js';

type Extra = Parameters<BotContext['reply']>[1];

/**
 * Replaces the text of the message a button sat on (paging, the reserve flow), so the chat does not fill
 * up with stale menus. "Not modified" is a double tap and needs nothing; a message that can't be edited
 * (deleted, too old, a photo) gets the same content as a new message. Other failures propagate.
 */
export async function editOrReply(ctx: BotContext, text: string, extra: Extra = {}) {
  try {
    await ctx.editMessageText(text, extra as Parameters<BotContext['editMessageText']>[1]);
  } catch (error) {
    if (!(error instanceof TelegramError) || error.code !== 400) throw error;
    if (/not modified/i.test(error.description)) return;
    await ctx.reply(text, extra);
  }
}
