import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { AppError } from '../../errors.js';
import { getOfferForCustomer } from '../../marketplace/offer-details.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { html } from '../html.js';
import { shareLocationKeyboard } from '../keyboards/customer.js';
import { followButton, offerCardKeyboard } from '../keyboards/returning.js';
import { allDealsView, freshLocation, listView, offerCardText, offerInPlaceView } from '../offer-lists.js';
import { browseTexts } from '../texts/customer.js';
import { customerLocale } from '../viewer-zone.js';

/**
 * `/offers` (`/browse`): ranked live deals, paged in place; a shared location; an offer's details, which open
 * in place of the list and go back to it (issue 17; lib/bot/offer-lists.ts says what each message shows).
 */
export const browseFeature = new Composer<BotContext>();
/** Telegram's caption limit; a longer offer gets its photo and its text as two messages. */
const CAPTION_MAX = 1024;

/** How long after "… near me" asked for a location one shared is taken as the answer (then it is for /offers). */
const SEARCH_LOCATION_WAIT_MS = 10 * 60_000;

/** The first page of /offers, and once per session the location button beneath it. */
export async function sendList(ctx: BotContext) {
  // /offers (or a location for it) moves on from a search that was waiting for a location.
  if (ctx.session?.search?.locationAskedAt) {
    const { locationAskedAt: _, ...rest } = ctx.session.search;
    ctx.session.search = rest;
  }
  const view = await allDealsView(ctx, 0);
  await ctx.reply(view.text, view.extra);
  if (view.total === 0) return;
  // A message carries either inline buttons or a reply keyboard, so the location button comes apart —
  // once per session: it stays on the keyboard until used.
  if (!freshLocation(ctx) && ctx.session && !ctx.session.locationAsked) {
    ctx.session.locationAsked = true;
    await ctx.reply(browseTexts.locationNudge, shareLocationKeyboard());
  }
}

browseFeature.command(['offers', 'browse'], (ctx) => sendList(ctx));

browseFeature.on(message('location'), async (ctx) => {
  const { latitude, longitude } = ctx.message.location;
  // Kept in the session (Redis, with a TTL) only: where someone is is none of the database's business.
  ctx.session.location = { latitude, longitude, sharedAt: ctx.deps.clock.now().toISOString() };
  // On a line of its own (no buttons), so it can bring back the menu keyboard the location button replaced.
  await ctx.reply(browseTexts.locationSaved);
  // Issue 17: "sushi near me" asked for the location just now; its results come back, nearest first.
  const search = ctx.session.search;
  if (search?.locationAskedAt) {
    const { locationAskedAt, ...rest } = search;
    ctx.session.search = rest;
    if (ctx.deps.clock.now().getTime() - Date.parse(locationAskedAt) <= SEARCH_LOCATION_WAIT_MS) {
      const view = await listView(ctx, { list: 'found', page: 0 });
      return void (await ctx.reply(view.text, view.extra));
    }
  }
  await sendList(ctx);
});

// Prev / Next, and "⬅️ Back to list" from a deal opened in place: the same message shows the page.
buttonAction(browseFeature, 'browse:page', async (ctx, [page]) => {
  const view = await allDealsView(ctx, page);
  await ctx.answerCbQuery();
  await editOrReply(ctx, view.text, view.extra);
});

/** The details card: photo (if any) with prices and Reserve buttons, then a map pin when the venue has one. */
async function showOffer(ctx: BotContext, offerId: number, onShown?: () => Promise<unknown>) {
  const l = customerLocale(ctx);
  const offer = await getOfferForCustomer(ctx.deps.db, { offerId, now: l.now, customerId: ctx.from?.id });
  await onShown?.();
  const text = offerCardText(ctx, offer, l);
  // Issue 14: ⭐ Follow and ↗️ Share under the Reserve buttons.
  const extra = { ...html, ...offerCardKeyboard(offer, l, ctx.deps.config) };
  if (offer.photoFileId && text.length <= CAPTION_MAX) {
    await ctx.replyWithPhoto(offer.photoFileId, { caption: text, ...extra });
  } else {
    if (offer.photoFileId) await ctx.replyWithPhoto(offer.photoFileId);
    await ctx.reply(text, extra);
  }
  const { latitude, longitude, name, address } = offer.venue;
  if (latitude !== null && longitude !== null) {
    await ctx.replyWithVenue(latitude, longitude, name, address, {
      reply_markup: { inline_keyboard: [[followButton(offer.venue, offer.following)]] },
    });
  }
}

buttonAction(browseFeature, 'offer:view', async (ctx, args) => {
  // Answered once the offer is known to be visible; a refusal is answered by the error boundary.
  if (args.length === 1) return showOffer(ctx, args[0], () => ctx.answerCbQuery());
  // Issue 17: tapped in a list, the deal replaces the list (a text message: photo and map on request).
  const [offerId, list, page] = args;
  const view = await offerInPlaceView(ctx, offerId, { list, page });
  await ctx.answerCbQuery();
  await editOrReply(ctx, view.text, view.extra);
});

// A shared link `t.me/<bot>?start=offer_42`; any other /start goes on to the greeting.
browseFeature.start(async (ctx, next) => {
  // Issue 14: "See all deals in the bot" under inline results.
  if (ctx.payload === 'offers') return sendList(ctx);
  const match = /^offer_(\d{1,15})$/.exec(ctx.payload);
  if (!match) return next();
  try {
    await showOffer(ctx, Number(match[1]));
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'offer.unavailable')) throw error;
    await ctx.reply(browseTexts.offerGone);
  }
});
