import { Composer } from 'telegraf';
import { getOfferForCustomer } from '../../marketplace/offer-details.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../html.js';
import { shareLocationKeyboard } from '../keyboards/customer.js';
import { browsingTexts } from '../texts/browsing.js';
import { browseTexts } from '../texts/customer.js';

/**
 * What a deal opened in place of a list (issue 17) shows on request, each as a message of its own below: the
 * photo (a text message can't turn into a photo) and the venue on a map; and under a list, the way to update
 * the location it is sorted by. Only live offers of verified venues, as for the card itself.
 */
export const offerExtrasFeature = new Composer<BotContext>();

const visibleOffer = (ctx: BotContext, offerId: number) =>
  getOfferForCustomer(ctx.deps.db, { offerId, now: ctx.deps.clock.now(), customerId: ctx.from?.id });

buttonAction(offerExtrasFeature, 'offer:photo', async (ctx, [offerId]) => {
  const offer = await visibleOffer(ctx, offerId);
  await ctx.answerCbQuery();
  if (!offer.photoFileId) return;
  await ctx.replyWithPhoto(offer.photoFileId, {
    caption: `<b>${escapeHtml(offer.title)}</b>`,
    parse_mode: 'HTML',
  });
});

buttonAction(offerExtrasFeature, 'offer:map', async (ctx, [offerId]) => {
  const { venue } = await visibleOffer(ctx, offerId);
  await ctx.answerCbQuery();
  if (venue.latitude === null || venue.longitude === null) return;
  await ctx.replyWithVenue(venue.latitude, venue.longitude, venue.name, venue.address);
});

// "📍 Update location" under a list: the phone's location button (a reply keyboard; inline buttons can't ask).
buttonAction(offerExtrasFeature, 'location:ask', async (ctx) => {
  await ctx.answerCbQuery();
  await ctx.reply(browsingTexts.askLocation(browseTexts.shareLocation), shareLocationKeyboard());
});
