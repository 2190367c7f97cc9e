import type { ChannelShown } from '../../../marketplace/channel-posts.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { CustomerOffer } from '../../../marketplace/offer-details.js';
import { escapeHtml as e } from '../../html.js';
import { distance, money as formatMoney, windowOf } from '../format.js';
import type { Locale } from '../locale.js';
import { offerDetails } from './customer.js';

/** The public channel's posts and inline-mode results (issue 14). HTML. */

const cheapest = (offer: CustomerOffer) =>
  offer.items.filter((i) => i.unitsLeft > 0).sort((a, b) => a.price - b.price)[0] ?? offer.items[0];

/** An offer's channel post, as it is now: the card while live, struck through with a word once it isn't. */
export function channelPost(offer: CustomerOffer, shown: Exclude<ChannelShown, 'none'>, l: Locale): string {
  const card = offerDetails(offer, l);
  if (shown === 'live') return card;
  const banner = {
    sold_out: '🔴 <b>Sold out</b>. A cancellation may bring units back; more deals in the bot.',
    paused: '⏸ <b>Not available right now</b>.',
    ended: '⌛ <b>This deal has ended.</b> More deals in the bot.',
  }[shown];
  return `<s>${e(offer.title)}</s>\n${banner}\n\n🏪 ${e(offer.venue.name)}, ${e(offer.venue.address)}`;
}

export const channelTexts = {
  reserveButton: '🛒 Reserve in the bot',
  moreDealsButton: '🍱 More deals in the bot',
};

export const inlineTexts = {
  title: (offer: CustomerOffer) => `${offer.title} · ${offer.venue.name}`,
  description(offer: CustomerOffer & { distanceKm: number | null }, l: Locale): string {
    const item = cheapest(offer);
    const price = item
      ? `from ${formatMoney(item.price, l.currency)} (−${discountPercent(item.originalPrice, item.price)}%)`
      : '';
    const away = offer.distanceKm === null ? '' : ` · ${distance(offer.distanceKm)} away`;
    return `${price} · ${windowOf(offer, l)}${away}`;
  },
  browseButton: '🍱 See all deals in the bot',
};
