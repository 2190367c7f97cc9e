import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/follows.js';
import { distance, money as formatMoney } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** Lo que leen los clientes sobre seguir locales, los avisos de ofertas, /settings y las búsquedas guardadas (issue 14). HTML. */

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const quietHoursLabel = (start: number, end: number) =>
  start === end ? 'desactivadas' : `${hhmm(start)}–${hhmm(end)}`;

const radiusLabel = (metres: number) => distance(metres / 1000);
const priceCap = (maxPrice: number | null, l: Locale) =>
  maxPrice === null ? 'a cualquier precio' : `hasta ${formatMoney(maxPrice, l.currency)}`;

export const followTexts: typeof en.followTexts = {
  followButton: (venue) => `⭐ Seguir a ${venue}`,
  followingButton: (venue) => `★ Siguiendo a ${venue}`,
  unfollowButton: (venue) => `✖ Dejar de seguir a ${venue}`,
  followed: (venue) => `⭐ Sigues a ${venue}. Sus próximas ofertas te llegarán aquí.`,
  alreadyFollowing: (venue) => `Ya sigues a ${venue}.`,
  unfollowed: (venue) => `Ya no sigues a ${venue}.`,
  none: 'Aún no sigues ningún local. Abre una oferta en /offers y toca ⭐ Seguir para enterarte de las próximas de ese local.',
  list(venues) {
    const lines = venues.map((v, i) => {
      const live =
        v.liveOffers === 0
          ? 'nada activo ahora'
          : plural(v.liveOffers, { one: '# oferta activa ahora', other: '# ofertas activas ahora' });
      return `${i + 1}. <b>${e(v.name)}</b>, ${e(v.address)} · ${live}`;
    });
    return (
      `⭐ <b>Locales que sigues</b>\n\n${lines.join('\n')}\n\n` +
      'Cuando uno de ellos publique una oferta, te llegará aquí. Silencia los avisos o pon horas de silencio en /settings.'
    );
  },
};

export const dealAlertTexts: typeof en.dealAlertTexts = {
  followHeader: (offer) => `⭐ <b>Novedad de ${e(offer.venue.name)}</b>, un local que sigues`,
  searchHeader: (distanceM) =>
    distanceM === null
      ? '🔔 <b>Una oferta nueva coincide con tu búsqueda guardada</b>'
      : `🔔 <b>Una oferta nueva a ${distance(distanceM / 1000)}</b> coincide con tu búsqueda guardada`,
};

export const shareTexts: typeof en.shareTexts = {
  shareButton: '↗️ Compartir',
  shareLine: (offer) =>
    `${offer.title} en ${offer.venue.name}: buena comida con descuento, resérvala en Telegram`,
  openInBot: '🛒 Abrir en el bot',
};

export const settingsTexts: typeof en.settingsTexts = {
  view(settings, search, following, l) {
    const alerts = settings.muted
      ? '🔕 Avisos de ofertas nuevas: <b>silenciados</b>'
      : '🔔 Avisos de ofertas nuevas: <b>activados</b>';
    const quiet =
      settings.quietStart === settings.quietEnd
        ? '🌙 Horas de silencio: <b>desactivadas</b>, los avisos llegan a cualquier hora'
        : `🌙 Horas de silencio: <b>${quietHoursLabel(settings.quietStart, settings.quietEnd)}</b> (${e(l.timezone)}), los avisos esperan a que terminen`;
    const saved = search
      ? `🔎 Búsqueda guardada: ofertas a menos de <b>${radiusLabel(search.radiusM)}</b>, <b>${priceCap(search.maxPrice, l)}</b>`
      : '🔎 Búsqueda guardada: ninguna. Comparte tu ubicación en /offers y toca 🔔 para crear una.';
    const follows =
      following === 0
        ? '⭐ Aún no sigues ningún local'
        : plural(following, {
            one: '⭐ Sigues # local (/following)',
            other: '⭐ Sigues # locales (/following)',
          });
    return `⚙️ <b>Tus avisos</b>\n\n${alerts}\n${quiet}\n${saved}\n${follows}`;
  },
  muteButton: '🔕 Silenciar avisos',
  unmuteButton: '🔔 Activar avisos',
  quietButton: (start, end) => `🌙 Horas de silencio: ${quietHoursLabel(start, end)} ▸ cambiar`,
  deleteSearchButton: '🗑 Borrar búsqueda',
  muted: 'Avisos silenciados. No te llegará nada nuevo hasta que los vuelvas a activar.',
  unmuted: 'Avisos activados.',
  quietSet: (start, end) =>
    start === end ? 'Horas de silencio desactivadas.' : `Horas de silencio: ${quietHoursLabel(start, end)}.`,
  searchDeleted: 'Búsqueda guardada borrada.',
  noSearch: 'No hay ninguna búsqueda guardada que borrar.',
};

export const searchTexts: typeof en.searchTexts = {
  offerButton: '🔔 Avísame de ofertas cerca de aquí',
  askRadius:
    '🔔 Te avisaré de las ofertas nuevas cerca de la ubicación que compartiste. ¿A qué distancia, como máximo?',
  askPrice: (radiusM) =>
    `A menos de ${radiusLabel(radiusM)}. ¿Y cuánto puede costar un producto, como máximo?`,
  radiusButton: (radiusM) => radiusLabel(radiusM),
  priceButton: (maxPrice, l) => `hasta ${formatMoney(maxPrice, l.currency)}`,
  anyPriceButton: 'cualquier precio',
  saved: (search, l) =>
    `🔔 <b>Guardado.</b> Te avisaré cuando se publique una oferta nueva a menos de ${radiusLabel(search.radiusM)}, ${priceCap(search.maxPrice, l)} (como mucho un aviso por local al día).\n\n` +
    'Tu ubicación solo se guarda para esto, redondeada a unos 100 m. Cambia o borra la búsqueda en /settings.',
};
