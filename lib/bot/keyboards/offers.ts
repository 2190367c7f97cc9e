import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import { filterOf, type OfferFilter, type OfferPage, type OfferStatus } from '../../marketplace/offers.js';
import { encodeCallback, type OfferButton } from '../callback-data.js';
import { manageButtons as m, myOffersTexts } from '../texts/my-offers.js';
import { buttons } from '../texts/venue.js';

const button = Markup.button.callback;

/**
 * The actions that make sense for an offer in each state (the domain re-checks every one), then its
 * reservations, repeating it, and the way back to /myoffers. Withdraw and Sold out ask before they act.
 */
export function manageKeyboard(offerId: number, status: OfferStatus) {
  const b = (text: string, kind: OfferButton) => button(text, encodeCallback(kind, offerId));
  const rows: InlineKeyboardButton[][] = [];
  if (status === 'draft') rows.push([b(buttons.publish, 'offer:publish')]);
  if (status === 'active') rows.push([b(buttons.pause, 'offer:pause'), b(buttons.soldOut, 'offer:soldout')]);
  if (status === 'paused')
    rows.push([b(buttons.resume, 'offer:resume'), b(buttons.soldOut, 'offer:soldout')]);
  if (status !== 'expired' && status !== 'withdrawn') {
    rows.push([b(buttons.edit, 'offer:edit'), b(buttons.withdraw, 'offer:withdraw')]);
  }
  if (status !== 'draft') {
    rows.push([
      button(m.reservations, encodeCallback('desk:offer', offerId, 0)),
      button(m.repeat, encodeCallback('offer:repeat', offerId)),
    ]);
  }
  rows.push([
    button(m.drop, encodeCallback('offer:drop', offerId)),
    button(m.back, encodeCallback('offers:mine', filterOf(status), 0)),
  ]);
  return Markup.inlineKeyboard(rows);
}

/** "Are you sure?" under Withdraw and Sold out: yes acts, no shows the card again. */
export const confirmKeyboard = (action: 'withdraw' | 'soldout', offerId: number) =>
  Markup.inlineKeyboard([
    [
      button(
        action === 'withdraw' ? m.yesWithdraw : m.yesSoldOut,
        encodeCallback('offer:confirm', action, offerId),
      ),
      button(action === 'withdraw' ? m.keepIt : m.keepSelling, encodeCallback('offer:manage', offerId)),
    ],
  ]);

/** /myoffers: one button per offer, the filter tabs, paging, and the venue's other doors. */
export function myOffersKeyboard(listing: OfferPage, filter: OfferFilter) {
  const rows: InlineKeyboardButton[][] = listing.offers.map((o, i) => [
    button(
      myOffersTexts.offerButton(listing.page * listing.pageSize + i + 1, o),
      encodeCallback('offer:manage', o.id),
    ),
  ]);
  rows.push(
    (['live', 'drafts', 'past'] as const).map((f) =>
      button(myOffersTexts.tab(f, listing.counts[f], f === filter), encodeCallback('offers:mine', f, 0)),
    ),
  );
  const nav: InlineKeyboardButton[] = [];
  if (listing.page > 0) nav.push(button(m.prev, encodeCallback('offers:mine', filter, listing.page - 1)));
  if (listing.page < listing.pages - 1) {
    nav.push(button(m.next, encodeCallback('offers:mine', filter, listing.page + 1)));
  }
  if (nav.length > 0) rows.push(nav);
  rows.push([
    button(m.newOffer, encodeCallback('offer:new')),
    button(m.reservations, encodeCallback('desk:day')),
    button(m.venue, encodeCallback('venue:profile')),
  ]);
  return Markup.inlineKeyboard(rows);
}
