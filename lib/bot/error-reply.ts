import { TelegramError } from 'telegraf';
import { AppError, isOutage, OutcomeUnknownError, SessionUnavailableError } from '../errors.js';
import { markUserBlocked } from '../marketplace/users.js';
import { noteError } from '../ops/alerts.js';
import type { BotContext } from './context.js';
import { texts } from './texts/common.js';
import { errorText } from './texts/errors.js';
import type { Locale } from './texts/locale.js';
import { truncate } from './truncate.js';
import { customerLocale } from './viewer-zone.js';

/**
 * The one path from an error to what the person reads. `bot.catch` sends every error a handler throws
 * here; a feature that answers a refusal itself (in place of the card, with its own buttons) asks
 * `refusalText` for the same words.
 */

/**
 * The words for a refusal (an AppError); anything else is a bug or an outage and gets the generic line. `l`, the
 * customer's locale, puts a time a refusal names (the strike limit's end) on their clock; without it, UTC.
 */
export function refusalText(error: unknown, l?: Locale): string {
  return error instanceof AppError ? errorText(error.detail, l) : texts.genericError;
}

/** The error boundary: decides between "tell the person", "let Telegram retry" and "say nothing". */
export async function replyToError(ctx: BotContext, error: unknown): Promise<void> {
  // Out of time: the write may have committed. Nobody is told "failed"; the webhook has Telegram retry,
  // and the idempotency record answers the retry with the first outcome.
  if (error instanceof Error && error.name === 'TimeoutError') throw new OutcomeUnknownError(error);
  // The conversation state can't be read or kept. Retrying the update would only add load to Redis, so
  // the person is asked to try again and the update is done (200).
  if (error instanceof SessionUnavailableError) {
    ctx.log.warn('session_unavailable');
    await replyQuietly(ctx, texts.tryAgain);
    return;
  }
  // A store is down: propagates; the webhook releases its claim and answers 503 so Telegram retries.
  if (isOutage(error)) throw error;
  if (error instanceof TelegramError && error.code === 403 && ctx.from) {
    await markUserBlocked(ctx.deps.db, ctx.from.id).catch(() => {});
    ctx.log.info('user_blocked_bot', { user_id: ctx.from.id });
    return;
  }
  const bug = !(error instanceof AppError);
  // Issue 18: Telegram has taken the money of a successful_payment; a bug handling it must not lose it. It
  // propagates, and the webhook answers 503 so Telegram redelivers (recording a payment is idempotent).
  if (bug && ctx.message && 'successful_payment' in ctx.message) throw error;
  if (bug) ctx.log.error('handler_failed', { error });
  await replyQuietly(ctx, refusalText(error, customerLocale(ctx)));
  // Counted toward the "errors are piling up" alert, after the person has their answer.
  if (bug) await noteError(ctx.deps, ctx.telegram);
}

/** Tells the user one kind line; never throws (the user may have blocked us meanwhile). */
async function replyQuietly(ctx: BotContext, text: string) {
  try {
    if (ctx.callbackQuery) await ctx.answerCbQuery(truncate(text, 200));
    else if (ctx.chat?.type === 'private') await ctx.reply(text);
  } catch {
    // nothing more to do: the error is already logged
  }
}
