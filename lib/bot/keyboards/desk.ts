import { Markup } from 'telegraf';
import type { InlineKeyboardButton } from 'telegraf/types';
import type { DeskOffer, DeskReservation } from '../../marketplace/list-reservations.js';
import { PICKUP_UNDO_MINUTES } from '../../marketplace/undo-pickup.js';
import { encodeCallback } from '../callback-data.js';
import { deskTexts as t } from '../texts/desk.js';
import { manageButtons } from '../texts/my-offers.js';

const button = Markup.button.callback;

/** One button per offer of the day, then a refresh. */
export const deskDayKeyboard = (offers: DeskOffer[]) =>
  Markup.inlineKeyboard([
    ...offers.map((o) => [button(t.openButton(o), encodeCallback('desk:offer', o.offerId, 0))]),
    [button(t.refreshButton, encodeCallback('desk:day'))],
  ]);

/**
 * Per open reservation "Picked up" and "No-show" (the latter once the window has started); per pickup confirmed in
 * the last minutes an "Undo". Paging and the way back to the day stay in the same message.
 */
export function deskOfferKeyboard(
  offer: DeskOffer,
  reservations: DeskReservation[],
  page: number,
  pages: number,
  now: Date,
) {
  const started = offer.pickupStart <= now;
  const open = offer.pickupEnd > now && !['expired', 'withdrawn'].includes(offer.status);
  const undoSince = now.getTime() - PICKUP_UNDO_MINUTES * 60_000;
  const rows: InlineKeyboardButton[][] = [];
  for (const r of reservations) {
    if (r.status === 'reserved') {
      const row = [button(t.pickedUpButton(r), encodeCallback('desk:pickup', r.id, page))];
      if (started) row.push(button(t.noShowButton(r), encodeCallback('desk:noshow', r.id, page)));
      rows.push(row);
    } else if (r.status === 'picked_up' && open && (r.pickedUpAt?.getTime() ?? 0) > undoSince) {
      rows.push([button(t.undoButton(r), encodeCallback('desk:undo', r.id, page))]);
    }
  }
  const nav: InlineKeyboardButton[] = [];
  if (page > 0) nav.push(button('◀', encodeCallback('desk:offer', offer.offerId, page - 1)));
  nav.push(button(t.refreshButton, encodeCallback('desk:offer', offer.offerId, page)));
  if (page < pages - 1) nav.push(button('▶', encodeCallback('desk:offer', offer.offerId, page + 1)));
  rows.push(nav, [button(t.allOffersButton, encodeCallback('desk:day'))]);
  return Markup.inlineKeyboard(rows);
}

/** Under a pickup confirmation: take it back if it was the wrong code. */
export const undoPickupKeyboard = (reservationId: number) =>
  Markup.inlineKeyboard([[button(t.undoPickupButton, encodeCallback('reservation:undo', reservationId))]]);

/** Under the end-of-window summary: post it again, or look back at who came. */
export const summaryKeyboard = (offerId: number) =>
  Markup.inlineKeyboard([
    [
      button(manageButtons.repeat, encodeCallback('offer:repeat', offerId)),
      button(manageButtons.reservations, encodeCallback('desk:offer', offerId, 0)),
    ],
  ]);
