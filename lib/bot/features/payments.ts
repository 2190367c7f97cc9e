import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { HOLD_MS } from '../../marketplace/pending-payments.js';
import { placeReservation } from '../../marketplace/place-reservation.js';
import type { PlacedReservation } from '../../marketplace/reserve.js';
import { offerTakesOnlinePayment } from '../../marketplace/venue-payments.js';
import { acknowledge } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { cardKey } from '../idempotency-keys.js';
import { showHold } from '../payment-hold.js';
import { paymentTexts } from '../texts/payments.js';
import { customerLocale } from '../viewer-zone.js';
import { showRefusal } from './reserve.js';

/**
 * 💳 Pay now (issue 18, docs/payments.md): on the confirm card of a venue that takes online payment, the units are
 * held for 10 minutes as a `pending_payment` reservation (the same statement and rules as a reservation, the same
 * card key: one card is one reservation, paid or not), and Telegram's invoice is sent. The hold's end is a QStash
 * job; the pickup code comes with the payment (payment-updates.ts).
 */
export const paymentsFeature = new Composer<BotContext>();

buttonAction(paymentsFeature, 'buy:pay', async (ctx, [offerId, itemId, quantity]) => {
  const { deps, from } = ctx;
  const l = customerLocale(ctx);
  // A stale button after payments were turned off (or the venue opted out) changes nothing.
  if (!deps.config.payments || !(await offerTakesOnlinePayment(deps.db, offerId))) {
    await acknowledge(ctx, paymentTexts.unavailable, true);
    return;
  }
  let hold: PlacedReservation;
  try {
    hold = await placeReservation(deps.redis, deps.db, {
      idempotencyKey: cardKey(ctx, 'reserve'),
      customer: { id: from.id, firstName: from.first_name },
      offerId,
      itemId,
      quantity,
      currency: l.currency,
      now: l.now,
      holdUntil: new Date(l.now.getTime() + HOLD_MS),
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return showRefusal(ctx, error, offerId, l);
  }
  if (!hold.replayed) {
    ctx.log.info('payment_holds_placed', { reservation_id: hold.reservationId, offer_id: offerId, quantity });
  }
  // Its end is scheduled by showHold whenever it finds the hold standing, a replay included: a first try that
  // committed the hold and died before scheduling (a timeout, Telegram's redelivery) leaves no hold to the sweep.
  await showHold(ctx, hold);
});
