import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { deliverById } from '../../jobs/deliver-notices.js';
import { offerChanged } from '../../jobs/offer-events.js';
import { scheduleReminders } from '../../jobs/pickup-reminder.js';
import { scheduleRefunds } from '../../jobs/refund.js';
import { preCheckout, recordPayment, reservationFacts } from '../../marketplace/payments.js';
import { newPickupCode } from '../../marketplace/reservations.js';
import { noteError } from '../../ops/alerts.js';
import { replyAfterCommit } from '../after-commit.js';
import type { BotContext } from '../context.js';
import { inLanguage } from '../texts/language.js';
import { checkoutRefusals, paymentTexts } from '../texts/payments.js';

/**
 * Telegram's side of a payment (issue 18, docs/payments.md). Mounted before the private-only guard: a
 * successful_payment that claims to come from a group is refused and audited, not silently dropped. Neither
 * update's order_info (name, phone, address a provider may ask for) is read or logged.
 */
export const paymentUpdatesFeature = new Composer<BotContext>();

/** Answered within Telegram's 10 s from one SQL statement: yes only for the sender's own hold, as invoiced. */
paymentUpdatesFeature.on('pre_checkout_query', async (ctx) => {
  const query = ctx.preCheckoutQuery;
  const { verdict, reservationId, language } = await preCheckout(ctx.deps.db, {
    payload: query.invoice_payload,
    customerId: query.from.id,
    currency: query.currency,
    totalAmount: query.total_amount,
    now: ctx.deps.clock.now(),
  });
  if (verdict === 'ok') {
    await ctx.answerPreCheckoutQuery(true);
    return;
  }
  ctx.log.warn('pre_checkout_refused', { reservation_id: reservationId, reason: verdict });
  // In the customer's /language choice, read with the verdict (this runs before the session); else Telegram's.
  const refusal = language
    ? inLanguage(language, () => checkoutRefusals[verdict])
    : checkoutRefusals[verdict];
  await ctx.answerPreCheckoutQuery(false, refusal);
});

paymentUpdatesFeature.on(message('successful_payment'), async (ctx) => {
  const paid = ctx.message.successful_payment;
  const { deps } = ctx;
  const privateChat = ctx.chat.type === 'private';
  const result = await recordPayment(
    deps.db,
    {
      payload: paid.invoice_payload,
      customerId: ctx.from.id,
      privateChat,
      currency: paid.currency,
      totalAmount: paid.total_amount,
      telegramChargeId: paid.telegram_payment_charge_id,
      providerChargeId: paid.provider_payment_charge_id,
      now: deps.clock.now(),
    },
    newPickupCode,
  );
  const ids = { reservation_id: result.reservationId, verdict: result.verdict };
  switch (result.verdict) {
    case 'duplicate':
      ctx.log.info('payment_duplicate', ids);
      return;
    case 'not_private':
    case 'unknown':
    case 'not_yours':
    case 'amount_mismatch':
      // Refused and audited; nothing changed. Told only in the customer's own chat, never in a group. Telegram
      // sends successful_payment only for a real charge, so one refused in a private chat is money someone must
      // look into (the customer is promised that): an error, counted toward the ops alert (docs/runbook.md).
      if (privateChat) {
        ctx.log.error('payment_refused', ids);
        const notMatched = result.language
          ? inLanguage(result.language, () => paymentTexts.notMatched)
          : paymentTexts.notMatched;
        await replyAfterCommit(ctx, notMatched);
        await noteError(deps, ctx.telegram);
      } else {
        ctx.log.warn('payment_refused', ids);
      }
      return;
  }
  // Committed: Telegram took the money and it is recorded. Nothing below may fail the update.
  ctx.log.info('payments_succeeded', { ...ids, amount: result.amount, currency: result.currency });
  if (result.refunds > 0) await scheduleRefunds(deps);
  await deliverById(
    deps,
    ctx.telegram,
    result.notices.map((n) => n.id),
  );
  if (result.verdict === 'confirmed' && result.reservationId !== null) {
    await afterConfirmed(ctx, result.reservationId, result.soldOut);
  }
});

/** A paid reservation gets its pickup reminders, like any; a hold taken again may have sold the offer out. */
async function afterConfirmed(ctx: BotContext, reservationId: number, soldOut: boolean) {
  try {
    const facts = await reservationFacts(ctx.deps.db, reservationId);
    if (!facts) return;
    await scheduleReminders(ctx.deps, facts);
    if (soldOut) await offerChanged(ctx.deps, facts.offerId);
  } catch (error) {
    ctx.log.warn('payment_follow_up_failed', { reservation_id: reservationId, error });
  }
}
