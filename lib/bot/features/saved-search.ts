import { Composer } from 'telegraf';
import { AppError } from '../../errors.js';
import { SEARCH_RADII_M, saveSearch } from '../../marketplace/saved-searches.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { editOrReply } from '../edit-or-reply.js';
import { html } from '../html.js';
import { priceKeyboard, radiusKeyboard } from '../keyboards/returning.js';
import { searchTexts } from '../texts/follows.js';
import { customerLocale } from '../viewer-zone.js';

/**
 * A saved search (issue 14), from /offers once a location is shared: 🔔 → how far → how much at most → saved.
 * The point is the location in the session (never anything a button carries); the radius and price must be
 * among the ones offered.
 */
export const savedSearchFeature = new Composer<BotContext>();

/** Shared locations older than this are stale for a search too (as for ranking in browse.ts). */
const LOCATION_FRESH_MS = 6 * 3_600_000;

function sharedLocation(ctx: BotContext) {
  const shared = ctx.session?.location;
  if (!shared || ctx.deps.clock.now().getTime() - Date.parse(shared.sharedAt) > LOCATION_FRESH_MS) {
    throw new AppError({ code: 'search.location_needed' });
  }
  return shared;
}

buttonAction(savedSearchFeature, 'search:new', async (ctx) => {
  sharedLocation(ctx);
  await ctx.answerCbQuery();
  await ctx.reply(searchTexts.askRadius, radiusKeyboard());
});

buttonAction(savedSearchFeature, 'search:radius', async (ctx, [radiusM]) => {
  sharedLocation(ctx);
  if (!(SEARCH_RADII_M as readonly number[]).includes(radiusM))
    throw new AppError({ code: 'settings.unknown_choice' });
  await ctx.answerCbQuery();
  await editOrReply(ctx, searchTexts.askPrice(radiusM), priceKeyboard(radiusM, customerLocale(ctx)));
});

buttonAction(savedSearchFeature, 'search:save', async (ctx, [radiusM, maxPrice]) => {
  const { latitude, longitude } = sharedLocation(ctx);
  const saved = await saveSearch(ctx.deps.db, {
    customerId: ctx.from.id,
    firstName: ctx.from.first_name,
    search: { latitude, longitude, radiusM, maxPrice: maxPrice === 0 ? null : maxPrice },
    now: ctx.deps.clock.now(),
  });
  ctx.log.info('search_saved', { radius_m: saved.radiusM });
  await ctx.answerCbQuery();
  await editOrReply(ctx, searchTexts.saved(saved, customerLocale(ctx)), html);
});
