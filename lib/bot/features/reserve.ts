import type { Redis } from '@upstash/redis';
import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { createRateLimiter, type RateLimiter } from '../../infra/ratelimit.js';
import { deliverWritten } from '../../jobs/deliver-notices.js';
import { offerChanged } from '../../jobs/offer-events.js';
import { scheduleReminders } from '../../jobs/pickup-reminder.js';
import { getOfferForCustomer, itemOf } from '../../marketplace/offer-details.js';
import { placeReservation } from '../../marketplace/place-reservation.js';
import { MAX_UNITS_PER_RESERVATION } from '../../marketplace/reservations.js';
import { notEnoughLeft, type PlacedReservation } from '../../marketplace/reserve.js';
import { offerTakesOnlinePayment } from '../../marketplace/venue-payments.js';
import { acknowledge, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { refusalText } from '../error-reply.js';
import { html } from '../html.js';
import { cardKey } from '../idempotency-keys.js';
import {
  backToOfferKeyboard,
  confirmKeyboard,
  quantityKeyboard,
  reservedKeyboard,
} from '../keyboards/customer.js';
import { payOrCashKeyboard } from '../keyboards/payments.js';
import { showIfHold } from '../payment-hold.js';
import { reserveTexts } from '../texts/customer.js';
import type { Locale } from '../texts/locale.js';
import { paymentTexts } from '../texts/payments.js';
import { customerLocale } from '../viewer-zone.js';

/** Reserving: item → quantity (1 … min(units left, 5)) → confirm → pickup code; the venue is told. */
export const reserveFeature = new Composer<BotContext>();

/** Tighter than the per-update limit: each reservation holds stock that other customers can't take. */
const RESERVE_LIMIT = { prefix: 'rl:reserve', maxRequests: 5, windowSeconds: 60 };
const limiters = new WeakMap<Redis, RateLimiter>();
const reserveLimiter = (redis: Redis) => {
  const limiter = limiters.get(redis) ?? createRateLimiter(redis, RESERVE_LIMIT);
  limiters.set(redis, limiter);
  return limiter;
};

/** The item if it can still be had in this quantity; the reservation statement checks again. */
async function availableItem(ctx: BotContext, offerId: number, itemId: number, quantity = 1) {
  if (quantity > MAX_UNITS_PER_RESERVATION) {
    throw new AppError({ code: 'reservation.quantity_range', max: MAX_UNITS_PER_RESERVATION });
  }
  const offer = await getOfferForCustomer(ctx.deps.db, { offerId, now: ctx.deps.clock.now() });
  const item = itemOf(offer, itemId);
  if (item.unitsLeft < quantity) throw notEnoughLeft(item.unitsLeft, quantity);
  return { offer, item };
}

buttonAction(reserveFeature, 'buy:item', async (ctx, [offerId, itemId]) => {
  const { item } = await availableItem(ctx, offerId, itemId);
  await ctx.answerCbQuery();
  await ctx.reply(reserveTexts.askQuantity(item, customerLocale(ctx)), {
    ...html,
    ...quantityKeyboard(offerId, itemId, item.unitsLeft),
  });
});

buttonAction(reserveFeature, 'buy:qty', async (ctx, [offerId, itemId, quantity]) => {
  const { offer, item } = await availableItem(ctx, offerId, itemId, quantity);
  // Issue 18: a venue that takes online payment offers 💳 Pay now beside 💵 Pay at pickup.
  if (ctx.deps.config.payments && (await offerTakesOnlinePayment(ctx.deps.db, offerId))) {
    await ctx.answerCbQuery();
    return void (await editOrReply(ctx, paymentTexts.confirm(offer, item, quantity, customerLocale(ctx)), {
      ...html,
      ...payOrCashKeyboard(offerId, itemId, quantity),
    }));
  }
  await ctx.answerCbQuery();
  await editOrReply(ctx, reserveTexts.confirm(offer, item, quantity, customerLocale(ctx)), {
    ...html,
    ...confirmKeyboard(offerId, itemId, quantity),
  });
});

buttonAction(reserveFeature, 'buy:abort', async (ctx) => {
  await ctx.answerCbQuery();
  await editOrReply(ctx, reserveTexts.aborted);
});

buttonAction(reserveFeature, 'buy:confirm', async (ctx, [offerId, itemId, quantity]) => {
  const { deps, from } = ctx;
  const l = customerLocale(ctx);
  let reservation: PlacedReservation;
  try {
    reservation = await placeReservation(
      deps.redis,
      deps.db,
      {
        // Every press on this confirmation card, and every redelivery of one, is the same reservation.
        idempotencyKey: cardKey(ctx, 'reserve'),
        customer: { id: from.id, firstName: from.first_name },
        offerId,
        itemId,
        quantity,
        currency: l.currency,
        now: l.now,
      },
      async () => (await reserveLimiter(deps.redis).check(String(from.id))).allowed,
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return showRefusal(ctx, error, offerId, l);
  }
  // Issue 18: Pay now was pressed on this card first: its hold (awaiting payment, paid or run out) is shown,
  // also after payments were switched off (the hold, or the payment, outlives the configuration).
  if (reservation.replayed && (await showIfHold(ctx, reservation))) return;
  // Committed. From here on nothing may fail the update or hide the outcome from either party.
  if (!reservation.replayed) {
    ctx.log.info('reservations_made', {
      reservation_id: reservation.reservationId,
      offer_id: offerId,
      quantity,
    });
  }
  await acknowledge(ctx, reserveTexts.reservedToast);
  const shown = await showInPlace(ctx, reserveTexts.done(reservation, l), {
    ...html,
    ...reservedKeyboard(reservation.reservationId),
  });
  const code = reservation.notices.find((n) => n.kind === 'reservation.code');
  await deliverWritten(deps, ctx.telegram, reservation.notices, reservation, {
    shown: shown && code ? [code.id] : [],
  });
  // Issue 14: its pickup reminders, and the channel post once the last unit is gone.
  if (!reservation.replayed) await scheduleReminders(deps, reservation);
  if (!reservation.replayed && reservation.offerStatus === 'sold_out') await offerChanged(deps, offerId);
});

/**
 * A reservation (or an online payment's hold) refused: said as an alert and, unless it was only "too fast", in
 * place of the confirmation card. Issue 14: the strike limit names its end, on the customer's clock.
 */
export async function showRefusal(
  ctx: BotContext,
  error: AppError,
  offerId: number,
  l: Locale,
): Promise<void> {
  const reason = refusalText(error, l);
  await acknowledge(ctx, reason, true);
  if (error.category !== 'rate_limited') await showInPlace(ctx, reason, backToOfferKeyboard(offerId));
}
