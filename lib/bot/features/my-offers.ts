import { Composer } from 'telegraf';
import { getOwnOffer, listOwnOffers, type OfferFilter } from '../../marketplace/offers.js';
import { seatOf } from '../../marketplace/venue-access.js';
import { showInPlace } from '../after-commit.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { html } from '../html.js';
import { myOffersKeyboard } from '../keyboards/offers.js';
import { myOffersTexts } from '../texts/my-offers.js';
import { offerGate } from '../texts/venue.js';
import { ownVenueLocale } from '../viewer-zone.js';
import { offerCard } from './offers.js';

/**
 * /myoffers: the venue's offers in one message, edited in place: filter tabs (live, drafts, past), pages, a
 * button per offer that turns the message into that offer's card, and the card's "◀ My offers" back.
 */
export const myOffersFeature = new Composer<BotContext>();
const PAGE_SIZE = 5;

async function offersPage(ctx: BotContext, filter: OfferFilter | undefined, page: number) {
  const ownerId = ctx.from!.id;
  let listing = await listOwnOffers(ctx.deps.db, {
    ownerId,
    filter: filter ?? 'live',
    page,
    pageSize: PAGE_SIZE,
  });
  // First look: the first tab that has anything.
  const first = (['live', 'drafts', 'past'] as const).find((f) => listing.counts[f] > 0);
  if (!filter && first && first !== 'live') {
    listing = await listOwnOffers(ctx.deps.db, { ownerId, filter: first, page, pageSize: PAGE_SIZE });
  }
  const shown = filter ?? first ?? 'live';
  return {
    text: myOffersTexts.page(listing, shown, await ownVenueLocale(ctx)),
    extra: { ...html, ...myOffersKeyboard(listing, shown) },
  };
}

myOffersFeature.command('myoffers', async (ctx) => {
  const seat = await seatOf(ctx.deps.db, ctx.from.id);
  if (!seat) return void (await ctx.reply(offerGate.notRegistered));
  if (seat.role !== 'owner') return void (await ctx.reply(myOffersTexts.notOwner));
  const view = await offersPage(ctx, undefined, 0);
  await ctx.reply(view.text, view.extra);
});

buttonAction(myOffersFeature, 'offers:mine', async (ctx, [filter, page]) => {
  const view = await offersPage(ctx, filter, page);
  await ctx.answerCbQuery();
  await editOrReply(ctx, view.text, view.extra);
});

buttonAction(myOffersFeature, 'offer:manage', async (ctx, [offerId]) => {
  const offer = await getOwnOffer(ctx.deps.db, { offerId, ownerId: ctx.from.id });
  await ctx.answerCbQuery();
  const card = await offerCard(ctx, offer);
  await showInPlace(ctx, card.text, card.extra);
});
