import type * as en from '../en/menu.js';

/**
 * The menu keyboard under the message field (issue 17): one label per button, recognised in every language
 * (a person who switches language may still tap yesterday's keyboard). Plain text: reply keyboards and the
 * lines that show or hide them carry no HTML.
 */
export const menuLabels: typeof en.menuLabels = {
  deals: '🍱 Предложения',
  myReservations: '🧾 Мои брони',
  following: '⭐ Подписки',
  settings: '⚙️ Настройки',
  nearMe: '📍 Рядом со мной',
  myOffers: '📦 Мои предложения',
  newOffer: '➕ Новое предложение',
  desk: '🧾 Брони',
  review: '🛡 Проверка',
  hide: '⌨️ Скрыть меню',
};

export const menuTexts: typeof en.menuTexts = {
  placeholder: 'Напишите, что ищете, например хлеб',
  shown: '⌨️ Меню — внизу. А можно просто написать, чего хочется, например «хлеб».',
  hidden: 'Меню скрыто. Чтобы вернуть его, отправьте /menu.',
  back: '⌨️ Меню снова на месте.',
  helpLine:
    '🔎 Напишите, что ищете, например «хлеб», — я найду среди текущих предложений. ⌨️ /menu возвращает кнопки меню.',
};
