import type { Venue } from '../../db/schema.js';
import { reviewVenue } from '../marketplace/venues.js';
import { refreshMenus } from './command-menus.js';
import type { BotContext } from './context.js';
import { html } from './html.js';
import { notifyUser } from './notify.js';
import { adminTexts } from './texts/admin.js';
import { ownerNotices } from './texts/venue.js';

/** Verify, then tell the owner and give them the venue's menus. */
export async function verify(ctx: BotContext, venueId: number): Promise<Venue> {
  const { venue, changed } = await reviewVenue(ctx.deps.db, {
    venueId,
    adminId: ctx.from!.id,
    decision: 'verify',
  });
  if (changed) {
    ctx.log.info('venue_verified', { venue_id: venue.id });
    // Issue 17: with the venue's menus (an admin's if the owner is one), in the owner's language.
    await refreshMenus(ctx, venue.ownerId, () => ownerNotices.verified(venue.name));
  }
  await ctx.reply(adminTexts.verified(venue, changed), html);
  return venue;
}

export async function reject(ctx: BotContext, venueId: number, reason: string): Promise<void> {
  const { venue, changed } = await reviewVenue(ctx.deps.db, {
    venueId,
    adminId: ctx.from!.id,
    decision: 'reject',
    reason,
  });
  if (changed) {
    ctx.log.info('venue_rejected', { venue_id: venue.id });
    await notifyUser(ctx.deps, ctx.telegram, venue.ownerId, () => ownerNotices.rejected(venue.name, reason));
  }
  await ctx.reply(adminTexts.rejected(venue, changed), html);
}
