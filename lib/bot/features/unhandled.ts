import { Composer } from 'telegraf';
import type { BotContext } from '../context.js';
import { texts } from '../texts/common.js';

/** Last in line: whatever no feature took gets a short, helpful answer (or none, where none is due). */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on('callback_query', async (ctx) => {
  await ctx.answerCbQuery(texts.staleButton);
});

unhandledFeature.command('cancel', async (ctx) => {
  await ctx.reply(texts.nothingToCancel);
});

unhandledFeature.on('message', async (ctx) => {
  const message = ctx.message;
  if ('text' in message && message.text.startsWith('/')) {
    await ctx.reply(texts.unknownCommand);
    return;
  }
  await ctx.reply(texts.unsupportedMessage);
});
// Edited messages, channel posts, member updates and inline queries need no answer.
