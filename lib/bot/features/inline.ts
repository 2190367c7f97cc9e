import { Composer } from 'telegraf';
import type { InlineQueryResult } from 'telegraf/types';
import { searchLiveOffers } from '../../marketplace/search-offers.js';
import { zoneAt } from '../../marketplace/time-zones.js';
import type { BotContext } from '../context.js';
import { openInBotKeyboard } from '../keyboards/returning.js';
import { inlineTexts } from '../texts/channel.js';
import { offerDetails } from '../texts/customer.js';
import { localeOf } from '../texts/locale.js';
import { truncate } from '../truncate.js';

/**
 * Inline mode (issue 14): `@bot pizza` in any chat lists live offers matching the words, nearest first when
 * the person lets Telegram share their location. Each result posts the offer's card with an "Open in the bot"
 * button (the `offer_<id>` deep link). Turn inline mode on in @BotFather (/setinline, and /setinlinegeo for
 * the location); `npm run setup` asks Telegram for these updates.
 */
export const inlineFeature = new Composer<BotContext>();

/** Results change as offers sell; a short cache keeps typing snappy without showing sold-out deals long. */
const CACHE_SECONDS = 30;

inlineFeature.on('inline_query', async (ctx) => {
  const { query, offset, location } = ctx.inlineQuery;
  // Issue 17: the asker's zone, from the location Telegram shares with inline queries (if it does).
  const l = localeOf(ctx.deps, (location && zoneAt(location.latitude, location.longitude)) ?? undefined);
  const found = await searchLiveOffers(ctx.deps.db, {
    query: query.slice(0, 200),
    now: l.now,
    location: location ? { latitude: location.latitude, longitude: location.longitude } : undefined,
    offset: Number(offset) || 0,
  });
  const results: InlineQueryResult[] = found.offers.map((offer) => ({
    type: 'article',
    id: `offer_${offer.id}`,
    title: truncate(inlineTexts.title(offer), 60),
    description: inlineTexts.description(offer, l),
    input_message_content: { message_text: offerDetails(offer, l), parse_mode: 'HTML' },
    reply_markup: openInBotKeyboard(offer.id, ctx.deps.config).reply_markup,
  }));
  ctx.log.info('inline_query', { results: results.length, located: Boolean(location) });
  await ctx.answerInlineQuery(results, {
    cache_time: CACHE_SECONDS,
    // Distances depend on who asks.
    is_personal: Boolean(location),
    next_offset: found.nextOffset === null ? '' : String(found.nextOffset),
    button: { text: inlineTexts.browseButton, start_parameter: 'offers' },
  });
});

/** Which result was sent (Telegram reports it when inline feedback is on): a counter, nothing to answer. */
inlineFeature.on('chosen_inline_result', (ctx) => {
  const offerId = Number(/^offer_(\d{1,15})$/.exec(ctx.chosenInlineResult.result_id)?.[1]);
  ctx.log.info('inline_chosen', { offer_id: Number.isFinite(offerId) ? offerId : null });
});
