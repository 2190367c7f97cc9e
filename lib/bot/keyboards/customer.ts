import { Markup } from 'telegraf';
import type { CustomerOffer } from '../../marketplace/offer-details.js';
import { MAX_UNITS_PER_RESERVATION, type ReservationSummary } from '../../marketplace/reservations.js';
import { encodeCallback } from '../callback-data.js';
import { browsingTexts } from '../texts/browsing.js';
import { browseTexts, ownerTexts, reservationTexts, reserveTexts } from '../texts/customer.js';
import type { Locale } from '../texts/locale.js';
import { truncate } from '../truncate.js';

const button = Markup.button.callback;
/** Telegram cuts long button labels anyway; cutting them ourselves keeps the number visible. */
const label = (text: string, max = 40) => truncate(text, max);

/** A reply-keyboard button that asks the phone for its location; it hides itself once used. */
export const shareLocationKeyboard = () =>
  Markup.keyboard([[Markup.button.locationRequest(browseTexts.shareLocation)]])
    .resize()
    .oneTime();

/** A Reserve button per item that has units left. */
export function offerKeyboard(offer: CustomerOffer, l: Locale) {
  return Markup.inlineKeyboard(
    offer.items
      .filter((item) => item.unitsLeft > 0)
      .map((item) => [
        button(label(reserveTexts.button(item, l), 60), encodeCallback('buy:item', offer.id, item.id)),
      ]),
  );
}

export function quantityKeyboard(offerId: number, itemId: number, unitsLeft: number) {
  const max = Math.min(unitsLeft, MAX_UNITS_PER_RESERVATION);
  const counts = Array.from({ length: max }, (_, i) => i + 1);
  return Markup.inlineKeyboard([
    counts.map((n) => button(String(n), encodeCallback('buy:qty', offerId, itemId, n))),
    [button(reserveTexts.abortButton, encodeCallback('buy:abort'))],
  ]);
}

export const confirmKeyboard = (offerId: number, itemId: number, quantity: number) =>
  Markup.inlineKeyboard([
    [
      button(reserveTexts.confirmButton, encodeCallback('buy:confirm', offerId, itemId, quantity)),
      button(reserveTexts.abortButton, encodeCallback('buy:abort')),
    ],
  ]);

export const backToOfferKeyboard = (offerId: number) =>
  Markup.inlineKeyboard([[button(reserveTexts.backToOffer, encodeCallback('offer:view', offerId))]]);

export const reservedKeyboard = (reservationId: number) =>
  Markup.inlineKeyboard([
    [
      button(
        reservationTexts.cancelButton(reservationId),
        encodeCallback('reservation:cancel', reservationId),
      ),
      button(reservationTexts.myReservationsButton, encodeCallback('reservations:mine')),
    ],
  ]);

export const ownerOrderKeyboard = (reservationId: number) =>
  Markup.inlineKeyboard([
    [button(ownerTexts.pickedUpButton, encodeCallback('reservation:pickup', reservationId))],
  ]);

/** For each reservation still open: Cancel, and (issue 17) the venue on a map when it has a pin. */
export const reservationsKeyboard = (reservations: ReservationSummary[]) =>
  Markup.inlineKeyboard(
    reservations
      .filter((p) => p.status === 'reserved')
      .map((p) => [
        button(reservationTexts.cancelButton(p.id), encodeCallback('reservation:cancel', p.id)),
        ...(p.venueLatitude !== null && p.venueLongitude !== null
          ? [button(browsingTexts.reservationMapButton(p.id), encodeCallback('reservation:map', p.id))]
          : []),
      ]),
  );
