import type { Listing } from '../../../marketplace/browse.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/search.js';
import { plural } from '../plural.js';
import { menuLabels } from './menu.js';

/** Free text is a search (issue 17): what people read when they type "bread" or send a sticker. HTML. */

export const nearMePhrases: typeof en.nearMePhrases = {
  list: ['in der nähe', 'in meiner nähe', 'hier in der nähe', 'in der naehe', 'nah bei mir', 'um die ecke'],
};

export const foundTexts: typeof en.foundTexts = {
  heading: (query: string, listing: Listing, nearestFirst: boolean) =>
    `🔎 <b>${plural(listing.total, { one: '# Angebot', other: '# Angebote' })} für „${e(query)}“</b>` +
    (nearestFirst ? ' · die nächsten zuerst' : '') +
    (listing.pages > 1 ? ` · Seite ${listing.page + 1}/${listing.pages}` : ''),
  noMatch: (query) =>
    `Zu „${e(query)}“ gibt es gerade nichts 🤷\nVersuch ein anderes Wort oder sieh dir alle Angebote mit /offers an.`,
  noWords:
    'Ich suche Angebote nach Wörtern. Schreib, worauf du Lust hast, z. B. „Brot“ oder „Sushi“, oder schau in /offers.',
  shareForNearest: '📍 Teile deinen Standort mit dem Knopf unten, dann zeige ich die nächsten zuerst.',
};

const instead = `Schreib, worauf du Lust hast, z. B. „Brot“, oder tippe auf ${menuLabels.deals}.`;

export const otherMessages: typeof en.otherMessages = {
  voice: `Sprachnachrichten kann ich nicht anhören. ${instead}`,
  sticker: `Schöner Sticker! 😄 ${instead}`,
  photo: `Nach Fotos kann ich nicht suchen. ${instead}`,
  video: `Videos kann ich nicht ansehen. ${instead}`,
  document: `Dateien kann ich hier nicht öffnen. ${instead}`,
  other: `Damit kann ich hier nichts anfangen. ${instead}`,
};
