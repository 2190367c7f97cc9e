import { discountPercent } from '../../../marketplace/money.js';
import type { CustomerOffer } from '../../../marketplace/offer-details.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/channel.js';
import { distance, money as formatMoney, windowOf } from '../format.js';
import { offerDetails } from './customer.js';

/** Las publicaciones del canal público y los resultados del modo inline (issue 14). HTML. */

const cheapest = (offer: CustomerOffer) =>
  offer.items.filter((i) => i.unitsLeft > 0).sort((a, b) => a.price - b.price)[0] ?? offer.items[0];

/** La publicación de una oferta en el canal, tal como está ahora: la ficha mientras sigue activa, tachada con una palabra cuando ya no. */
export const channelPost: typeof en.channelPost = (offer, shown, l) => {
  const card = offerDetails(offer, l);
  if (shown === 'live') return card;
  const banner = {
    sold_out: '🔴 <b>Agotado</b>. Si alguien cancela, pueden volver unidades; más ofertas en el bot.',
    paused: '⏸ <b>No disponible ahora mismo</b>.',
    ended: '⌛ <b>Esta oferta ha terminado.</b> Más ofertas en el bot.',
  }[shown];
  return `<s>${e(offer.title)}</s>\n${banner}\n\n🏪 ${e(offer.venue.name)}, ${e(offer.venue.address)}`;
};

export const channelTexts: typeof en.channelTexts = {
  reserveButton: '🛒 Reservar en el bot',
  moreDealsButton: '🍱 Más ofertas en el bot',
};

export const inlineTexts: typeof en.inlineTexts = {
  title: (offer) => `${offer.title} · ${offer.venue.name}`,
  description(offer, l) {
    const item = cheapest(offer);
    const price = item
      ? `desde ${formatMoney(item.price, l.currency)} (−${discountPercent(item.originalPrice, item.price)}%)`
      : '';
    const away = offer.distanceKm === null ? '' : ` · a ${distance(offer.distanceKm)}`;
    return `${price} · ${windowOf(offer, l)}${away}`;
  },
  browseButton: '🍱 Ver todas en el bot',
};
