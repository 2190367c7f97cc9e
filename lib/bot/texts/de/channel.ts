import { discountPercent } from '../../../marketplace/money.js';
import type { CustomerOffer } from '../../../marketplace/offer-details.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/channel.js';
import { distance, money as formatMoney, windowOf } from '../format.js';
import { offerDetails } from './customer.js';

/** The public channel's posts and inline-mode results (issue 14). HTML. */

const cheapest = (offer: CustomerOffer) =>
  offer.items.filter((i) => i.unitsLeft > 0).sort((a, b) => a.price - b.price)[0] ?? offer.items[0];

/** An offer's channel post, as it is now: the card while live, struck through with a word once it isn't. */
export const channelPost: typeof en.channelPost = (offer, shown, l) => {
  const card = offerDetails(offer, l);
  if (shown === 'live') return card;
  const banner = {
    sold_out:
      '🔴 <b>Ausverkauft</b>. Durch eine Stornierung kann wieder etwas frei werden; mehr Angebote im Bot.',
    paused: '⏸ <b>Gerade nicht verfügbar</b>.',
    ended: '⌛ <b>Dieses Angebot ist vorbei.</b> Mehr Angebote im Bot.',
  }[shown];
  return `<s>${e(offer.title)}</s>\n${banner}\n\n🏪 ${e(offer.venue.name)}, ${e(offer.venue.address)}`;
};

export const channelTexts: typeof en.channelTexts = {
  reserveButton: '🛒 Im Bot reservieren',
  moreDealsButton: '🍱 Mehr Angebote im Bot',
};

export const inlineTexts: typeof en.inlineTexts = {
  title: (offer) => `${offer.title} · ${offer.venue.name}`,
  description(offer, l) {
    const item = cheapest(offer);
    const price = item
      ? `ab ${formatMoney(item.price, l.currency)} (−${discountPercent(item.originalPrice, item.price)}%)`
      : '';
    const away = offer.distanceKm === null ? '' : ` · ${distance(offer.distanceKm)} entfernt`;
    return `${price} · ${windowOf(offer, l)}${away}`;
  },
  browseButton: '🍱 Alle Angebote im Bot',
};
