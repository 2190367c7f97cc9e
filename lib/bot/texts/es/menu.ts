import type * as en from '../en/menu.js';

/**
 * The menu keyboard under the message field (issue 17): one label per button, recognised in every language
 * (a person who switches language may still tap yesterday's keyboard). Plain text: reply keyboards and the
 * lines that show or hide them carry no HTML.
 */
export const menuLabels: typeof en.menuLabels = {
  deals: '🍱 Ofertas',
  myReservations: '🧾 Mis reservas',
  following: '⭐ Siguiendo',
  settings: '⚙️ Ajustes',
  nearMe: '📍 Cerca de mí',
  myOffers: '📦 Mis ofertas',
  newOffer: '➕ Nueva oferta',
  desk: '🧾 Reservas',
  review: '🛡 Revisar',
  hide: '⌨️ Ocultar menú',
};

export const menuTexts: typeof en.menuTexts = {
  placeholder: 'Escribe una comida, p. ej. pan',
  shown: '⌨️ Tu menú está abajo. También puedes escribir lo que te apetece, como «pan».',
  hidden: 'Menú oculto. Envía /menu para recuperarlo.',
  back: '⌨️ Ya tienes tu menú de vuelta.',
  helpLine:
    '🔎 Escribe una comida, como «pan», para buscar entre las ofertas de ahora. ⌨️ /menu recupera los botones del menú.',
};
