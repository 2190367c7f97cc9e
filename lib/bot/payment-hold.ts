import { TelegramError } from 'telegraf';
import { offerPhotoUrl } from '../http/offer-photo.js';
import { scheduleHoldExpiry, settleReleased } from '../jobs/expire-payment.js';
import { publishedOfferPhoto } from '../marketplace/offer-photo.js';
import { expireHolds, HOLD_MS, noteInvoiceMessage, paymentOf } from '../marketplace/pending-payments.js';
import type { PlacedReservation } from '../marketplace/reserve.js';
import { acknowledge, replyAfterCommit, showInPlace } from './after-commit.js';
import type { BotContext } from './context.js';
import { html } from './html.js';
import { backToOfferKeyboard, reservedKeyboard } from './keyboards/customer.js';
import { reserveTexts } from './texts/customer.js';
import { paymentTexts } from './texts/payments.js';
import { truncate } from './truncate.js';
import { customerLocale } from './viewer-zone.js';

/** A replayed confirm card whose reservation has an invoice: shown as `showHold` does; false for a cash one. */
export async function showIfHold(ctx: BotContext, hold: PlacedReservation): Promise<boolean> {
  const payment = await paymentOf(ctx.deps.db, {
    reservationId: hold.reservationId,
    customerId: hold.customerId,
  });
  if (!payment) return false;
  await showHold(ctx, hold, payment);
  return true;
}

/**
 * Whatever the card's reservation is now: a fresh hold (or a press again while it stands) shows the hold and
 * sends the invoice if none went out; a paid or cash one shows its code; a hold that ran out says so.
 */
export async function showHold(
  ctx: BotContext,
  hold: PlacedReservation,
  /** The hold's invoice when the caller has just read it (one query, not two). */
  known?: Awaited<ReturnType<typeof paymentOf>>,
): Promise<void> {
  const l = customerLocale(ctx);
  const payment =
    known ??
    (await paymentOf(ctx.deps.db, { reservationId: hold.reservationId, customerId: hold.customerId }));
  if (payment?.state === 'paid' || hold.status === 'reserved' || hold.status === 'picked_up') {
    const done = payment?.state === 'paid' ? paymentTexts.paidDone(hold, l) : reserveTexts.done(hold, l);
    await acknowledge(ctx);
    await showInPlace(ctx, done, { ...html, ...reservedKeyboard(hold.reservationId) });
    return;
  }
  if (hold.status !== 'pending_payment' || payment?.state !== 'awaiting') {
    await acknowledge(ctx, paymentTexts.holdEnded, true);
    await showInPlace(ctx, paymentTexts.holdEnded, backToOfferKeyboard(hold.offerId));
    return;
  }
  // The hold's end, at its current end (QStash dedupes per hold and time, so asking again is free).
  await scheduleHoldExpiry(ctx.deps, { reservationId: hold.reservationId, holdUntil: payment.holdUntil });
  if (payment.invoiceMessageId !== null) {
    const minutes = Math.max(1, Math.ceil((payment.holdUntil.getTime() - l.now.getTime()) / 60_000));
    await acknowledge(ctx, paymentTexts.awaiting(minutes));
    return;
  }
  // Payments were switched off since the hold was taken and its invoice never went out: none goes out now (the
  // hold ends on its own); the customer is told card payment isn't available.
  if (!ctx.deps.config.payments) {
    await acknowledge(ctx, paymentTexts.unavailable, true);
    return;
  }
  await acknowledge(ctx, paymentTexts.heldToast);
  await showInPlace(ctx, paymentTexts.held(hold, Math.round(HOLD_MS / 60_000), l), html);
  await sendInvoice(ctx, hold, {
    payload: payment.invoicePayload,
    amount: payment.amount,
    holdUntil: payment.holdUntil,
  });
}

/** Telegram's invoice for the hold; a failure is said, and the next press on Pay now sends it again. */
async function sendInvoice(
  ctx: BotContext,
  hold: PlacedReservation,
  { payload, amount, holdUntil }: { payload: string; amount: number; holdUntil: Date },
) {
  const { deps } = ctx;
  const l = customerLocale(ctx);
  const send = (photoUrl: string | undefined) =>
    ctx.telegram.sendInvoice(ctx.from!.id, {
      title: truncate(paymentTexts.invoiceTitle(hold), 32),
      description: truncate(paymentTexts.invoiceDescription(hold, l), 255),
      payload,
      provider_token: deps.config.payments!.providerToken,
      currency: hold.currency,
      prices: [{ label: truncate(paymentTexts.invoiceLabel(hold), 64), amount }],
      // A forwarded invoice shows a link to the offer, not a Pay button someone else could press.
      start_parameter: `offer_${hold.offerId}`,
      ...(photoUrl ? { photo_url: photoUrl } : {}),
    });
  try {
    const photoUrl = await invoicePhotoUrl(ctx, hold.offerId);
    const message = await send(photoUrl).catch((error) => {
      // The picture is a nicety: an invoice Telegram refuses with it is tried once without it before the
      // refusal counts (a PUBLIC_URL Telegram won't fetch must not switch card payment off).
      if (!photoUrl || !(error instanceof TelegramError) || error.code !== 400) throw error;
      ctx.log.warn('invoice_photo_refused', { reservation_id: hold.reservationId, error });
      return send(undefined);
    });
    await noteInvoiceMessage(deps.db, { reservationId: hold.reservationId, messageId: message.message_id });
  } catch (error) {
    ctx.log.warn('invoice_failed', { reservation_id: hold.reservationId, error });
    if (error instanceof TelegramError && error.code === 400) {
      // Refused for good (an amount below the currency's minimum, a currency the provider doesn't take): asking
      // again can't help, so the hold ends now instead of keeping the units for 10 minutes.
      await settleReleased(
        ctx.deps,
        await expireHolds(ctx.deps.db, { now: holdUntil, reservationIds: [hold.reservationId] }),
      );
      await replyAfterCommit(ctx, paymentTexts.invoiceRefused, backToOfferKeyboard(hold.offerId));
      return;
    }
    await replyAfterCommit(ctx, paymentTexts.invoiceFailed);
  }
}

/** The offer's photo on the invoice, where Telegram can fetch it: none without PUBLIC_URL (local polling). */
async function invoicePhotoUrl(ctx: BotContext, offerId: number): Promise<string | undefined> {
  const { publicUrl } = ctx.deps.config;
  if (!publicUrl) return undefined;
  const photoFileId = await publishedOfferPhoto(ctx.deps.db, offerId);
  return offerPhotoUrl(publicUrl, ctx.telegram.token, { id: offerId, photoFileId });
}
