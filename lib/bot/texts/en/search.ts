import type { Listing } from '../../../marketplace/browse.js';
import { escapeHtml as e } from '../../html.js';
import { plural } from '../plural.js';
import { menuLabels } from './menu.js';

/** Free text is a search (issue 17): what people read when they type "bread" or send a sticker. HTML. */

/** Phrases that mean "nearest first" wherever they stand in a search: "sushi near me", "near me". */
export const nearMePhrases = {
  list: ['near me', 'nearby', 'close to me', 'close by', 'around me', 'around here', 'near here'],
};

export const foundTexts = {
  heading: (query: string, listing: Listing, nearestFirst: boolean) =>
    `🔎 <b>${plural(listing.total, { one: '# deal', other: '# deals' })} for “${e(query)}”</b>` +
    (nearestFirst ? ' · nearest first' : '') +
    (listing.pages > 1 ? ` · page ${listing.page + 1}/${listing.pages}` : ''),
  noMatch: (query: string) =>
    `Nothing live matches “${e(query)}” right now 🤷\nTry another word, or see every deal with /offers.`,
  noWords: 'I look for deals by their words. Type what you fancy, like “bread” or “sushi”, or see /offers.',
  shareForNearest: '📍 Share your location with the button below and I’ll put the nearest first.',
};

const instead = `Type what you fancy, like “bread”, or tap ${menuLabels.deals}.`;

/** One friendly line for what can't be searched: it says what to do instead, never "I only read text". */
export const otherMessages = {
  voice: `I can’t listen to voice messages. ${instead}`,
  sticker: `Nice sticker! 😄 ${instead}`,
  photo: `I can’t search by photo. ${instead}`,
  video: `I can’t watch videos. ${instead}`,
  document: `I can’t open files here. ${instead}`,
  other: `I can’t do anything with that here. ${instead}`,
};
