import type { BotContext } from './context.js';

/**
 * Idempotency keys derived from what the person pressed or sent. Telegram redelivers an update with the
 * same callback query and the same message, so a retry of a write carries the same key and gets the first
 * outcome back (docs/reliability.md).
 */

/** This press (a redelivery of it) or this message: one write per key. */
export function pressKey(ctx: BotContext, operation: string): string {
  if (ctx.callbackQuery) return `${operation}:cb:${ctx.callbackQuery.id}`;
  const message = ctx.message ?? ctx.editedMessage;
  if (message) return `${operation}:msg:${message.chat.id}:${message.message_id}`;
  return `${operation}:update:${ctx.update.update_id}`;
}

/**
 * The card a button sits on: every press of every button on it, however many times, is one write. For
 * confirmations, where a double tap must not reserve twice.
 */
export function cardKey(ctx: BotContext, operation: string): string {
  const message = ctx.callbackQuery?.message;
  return message ? `${operation}:card:${message.chat.id}:${message.message_id}` : pressKey(ctx, operation);
}
