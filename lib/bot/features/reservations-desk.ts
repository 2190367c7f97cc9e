import { Composer } from 'telegraf';
import { deliverById, deliverWritten } from '../../jobs/deliver-notices.js';
import { offerChanged } from '../../jobs/offer-events.js';
import { confirmPickup } from '../../marketplace/confirm-pickup.js';
import { listOfferReservations, listVenueDay } from '../../marketplace/list-reservations.js';
import { markNoShow } from '../../marketplace/mark-no-show.js';
import { undoPickup } from '../../marketplace/undo-pickup.js';
import { seatOf, type VenueSeat } from '../../marketplace/venue-access.js';
import { acknowledge, showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { pressKey } from '../idempotency-keys.js';
import { deskDayKeyboard, deskOfferKeyboard } from '../keyboards/desk.js';
import { deskTexts as t } from '../texts/desk.js';
import { localeOf } from '../texts/locale.js';
import { paymentTexts } from '../texts/payments.js';
import { venueLocale } from '../viewer-zone.js';

/**
 * Who is coming (/reservations, for the venue's owner and staff): the day's offers with their totals, then one
 * offer's reservations with "Picked up", "No-show" and, for a few minutes after a pickup, "Undo". Every press
 * re-draws the same message; whatever a button names is checked against the presser in the domain.
 */
export const reservationsDeskFeature = new Composer<BotContext>();
const PAGE_SIZE = 8;

/** The counter reads its venue's clock (issue 17): "today" is the venue's day. */
async function dayView(ctx: BotContext, known?: VenueSeat) {
  const seat = known ?? (await seatOf(ctx.deps.db, ctx.from!.id));
  const l = seat ? venueLocale(ctx.deps, seat.venue) : localeOf(ctx.deps);
  const day = await listVenueDay(ctx.deps.db, { actorId: ctx.from!.id, now: l.now, zone: l.timezone });
  return { text: t.day(day.offers, day.totals, l), extra: { ...html, ...deskDayKeyboard(day.offers) } };
}

async function offerView(ctx: BotContext, offerId: number, page: number) {
  const desk = await listOfferReservations(ctx.deps.db, {
    actorId: ctx.from!.id,
    offerId,
    page,
    pageSize: PAGE_SIZE,
  });
  const l = venueLocale(ctx.deps, { timeZone: desk.offer.zone });
  return {
    text: t.offer(desk.offer, desk.reservations, desk.page, desk.pages, l),
    extra: { ...html, ...deskOfferKeyboard(desk.offer, desk.reservations, desk.page, desk.pages, l.now) },
  };
}

reservationsDeskFeature.command('reservations', async (ctx) => {
  const seat = await seatOf(ctx.deps.db, ctx.from.id);
  if (!seat) return void (await ctx.reply(t.notAtVenue));
  const view = await dayView(ctx, seat);
  await ctx.reply(view.text, view.extra);
});

buttonAction(reservationsDeskFeature, 'desk:day', async (ctx) => {
  const view = await dayView(ctx);
  await ctx.answerCbQuery();
  await showInPlace(ctx, view.text, view.extra);
});

buttonAction(reservationsDeskFeature, 'desk:offer', async (ctx, [offerId, page]) => {
  const view = await offerView(ctx, offerId, page);
  await ctx.answerCbQuery();
  await showInPlace(ctx, view.text, view.extra);
});

/** After a counter action: the offer's list as it is now, in the same message. */
async function redraw(ctx: BotContext, offerId: number, page: number) {
  const view = await offerView(ctx, offerId, page).catch(() => null);
  if (view) await showInPlace(ctx, view.text, view.extra);
}

buttonAction(reservationsDeskFeature, 'desk:pickup', async (ctx, [reservationId, page]) => {
  const result = await confirmPickup(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'pickup'),
    actorId: ctx.from.id,
    reservationId,
    now: ctx.deps.clock.now(),
  });
  if (!result.replayed) ctx.log.info('reservations_picked_up', { reservation_id: reservationId });
  // Issue 18: paid online, nothing to collect at the counter.
  await acknowledge(ctx, t.pickedUp(reservationId) + (result.paidOnline ? paymentTexts.alreadyPaid : ''));
  await redraw(ctx, result.offerId, page);
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
});

buttonAction(reservationsDeskFeature, 'desk:noshow', async (ctx, [reservationId, page]) => {
  const result = await markNoShow(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'no_show'),
    actorId: ctx.from.id,
    reservationId,
    now: ctx.deps.clock.now(),
  });
  if (!result.replayed) ctx.log.info('reservations_no_show', { reservation_id: reservationId });
  // Units back on sale may bring a sold-out offer back: the channel post follows (issue 14).
  if (result.restocked > 0) await offerChanged(ctx.deps, result.offerId);
  await acknowledge(ctx, t.noShow(reservationId, result.restocked));
  await redraw(ctx, result.offerId, page);
  await deliverById(
    ctx.deps,
    ctx.telegram,
    result.notices.map((n) => n.id),
  );
});

/** Takes back a pickup; the customer is told their reservation is open again. */
async function undo(ctx: BotContext, reservationId: number) {
  const result = await undoPickup(ctx.deps.db, {
    idempotencyKey: pressKey(ctx, 'pickup.undo'),
    actorId: ctx.from!.id,
    reservationId,
    now: ctx.deps.clock.now(),
  });
  if (!result.replayed) ctx.log.info('reservations_pickup_undone', { reservation_id: reservationId });
  return result;
}

buttonAction(reservationsDeskFeature, 'desk:undo', async (ctx, [reservationId, page]) => {
  const result = await undo(ctx, reservationId);
  await acknowledge(ctx, t.undoneToast(reservationId));
  await redraw(ctx, result.offerId, page);
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
});

buttonAction(reservationsDeskFeature, 'reservation:undo', async (ctx, [reservationId]) => {
  const result = await undo(ctx, reservationId);
  await acknowledge(ctx, t.undoneToast(reservationId));
  await showInPlace(ctx, t.undone(result), html);
  await deliverWritten(ctx.deps, ctx.telegram, result.notices, result);
});
