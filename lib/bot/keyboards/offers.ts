import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { OfferStatus } from '../../marketplace/offers.js';
import { encodeCallback, type OfferButton } from '../callback-data.js';
import { buttons } from '../texts/venue.js';

/** The actions that make sense for an offer in each state (the domain re-checks every one). */
export function manageKeyboard(offerId: number, status: OfferStatus) {
  const b = (text: string, kind: OfferButton) => Markup.button.callback(text, encodeCallback(kind, offerId));
  const rows: InlineKeyboardButton[][] = [];
  if (status === 'draft') rows.push([b(buttons.publish, 'offer:publish')]);
  if (status === 'active') rows.push([b(buttons.pause, 'offer:pause'), b(buttons.soldOut, 'offer:soldout')]);
  if (status === 'paused')
    rows.push([b(buttons.resume, 'offer:resume'), b(buttons.soldOut, 'offer:soldout')]);
  if (status !== 'expired' && status !== 'withdrawn') {
    rows.push([b(buttons.edit, 'offer:edit'), b(buttons.withdraw, 'offer:withdraw')]);
  }
  return Markup.inlineKeyboard(rows);
}
