import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/ratings.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** Las valoraciones después de una recogida, y el /myratings del local (issue 14). HTML. */

const stars = (n: number) => '⭐'.repeat(n);
const day = (at: Date, l: Locale) =>
  at.toLocaleDateString('es-ES', { day: 'numeric', month: 'short', timeZone: l.timezone });

export const ratingTexts: typeof en.ratingTexts = {
  ask: '¿Qué tal? Toca las estrellas (puedes cambiarlas durante 24 horas):',
  starButton: (n, chosen) => (chosen ? `✅ ${n}⭐` : `${n}⭐`),
  rated: (n, venue) =>
    `${stars(n)} ¡Gracias por valorar <b>${e(venue)}</b>!\n\n` +
    '¿Quieres dejarle unas palabras al local? Envíalas en tu próximo mensaje. Toca otras estrellas para cambiar tu valoración durante 24 horas.',
  ratedToast: (n) => `Valorado con ${n} ⭐`,
  commentSaved: '💬 Gracias, hemos guardado tu comentario. Ayuda al local y a otros clientes.',
  noVenue:
    'Solo se valoran los locales. Para vender tu propia comida sobrante, registra un local con /register.',
  view(r, l) {
    if (r.count === 0 || r.average === null) {
      return `⭐ <b>Valoraciones de ${e(r.venueName)}</b>\n\nAún no hay valoraciones. Se las pedimos a los clientes después de cada recogida que confirmas.`;
    }
    const shown =
      r.count >= 3
        ? 'Los clientes la ven en tus ofertas.'
        : `Los clientes la verán en tus ofertas a partir de 3 valoraciones (${plural(3 - r.count, { one: 'falta #', other: 'faltan #' })}).`;
    const recent = r.recent.map((x) => {
      const comment = x.comment ? `\n«${e(x.comment)}»` : '';
      return `${stars(x.stars)} · ${e(x.itemName)} · ${day(x.ratedAt, l)}${comment}`;
    });
    return (
      `⭐ <b>Valoraciones de ${e(r.venueName)}</b>\n` +
      `Media de <b>${r.average.toFixed(1).replace('.', ',')}</b> con ${plural(r.count, { one: '# valoración', other: '# valoraciones' })}. ${shown}\n\n` +
      `<b>Las más recientes</b>\n${recent.join('\n\n')}`
    );
  },
};
