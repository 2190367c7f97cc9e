import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { Config } from '../../config.js';
import { type Listing, PAGE_SIZE } from '../../marketplace/browse.js';
import type { CustomerOffer } from '../../marketplace/offer-details.js';
import { encodeCallback } from '../callback-data.js';
import { browsingTexts } from '../texts/browsing.js';
import { browseTexts } from '../texts/customer.js';
import type { Locale } from '../texts/locale.js';
import { truncate } from '../truncate.js';
import { offerCardKeyboard } from './returning.js';

/**
 * Issue 17's tidy lists: /offers and a free-text search show deals in one message; a deal opens in place of
 * the list (its button carries which list and page), and "⬅️ Back to list" turns the message back into it.
 */

/** Which list a message shows: all live deals (/offers) or the person's last free-text search. */
export interface ListPlace {
  list: 'all' | 'found';
  page: number;
}

const button = Markup.button.callback;
const pageButton = (place: ListPlace) =>
  place.list === 'all' ? encodeCallback('browse:page', place.page) : encodeCallback('found:page', place.page);

/** One button per listed deal (opening it in place), then Prev / Next, which edit the same message. */
export function offerListKeyboard(listing: Listing, list: ListPlace['list']): InlineKeyboardButton[][] {
  const rows: InlineKeyboardButton[][] = listing.offers.map((offer, i) => [
    button(
      truncate(`${listing.page * PAGE_SIZE + i + 1}. ${offer.title}`, 40),
      encodeCallback('offer:view', offer.offerId, list, listing.page),
    ),
  ]);
  const nav: InlineKeyboardButton[] = [];
  if (listing.page > 0) nav.push(button(browseTexts.prev, pageButton({ list, page: listing.page - 1 })));
  if (listing.page < listing.pages - 1) {
    nav.push(button(browseTexts.next, pageButton({ list, page: listing.page + 1 })));
  }
  if (nav.length > 0) rows.push(nav);
  return rows;
}

/** "📍 Update location" (or "Share location again" once it is stale) under a list sorted by it. */
export const locationRow = (stale: boolean): InlineKeyboardButton[] => [
  button(
    stale ? browsingTexts.shareAgainButton : browsingTexts.updateLocationButton,
    encodeCallback('location:ask'),
  ),
];

/**
 * The details card shown in place of a list: Reserve, Follow and Share as on any card, the photo and the map
 * on request (a text message can't become a photo), and the way back to the same page.
 */
export function offerInPlaceKeyboard(
  offer: CustomerOffer,
  l: Locale,
  links: Pick<Config, 'botUsername'>,
  back: ListPlace,
) {
  const rows = offerCardKeyboard(offer, l, links).reply_markup.inline_keyboard;
  const extras: InlineKeyboardButton[] = [];
  if (offer.photoFileId)
    extras.push(button(browsingTexts.photoButton, encodeCallback('offer:photo', offer.id)));
  if (offer.venue.latitude !== null && offer.venue.longitude !== null) {
    extras.push(button(browsingTexts.mapButton, encodeCallback('offer:map', offer.id)));
  }
  if (extras.length > 0) rows.push(extras);
  rows.push([button(browsingTexts.backToList, pageButton(back))]);
  return Markup.inlineKeyboard(rows);
}
