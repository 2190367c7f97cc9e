import { Composer } from 'telegraf';
import { message } from 'telegraf/filters';
import { AppError } from '../../errors.js';
import { browseOffers, type Point } from '../../marketplace/browse.js';
import { getOfferForCustomer } from '../../marketplace/offer-details.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { html } from '../html.js';
import { browseKeyboard, shareLocationKeyboard } from '../keyboards/customer.js';
import { followButton, offerCardKeyboard, searchOfferKeyboard } from '../keyboards/returning.js';
import { browseTexts, offerDetails } from '../texts/customer.js';
import { customerLocale } from '../viewer-zone.js';

/** `/offers` (`/browse`): ranked live deals, paged in place; a shared location; an offer's details. */
export const browseFeature = new Composer<BotContext>();
/** People move: a location from this morning would rank tonight's deals by the wrong distance. */
const LOCATION_FRESH_MS = 6 * 3_600_000;
/** Telegram's caption limit; a longer offer gets its photo and its text as two messages. */
const CAPTION_MAX = 1024;

function locationOf(ctx: BotContext): Point | undefined {
  const shared = ctx.session?.location;
  if (!shared || ctx.deps.clock.now().getTime() - Date.parse(shared.sharedAt) > LOCATION_FRESH_MS) return;
  return { latitude: shared.latitude, longitude: shared.longitude };
}

async function listPage(ctx: BotContext, page: number) {
  const location = locationOf(ctx);
  const listing = await browseOffers(ctx.deps.db, { now: ctx.deps.clock.now(), location, page });
  const text = browseTexts.list(listing, location !== undefined, customerLocale(ctx));
  // Issue 14: with a location, "🔔 Alert me about new deals near here" saves the search.
  const keyboard = browseKeyboard(listing);
  if (location)
    keyboard.reply_markup.inline_keyboard.push(searchOfferKeyboard().reply_markup.inline_keyboard[0]!);
  return { listing, location, text, keyboard };
}

async function sendList(ctx: BotContext, header?: string) {
  const { listing, location, text, keyboard } = await listPage(ctx, 0);
  if (listing.total === 0)
    return void (await ctx.reply(browseTexts.empty, location ? searchOfferKeyboard() : {}));
  await ctx.reply(header ? `${header}\n\n${text}` : text, { ...html, ...keyboard });
  // A message carries either inline buttons or a reply keyboard, so the location button comes apart —
  // once per session: it stays on the keyboard until used.
  if (!location && ctx.session && !ctx.session.locationAsked) {
    ctx.session.locationAsked = true;
    await ctx.reply(browseTexts.locationNudge, shareLocationKeyboard());
  }
}

browseFeature.command(['offers', 'browse'], (ctx) => sendList(ctx));

browseFeature.on(message('location'), async (ctx) => {
  const { latitude, longitude } = ctx.message.location;
  // Kept in the session (Redis, with a TTL) only: where someone is is none of the database's business.
  ctx.session.location = { latitude, longitude, sharedAt: ctx.deps.clock.now().toISOString() };
  await sendList(ctx, browseTexts.locationSaved);
});

buttonAction(browseFeature, 'browse:page', async (ctx, [page]) => {
  const { listing, text, keyboard } = await listPage(ctx, page);
  await ctx.answerCbQuery();
  if (listing.total === 0) return editOrReply(ctx, browseTexts.empty, keyboard);
  await editOrReply(ctx, text, { ...html, ...keyboard });
});

/** The details card: photo (if any) with prices and Reserve buttons, then a map pin when the venue has one. */
async function showOffer(ctx: BotContext, offerId: number, onShown?: () => Promise<unknown>) {
  const l = customerLocale(ctx);
  const offer = await getOfferForCustomer(ctx.deps.db, { offerId, now: l.now, customerId: ctx.from?.id });
  await onShown?.();
  const text = offerDetails(offer, l);
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

buttonAction(browseFeature, 'offer:view', async (ctx, [offerId]) => {
  // Answered once the offer is known to be visible; a refusal is answered by the error boundary.
  await showOffer(ctx, offerId, () => ctx.answerCbQuery());
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
