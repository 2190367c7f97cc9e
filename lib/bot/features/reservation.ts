import { Composer } from 'telegraf';
import { deliverWritten } from '../../jobs/deliver-notices.js';
import { offerChanged } from '../../jobs/offer-events.js';
import { scheduleRefunds } from '../../jobs/refund.js';
import { cancelReservation } from '../../marketplace/cancel-reservation.js';
import { confirmPickup } from '../../marketplace/confirm-pickup.js';
import { acknowledge, replyAfterCommit, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { pressKey } from '../idempotency-keys.js';
import { undoPickupKeyboard } from '../keyboards/desk.js';
import { ownerTexts, reservationTexts } from '../texts/customer.js';
import { paymentTexts } from '../texts/payments.js';
import { reservationsView } from './my-reservations.js';
import { reserveFeature } from './reserve.js';

/** A reservation's life after it is made: the customer cancels, the venue confirms the pickup. */
export const reservationFeature = new Composer<BotContext>();

reservationFeature.use(reserveFeature);

/** Cancels the caller's reservation (another customer's is "not found"); the venue is told through the outbox. */
async function cancelFor(ctx: BotContext, reservationId: number) {
  const result = await cancelReservation(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'cancel'),
    reservationId,
    customerId: ctx.from!.id,
    now: ctx.deps.clock.now(),
  });
  if (result.notices.length > 0) {
    ctx.log.info('reservations_cancelled', { reservation_id: reservationId, restocked: result.quantity });
  }
  // Issue 14: a sold-out offer back on sale shows so in the channel.
  if (result.offerReactivated) await offerChanged(ctx.deps, result.offerId);
  // Issue 18: a paid reservation cancelled in time is refunded (written with the cancellation).
  if (result.refundRequested) await scheduleRefunds(ctx.deps);
  return result;
}

/** What the customer reads after cancelling: a paid reservation says its money comes back (issue 18). */
const cancelledText = (result: Awaited<ReturnType<typeof cancelFor>>) =>
  !result.changed
    ? reservationTexts.alreadyCancelled(result.reservationId)
    : result.paidOnline
      ? paymentTexts.cancelledRefund(result)
      : reservationTexts.cancelled(result.reservationId);

/** The venue's confirmation of a pickup; a reservation paid online has nothing to collect (issue 18). */
const pickupDoneText = (result: Awaited<ReturnType<typeof pickedUp>>) =>
  ownerTexts.pickupDone(result) + (result.paidOnline ? paymentTexts.alreadyPaid : '');

reservationFeature.command('cancel', async (ctx, next) => {
  // A bare /cancel means "stop what I'm doing"; the fallback answers that.
  if (!ctx.payload.trim()) return next();
  const match = /^#?(\d{1,15})$/.exec(ctx.payload.trim());
  if (!match) return void (await ctx.reply(reservationTexts.cancelUsage, html));
  const result = await cancelFor(ctx, Number(match[1]));
  await replyAfterCommit(ctx, cancelledText(result), html);
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
});

buttonAction(reservationFeature, 'reservation:cancel', async (ctx, [reservationId]) => {
  const result = await cancelFor(ctx, reservationId);
  await acknowledge(ctx, cancelledText(result));
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
  // The message the button sat on now shows the reservations as they are.
  const view = await reservationsView(ctx).catch(() => null);
  if (view) await showInPlace(ctx, view.text, view.extra);
});

/**
 * The venue (owner or staff) confirms a pickup; the customer is thanked through the outbox. Another venue's code
 * is "not found".
 */
async function pickedUp(ctx: BotContext, target: { code: string } | { reservationId: number }) {
  const result = await confirmPickup(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'pickup'),
    actorId: ctx.from!.id,
    now: ctx.deps.clock.now(),
    ...target,
  });
  if (!result.replayed) ctx.log.info('reservations_picked_up', { reservation_id: result.reservationId });
  return result;
}

reservationFeature.command('pickup', async (ctx) => {
  const code = ctx.payload.trim();
  if (!code) return void (await ctx.reply(ownerTexts.pickupUsage, html));
  const result = await pickedUp(ctx, { code });
  // A mistyped code can be taken back for a few minutes.
  await replyAfterCommit(ctx, pickupDoneText(result), {
    ...html,
    ...undoPickupKeyboard(result.reservationId),
  });
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
});

buttonAction(reservationFeature, 'reservation:pickup', async (ctx, [reservationId]) => {
  const result = await pickedUp(ctx, { reservationId });
  await acknowledge(ctx, ownerTexts.pickedUpButton);
  await showInPlace(ctx, pickupDoneText(result), { ...html, ...undoPickupKeyboard(reservationId) });
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
});
