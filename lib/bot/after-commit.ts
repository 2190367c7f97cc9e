import { TelegramError } from 'telegraf';
import type { BotContext } from './context.js';
import { truncate } from './truncate.js';

/**
 * Telegram calls made after a write has committed. None of them may fail the update: the change happened,
 * and an error here would either hide it from the person (the handler stops) or get the update redelivered
 * (a 503). Each is tried once, failures are logged, and notices that must arrive go through the outbox.
 */

type Extra = Parameters<BotContext['reply']>[1];

/** Answers the button press (the spinner stops). "Query is too old" after a redelivery is expected. */
export async function acknowledge(ctx: BotContext, text?: string, alert = false): Promise<void> {
  if (!ctx.callbackQuery) return;
  try {
    await ctx.answerCbQuery(text && truncate(text, 200), alert ? { show_alert: true } : undefined);
  } catch (error) {
    ctx.log.info('ack_failed', { reason: reasonOf(error) });
  }
}

/**
 * Shows `text` in place of the message the button sat on, or as a new message when that can't be edited.
 * Returns whether the person now sees it.
 */
export async function showInPlace(ctx: BotContext, text: string, extra: Extra = {}): Promise<boolean> {
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(text, extra as Parameters<BotContext['editMessageText']>[1]);
      return true;
    } catch (error) {
      if (error instanceof TelegramError && /not modified/i.test(error.description)) return true;
      ctx.log.info('edit_failed', { reason: reasonOf(error) });
    }
  }
  return replyAfterCommit(ctx, text, extra);
}

/** A reply to the person who acted; false (logged) when Telegram refused or was unreachable. */
export async function replyAfterCommit(ctx: BotContext, text: string, extra: Extra = {}): Promise<boolean> {
  try {
    await ctx.reply(text, extra);
    return true;
  } catch (error) {
    ctx.log.info('reply_failed', { reason: reasonOf(error) });
    return false;
  }
}

const reasonOf = (error: unknown) =>
  error instanceof TelegramError
    ? `${error.code} ${error.description}`
    : error instanceof Error
      ? error.name
      : 'unknown';
