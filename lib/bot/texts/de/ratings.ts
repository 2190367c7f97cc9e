import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/ratings.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** Ratings after a pickup, and the venue's /myratings (issue 14). HTML. */

const stars = (n: number) => '⭐'.repeat(n);
const day = (at: Date, l: Locale) =>
  at.toLocaleDateString('de-DE', { day: 'numeric', month: 'short', timeZone: l.timezone });

export const ratingTexts: typeof en.ratingTexts = {
  ask: 'Wie war’s? Tippe auf die Sterne (du kannst sie 24 Stunden lang ändern):',
  starButton: (n, chosen) => (chosen ? `✅ ${n}⭐` : `${n}⭐`),
  rated: (n, venue) =>
    `${stars(n)} Danke für deine Bewertung von <b>${e(venue)}</b>!\n\n` +
    'Möchtest du dem Betrieb noch ein paar Worte dazu schreiben? Schick sie einfach als nächste Nachricht. Innerhalb von 24 Stunden kannst du deine Bewertung mit anderen Sternen ändern.',
  ratedToast: (n) => `Mit ${n} ⭐ bewertet`,
  commentSaved: '💬 Danke, dein Kommentar ist gespeichert. Er hilft dem Betrieb und anderen.',
  noVenue:
    'Bewertet werden nur Betriebe. Um selbst übrig gebliebenes Essen zu verkaufen, registriere einen Betrieb mit /register.',
  view(r, l) {
    if (r.count === 0 || r.average === null) {
      return `⭐ <b>Bewertungen von ${e(r.venueName)}</b>\n\nNoch keine Bewertungen. Nach jeder Abholung, die du bestätigst, fragen wir nach.`;
    }
    const shown =
      r.count >= 3
        ? 'Er wird bei deinen Angeboten angezeigt.'
        : `Bei deinen Angeboten erscheint er ab 3 Bewertungen (noch ${3 - r.count}).`;
    const recent = r.recent.map((x) => {
      const comment = x.comment ? `\n„${e(x.comment)}“` : '';
      return `${stars(x.stars)} · ${e(x.itemName)} · ${day(x.ratedAt, l)}${comment}`;
    });
    const average = r.average.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return (
      `⭐ <b>Bewertungen von ${e(r.venueName)}</b>\n` +
      `Durchschnitt <b>${average}</b> aus ${plural(r.count, { one: '# Bewertung', other: '# Bewertungen' })}. ${shown}\n\n` +
      `<b>Neueste</b>\n${recent.join('\n\n')}`
    );
  },
};
