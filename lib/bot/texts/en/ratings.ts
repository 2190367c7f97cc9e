import type { VenueRatings } from '../../../marketplace/ratings.js';
import { escapeHtml as e } from '../../html.js';
import type { Locale } from '../locale.js';

/** Ratings after a pickup, and the venue's /myratings (issue 14). HTML. */

const stars = (n: number) => '⭐'.repeat(n);
const day = (at: Date, l: Locale) =>
  at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: l.timezone });

export const ratingTexts = {
  ask: 'How was it? Tap the stars (you can change them for 24 hours):',
  starButton: (n: number, chosen: boolean) => (chosen ? `✅ ${n}⭐` : `${n}⭐`),
  rated: (n: number, venue: string) =>
    `${stars(n)} Thanks for rating <b>${e(venue)}</b>!\n\n` +
    'Want to add a few words for the venue? Just send them as your next message. Tap other stars to change your rating within 24 hours.',
  ratedToast: (n: number) => `Rated ${n} ⭐`,
  commentSaved: '💬 Thanks, your comment is saved. It helps the venue and other customers.',
  noVenue: 'Only venues are rated. To sell your own surplus food, /register a venue.',
  view(r: VenueRatings, l: Locale): string {
    if (r.count === 0 || r.average === null) {
      return `⭐ <b>Ratings of ${e(r.venueName)}</b>\n\nNo ratings yet. Customers are asked after each pickup you confirm.`;
    }
    const shown =
      r.count >= 3
        ? 'Customers see it on your offers.'
        : `Customers see it on your offers from 3 ratings (${3 - r.count} to go).`;
    const recent = r.recent.map((x) => {
      const comment = x.comment ? `\n“${e(x.comment)}”` : '';
      return `${stars(x.stars)} · ${e(x.itemName)} · ${day(x.ratedAt, l)}${comment}`;
    });
    return (
      `⭐ <b>Ratings of ${e(r.venueName)}</b>\n` +
      `Average <b>${r.average.toFixed(1)}</b> from ${r.count} rating${r.count === 1 ? '' : 's'}. ${shown}\n\n` +
      `<b>Newest</b>\n${recent.join('\n\n')}`
    );
  },
};
