import type { Venue } from '../../../db/schema.js';
import type { BotContext } from '../context.js';
import { reviewKeyboard } from '../keyboards/admin.js';
import { recipientLanguages } from '../notify.js';
import { cardHeadings } from '../texts/admin.js';
import { inLanguage } from '../texts/language.js';
import { sendVenueCard } from '../venue-card.js';

/**
 * Every admin learns of a new (or resubmitted) venue at once: its photo and details with Verify, Reject and
 * Request changes under them, then its map pin. The owner is whoever sent this update.
 */
export async function notifyAdminsOfRegistration(
  ctx: BotContext,
  venue: Venue,
  heading: keyof typeof cardHeadings = 'registered',
): Promise<void> {
  const owner = ctx.from ? { username: ctx.from.username ?? null, firstName: ctx.from.first_name } : null;
  const { adminIds } = ctx.deps.config;
  // Each admin reads the card in their own language, not the owner's (issue 17).
  const languageOf = await recipientLanguages(ctx.deps, adminIds);
  await Promise.all(
    adminIds.map((adminId) =>
      inLanguage(languageOf(adminId), () =>
        sendVenueCard(
          ctx.deps,
          ctx.telegram,
          adminId,
          { venue, owner },
          {
            heading: cardHeadings[heading],
            keyboard: reviewKeyboard(venue.id),
          },
        ),
      ),
    ),
  );
}
