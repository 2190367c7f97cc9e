import { Composer, type Middleware } from 'telegraf';
import { message } from 'telegraf/filters';
import { commentRating, getVenueRatings, rateReservation } from '../../marketplace/ratings.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { ratingKeyboard } from '../keyboards/returning.js';
import { ratingTexts } from '../texts/ratings.js';
import { ownVenueLocale } from '../viewer-zone.js';

/**
 * Ratings (issue 14): the thank-you after a pickup carries 1–5 star buttons; a tap rates (or, within 24 hours,
 * re-rates) the reservation, and the customer's next plain message within half an hour is its comment. The
 * venue reads its ratings in /myratings.
 */
export const rateFeature = new Composer<BotContext>();

/** How long after tapping the stars a plain message still counts as the comment. */
const COMMENT_WINDOW_MS = 30 * 60_000;

buttonAction(rateFeature, 'rate:stars', async (ctx, [reservationId, stars]) => {
  const now = ctx.deps.clock.now();
  const result = await rateReservation(ctx.deps.db, { reservationId, customerId: ctx.from.id, stars, now });
  if (result.first) ctx.log.info('reservation_rated', { reservation_id: reservationId, stars });
  ctx.session.ratingComment = { reservationId, askedAt: now.toISOString() };
  await ctx.answerCbQuery(ratingTexts.ratedToast(stars));
  await ctx
    .editMessageText(ratingTexts.rated(stars, result.venueName), {
      ...html,
      ...ratingKeyboard(reservationId, stars),
    })
    .catch(() => {});
});

/**
 * The comment is the plain message that comes next, not one typed after the person moved on: any other action
 * (a command or menu tap, a button, a location) ends the wait, so "bread" typed later is a search, not a comment
 * on the last pickup. Mounted after the menu feature, which turns a menu label into its command.
 */
export const forgetRatingComment: Middleware<BotContext> = (ctx, next) => {
  if (ctx.session?.ratingComment) {
    const text = ctx.message && 'text' in ctx.message ? ctx.message.text : undefined;
    const data = ctx.callbackQuery && 'data' in ctx.callbackQuery ? ctx.callbackQuery.data : undefined;
    const comment = text !== undefined && !text.startsWith('/');
    if (!comment && !data?.startsWith('rate:stars:')) ctx.session.ratingComment = undefined;
  }
  return next();
};

/** A plain message right after rating is the rating's comment; anything else goes on to the other features. */
rateFeature.on(message('text'), async (ctx, next) => {
  const pending = ctx.session?.ratingComment;
  const text = ctx.message.text;
  if (!pending || text.startsWith('/')) return next();
  const now = ctx.deps.clock.now();
  if (now.getTime() - Date.parse(pending.askedAt) > COMMENT_WINDOW_MS) {
    ctx.session.ratingComment = undefined;
    return next();
  }
  await commentRating(ctx.deps.db, {
    reservationId: pending.reservationId,
    customerId: ctx.from.id,
    comment: text,
    now,
  });
  ctx.session.ratingComment = undefined;
  await ctx.reply(ratingTexts.commentSaved);
});

rateFeature.command('myratings', async (ctx) => {
  const ratings = await getVenueRatings(ctx.deps.db, { ownerId: ctx.from.id });
  if (!ratings) return void (await ctx.reply(ratingTexts.noVenue));
  await ctx.reply(ratingTexts.view(ratings, await ownVenueLocale(ctx)), html);
});
