import type { Listing } from '../../../marketplace/browse.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/search.js';
import { plural } from '../plural.js';
import { menuLabels } from './menu.js';

/** Free text is a search (issue 17): what people read when they type "bread" or send a sticker. HTML. */

export const nearMePhrases: typeof en.nearMePhrases = {
  list: ['cerca de mí', 'cerca de mi', 'por aquí cerca', 'por aquí', 'por aqui', 'cerca'],
};

export const foundTexts: typeof en.foundTexts = {
  heading: (query: string, listing: Listing, nearestFirst: boolean) =>
    `🔎 <b>${plural(listing.total, { one: '# oferta', other: '# ofertas' })} para «${e(query)}»</b>` +
    (nearestFirst ? ' · primero las más cercanas' : '') +
    (listing.pages > 1 ? ` · página ${listing.page + 1}/${listing.pages}` : ''),
  noMatch: (query) =>
    `Ahora mismo no hay nada para «${e(query)}» 🤷\nPrueba con otra palabra o mira todas las ofertas con /offers.`,
  noWords: 'Busco ofertas por sus palabras. Escribe lo que te apetece, como «pan» o «sushi», o mira /offers.',
  shareForNearest: '📍 Comparte tu ubicación con el botón de abajo y te enseño primero las más cercanas.',
};

const instead = `Escribe lo que te apetece, como «pan», o toca ${menuLabels.deals}.`;

export const otherMessages: typeof en.otherMessages = {
  voice: `No puedo escuchar mensajes de voz. ${instead}`,
  sticker: `¡Buen sticker! 😄 ${instead}`,
  photo: `No puedo buscar por foto. ${instead}`,
  video: `No puedo ver vídeos. ${instead}`,
  document: `Aquí no puedo abrir archivos. ${instead}`,
  other: `Con eso no puedo hacer nada aquí. ${instead}`,
};
