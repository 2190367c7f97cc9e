import { Composer } from 'telegraf';
import { distanceKm, type Point } from '../../marketplace/browse.js';
import { paymentStates } from '../../marketplace/payment-states.js';
import { pickupPlaceOf } from '../../marketplace/reservation-venue.js';
import { listCustomerReservations, type ReservationSummary } from '../../marketplace/reservations.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { reservationsKeyboard } from '../keyboards/customer.js';
import { freshLocation } from '../offer-lists.js';
import { paymentSection } from '../payment-section.js';
import { reservationList, reservationTexts } from '../texts/customer.js';
import { customerLocale } from '../viewer-zone.js';

/**
 * `/myreservations`: the customer's reservations, open ones first, each open one with a Cancel button and
 * (issue 17) a 🗺 Map button when its venue has a pin.
 */
export const myReservationsFeature = new Composer<BotContext>();

/** Issue 17: how far each reservation's venue is from where the customer is, when both are known. */
const awayFrom = (here: Point | undefined) => (p: ReservationSummary) =>
  here && p.venueLatitude !== null && p.venueLongitude !== null
    ? distanceKm(here, { latitude: p.venueLatitude, longitude: p.venueLongitude })
    : null;

/** The list as text and buttons; also used to refresh a message after a cancellation. */
export async function reservationsView(ctx: BotContext) {
  const reservations = await listCustomerReservations(ctx.deps.db, ctx.from!.id, 10);
  if (reservations.length === 0) return { text: reservationTexts.none, extra: {} };
  // Issue 18: how each online payment stands (paid, refund on its way, refunded), when payments are on or were
  // (the Stripe key stays until every refund is done, docs/payments.md).
  const payments = ctx.deps.config.refunds
    ? await paymentStates(ctx.deps.db, {
        customerId: ctx.from!.id,
        reservationIds: reservations.map((r) => r.id),
      })
    : [];
  return {
    text:
      reservationList(reservations, customerLocale(ctx), awayFrom(freshLocation(ctx))) +
      paymentSection(payments),
    extra: { ...html, ...reservationsKeyboard(reservations) },
  };
}

// /mypurchases was its name before; old menus and messages still say it.
myReservationsFeature.command(['myreservations', 'mypurchases'], async (ctx) => {
  const view = await reservationsView(ctx);
  await ctx.reply(view.text, view.extra);
});

buttonAction(myReservationsFeature, 'reservations:mine', async (ctx) => {
  const view = await reservationsView(ctx);
  await ctx.answerCbQuery();
  await ctx.reply(view.text, view.extra);
});

// Issue 17: the venue of one of the customer's own reservations as a map pin; anyone else's is "not found".
buttonAction(myReservationsFeature, 'reservation:map', async (ctx, [reservationId]) => {
  const place = await pickupPlaceOf(ctx.deps.db, { reservationId, customerId: ctx.from.id });
  await ctx.answerCbQuery();
  if (place.latitude === null || place.longitude === null) return;
  await ctx.replyWithVenue(place.latitude, place.longitude, place.name, place.address);
});
