import { Composer } from 'telegraf';
import { listCustomerReservations } from '../../marketplace/reservations.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { reservationsKeyboard } from '../keyboards/customer.js';
import { reservationList, reservationTexts } from '../texts/customer.js';
import { customerLocale } from '../viewer-zone.js';

/** `/myreservations`: the customer's reservations, open ones first, each open one with a Cancel button. */
export const myReservationsFeature = new Composer<BotContext>();

/** The list as text and buttons; also used to refresh a message after a cancellation. */
export async function reservationsView(ctx: BotContext) {
  const reservations = await listCustomerReservations(ctx.deps.db, ctx.from!.id, 10);
  if (reservations.length === 0) return { text: reservationTexts.none, extra: {} };
  return {
    text: reservationList(reservations, customerLocale(ctx)),
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
