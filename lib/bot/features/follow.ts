import { Composer } from 'telegraf';
import { followVenue, listFollowedVenues, unfollowVenue } from '../../marketplace/follows.js';
import { buttonAction } from '../button-action.js';
import type { BotContext } from '../context.js';
import { html } from '../html.js';
import { followingKeyboard, withFollowTurned } from '../keyboards/returning.js';
import { followTexts } from '../texts/follows.js';
import { truncate } from '../truncate.js';

/**
 * Following venues (issue 14): ⭐ Follow on an offer card (and on its map pin) and /following with an
 * Unfollow button per venue. A venue's new deals then reach its followers as deal alerts (lib/jobs/fan-out-deal-alerts.ts).
 */
export const followFeature = new Composer<BotContext>();

async function followingView(ctx: BotContext) {
  const venues = await listFollowedVenues(ctx.deps.db, {
    customerId: ctx.from!.id,
    now: ctx.deps.clock.now(),
  });
  if (venues.length === 0) return { text: followTexts.none, extra: {} };
  return { text: followTexts.list(venues), extra: { ...html, ...followingKeyboard(venues) } };
}

followFeature.command('following', async (ctx) => {
  const view = await followingView(ctx);
  await ctx.reply(view.text, view.extra);
});

buttonAction(followFeature, 'follow:add', async (ctx, [venueId]) => {
  const result = await followVenue(ctx.deps.db, {
    customerId: ctx.from.id,
    firstName: ctx.from.first_name,
    venueId,
    now: ctx.deps.clock.now(),
  });
  if (result.changed) ctx.log.info('venue_followed', { venue_id: venueId });
  const said = result.changed
    ? followTexts.followed(result.venueName)
    : followTexts.alreadyFollowing(result.venueName);
  // A toast holds 200 characters; a long venue name must not turn the answer into an error.
  await ctx.answerCbQuery(truncate(said, 200));
  await turnButton(ctx, { id: venueId, name: result.venueName }, true);
});

buttonAction(followFeature, 'follow:remove', async (ctx, [venueId]) => {
  const result = await unfollowVenue(ctx.deps.db, { customerId: ctx.from.id, venueId });
  if (result.changed) ctx.log.info('venue_unfollowed', { venue_id: venueId });
  await ctx.answerCbQuery(truncate(followTexts.unfollowed(result.venueName), 200));
  if (!onFollowingList(ctx)) return turnButton(ctx, { id: venueId, name: result.venueName }, false);
  // The /following list: shown again as it is now.
  const view = await followingView(ctx);
  await ctx.editMessageText(view.text, view.extra).catch(() => {});
});

/** The /following list carries nothing but Unfollow buttons; a card carries others too. */
function onFollowingList(ctx: BotContext): boolean {
  const message = ctx.callbackQuery?.message;
  if (!message || !('text' in message)) return false; // a map pin or a photo card
  const buttons = markupOf(ctx)?.inline_keyboard.flat() ?? [];
  return (
    buttons.length > 0 &&
    buttons.every((b) => 'callback_data' in b && b.callback_data.startsWith('follow:remove:'))
  );
}

const markupOf = (ctx: BotContext) => {
  const message = ctx.callbackQuery?.message;
  return message && 'reply_markup' in message ? message.reply_markup : undefined;
};

/** The card the button sat on keeps its other buttons; only the follow button turns over. */
async function turnButton(ctx: BotContext, venue: { id: number; name: string }, following: boolean) {
  await ctx.editMessageReplyMarkup(withFollowTurned(markupOf(ctx), venue, following)).catch(() => {});
}
