import type { Listing } from '../../../marketplace/browse.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/search.js';
import { plural } from '../plural.js';
import { menuLabels } from './menu.js';

/** Free text is a search (issue 17): what people read when they type "bread" or send a sticker. HTML. */

export const nearMePhrases: typeof en.nearMePhrases = {
  list: ['рядом со мной', 'рядом', 'поблизости', 'недалеко', 'неподалёку', 'неподалеку'],
};

export const foundTexts: typeof en.foundTexts = {
  heading: (query: string, listing: Listing, nearestFirst: boolean) =>
    `🔎 <b>${plural(listing.total, { one: '# предложение', few: '# предложения', many: '# предложений', other: '# предложения' })} по запросу «${e(query)}»</b>` +
    (nearestFirst ? ' · сначала ближайшие' : '') +
    (listing.pages > 1 ? ` · стр. ${listing.page + 1}/${listing.pages}` : ''),
  noMatch: (query) =>
    `По запросу «${e(query)}» сейчас ничего нет 🤷\nПопробуйте другое слово или посмотрите все предложения в /offers.`,
  noWords:
    'Я ищу предложения по словам. Напишите, чего хочется, например «хлеб» или «суши», или загляните в /offers.',
  shareForNearest: '📍 Поделитесь геопозицией кнопкой ниже, и я покажу сначала ближайшие.',
};

const instead = `Напишите, чего хочется, например «хлеб», или нажмите ${menuLabels.deals}.`;

export const otherMessages: typeof en.otherMessages = {
  voice: `Голосовые сообщения я слушать не умею. ${instead}`,
  sticker: `Отличный стикер! 😄 ${instead}`,
  photo: `Искать по фото я не умею. ${instead}`,
  video: `Видео я смотреть не умею. ${instead}`,
  document: `Файлы я здесь не открываю. ${instead}`,
  other: `С этим я здесь ничего не могу сделать. ${instead}`,
};
