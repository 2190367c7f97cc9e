import { Composer } from 'telegraf';
import type { BotContext } from '../context.js';
import { texts } from '../texts/common.js';
import { otherMessages } from '../texts/search.js';

/** Last in line: whatever no feature took gets a short, helpful answer (or none, where none is due). */
export const unhandledFeature = new Composer<BotContext>();

unhandledFeature.on('callback_query', async (ctx) => {
  await ctx.answerCbQuery(texts.staleButton);
});

unhandledFeature.command('cancel', async (ctx) => {
  await ctx.reply(texts.nothingToCancel);
});

/** Which kind of message it was, for the line that answers it. */
function kindOf(message: object): keyof typeof otherMessages {
  if ('voice' in message || 'audio' in message || 'video_note' in message) return 'voice';
  if ('sticker' in message) return 'sticker';
  if ('photo' in message) return 'photo';
  if ('video' in message || 'animation' in message) return 'video';
  if ('document' in message) return 'document';
  return 'other';
}

unhandledFeature.on('message', async (ctx) => {
  const message = ctx.message;
  if ('text' in message && message.text.startsWith('/')) {
    await ctx.reply(texts.unknownCommand);
    return;
  }
  // Issue 17: plain text was a search already; what is left (a sticker, a voice note…) gets one friendly line.
  await ctx.reply(otherMessages[kindOf(message)]);
});

// Edited messages, channel posts, member updates and inline queries need no answer.
