import type * as en from '../en/menu.js';

/**
 * The menu keyboard under the message field (issue 17): one label per button, recognised in every language
 * (a person who switches language may still tap yesterday's keyboard). Plain text: reply keyboards and the
 * lines that show or hide them carry no HTML.
 */
export const menuLabels: typeof en.menuLabels = {
  deals: '🍱 Angebote',
  myReservations: '🧾 Meine Reservierungen',
  following: '⭐ Gefolgt',
  settings: '⚙️ Einstellungen',
  nearMe: '📍 In der Nähe',
  myOffers: '📦 Meine Angebote',
  newOffer: '➕ Neues Angebot',
  desk: '🧾 Reservierungen',
  review: '🛡 Prüfen',
  hide: '⌨️ Menü ausblenden',
};

export const menuTexts: typeof en.menuTexts = {
  placeholder: 'Tippe ein Essen, z. B. Brot',
  shown: '⌨️ Dein Menü ist unten. Du kannst auch einfach tippen, worauf du Lust hast, z. B. „Brot“.',
  hidden: 'Menü ausgeblendet. Mit /menu holst du es zurück.',
  back: '⌨️ Dein Menü ist wieder da.',
  helpLine:
    '🔎 Tippe ein Essen, z. B. „Brot“, um die aktuellen Angebote zu durchsuchen. ⌨️ /menu holt die Menüknöpfe zurück.',
};
