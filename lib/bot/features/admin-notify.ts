import type { Venue } from '../../../db/schema.js';
import type { BotContext } from '../context.js';
import { reviewKeyboard } from '../keyboards/admin.js';
import { notifyUser } from '../notify.js';
import { venueCard } from '../texts/admin.js';

/** Every admin learns of a new venue at once, with Verify / Reject buttons under its details. */
export async function notifyAdminsOfRegistration(ctx: BotContext, venue: Venue): Promise<void> {
  const card = venueCard(venue);
  await Promise.all(
    ctx.deps.config.adminIds.map((adminId) =>
      notifyUser(ctx.deps, ctx.telegram, adminId, card, reviewKeyboard(venue.id)),
    ),
  );
}
