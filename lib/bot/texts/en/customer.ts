import { type ListedOffer, PAGE_SIZE } from '../../../marketplace/browse.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { CustomerOffer, CustomerOfferItem } from '../../../marketplace/offer-details.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import type { ReservationSummary } from '../../../marketplace/reservations.js';
import { escapeHtml } from '../../html.js';
import { distance, money as formatMoney, venueMoment, windowOf } from '../format.js';
import type { Locale } from '../locale.js';

/** What customers read, on a phone, probably hungry: short lines, the price and the time first. HTML. */

const money = (cents: number, l: Locale) => formatMoney(cents, l.currency);
/** A window in its venue's zone, named when the reader's clock reads otherwise (issue 17). */
const when = windowOf;
const e = escapeHtml;

function listedOffer(offer: ListedOffer, n: number, l: Locale): string {
  const off = discountPercent(offer.bestOriginalPrice, offer.bestPrice);
  const away = offer.distanceKm === null ? '' : ` · ${distance(offer.distanceKm)} away`;
  return (
    `<b>${n}. ${e(offer.title)}</b> — ${e(offer.venueName)}\n` +
    `from <b>${money(offer.bestPrice, l)}</b> <s>${money(offer.bestOriginalPrice, l)}</s> −${off}% · ${offer.unitsLeft} left\n` +
    `${when(offer, l)}${away}`
  );
}

export const browseTexts = {
  list(
    listing: { offers: ListedOffer[]; page: number; pages: number },
    nearby: boolean,
    l: Locale,
    /** Issue 17: a heading in place of the title (a search's: what was asked, how many, the page). */
    heading?: string,
  ) {
    const title = nearby ? '🍱 <b>Deals near you</b>' : '🍱 <b>Deals right now</b>';
    const paging = listing.pages > 1 ? ` · page ${listing.page + 1}/${listing.pages}` : '';
    const entries = listing.offers.map((o, i) => listedOffer(o, listing.page * PAGE_SIZE + i + 1, l));
    return `${heading ?? `${title}${paging}`}\n\n${entries.join('\n\n')}\n\nTap a deal to see it and reserve.`;
  },
  empty:
    'Nothing on offer right now 🌙\nVenues post their surplus during the day, often late afternoon. Check again later with /offers.',
  locationNudge: '📍 Share your location to see the closest deals first. It is kept for this chat only.',
  locationSaved: '📍 Thanks! Closest deals first:',
  shareLocation: '📍 Share location',
  offerGone: 'Sorry, this offer is no longer available. See /offers for what’s on now.',
  prev: '◀ Prev',
  next: 'Next ▶',
};

/** Issue 14: a venue's average rating, once it has enough ratings to mean something. */
const ratingOf = (rating: CustomerOffer['venue']['rating']) =>
  rating ? ` · ⭐ ${rating.average.toFixed(1)} (${rating.count})` : '';

export function offerDetails(offer: CustomerOffer, l: Locale): string {
  const items = offer.items.map((item) => {
    const stock = item.unitsLeft > 0 ? `${item.unitsLeft} left` : 'sold out';
    const off = discountPercent(item.originalPrice, item.price);
    return `• ${e(item.name)} — <b>${money(item.price, l)}</b> <s>${money(item.originalPrice, l)}</s> −${off}% · ${stock}`;
  });
  const description = offer.description ? `\n${e(offer.description)}\n` : '';
  const soldOut = offer.items.every((i) => i.unitsLeft === 0)
    ? '\n\nAll gone for now. Check /offers for other deals.'
    : '';
  return (
    `<b>${e(offer.title)}</b>\n${description}\n${items.join('\n')}\n\n` +
    `🏪 <b>${e(offer.venue.name)}</b>, ${e(offer.venue.address)}${ratingOf(offer.venue.rating)}\n` +
    `🕒 Pickup ${when(offer, l)} · pay at pickup${soldOut}` +
    (offer.venue.nextDropAt
      ? `\n📅 Next drop: ${venueMoment(offer.venue.nextDropAt, l, offer.venue.zone)}`
      : '')
  );
}

export const reserveTexts = {
  button: (item: CustomerOfferItem, l: Locale) => `Reserve ${item.name} · ${money(item.price, l)}`,
  askQuantity: (item: CustomerOfferItem, l: Locale) =>
    `How many <b>${e(item.name)}</b>? ${money(item.price, l)} each · ${item.unitsLeft} left`,
  confirm: (offer: CustomerOffer, item: CustomerOfferItem, quantity: number, l: Locale) =>
    `Reserve <b>${quantity} × ${e(item.name)}</b> at <b>${e(offer.venue.name)}</b> for <b>${money(item.price * quantity, l)}</b>?\n` +
    `You pay at pickup, ${when(offer, l)}.`,
  done: (r: ReservationFacts, l: Locale) =>
    `✅ <b>Reserved!</b> Your pickup code: <code>${r.pickupCode}</code>\n\n` +
    `${r.quantity} × ${e(r.itemName)} — ${money(r.unitPrice * r.quantity, l)}, pay at pickup\n` +
    `🏪 <b>${e(r.venue.name)}</b>, ${e(r.venue.address)}\n` +
    `🕒 ${when(r, l)}\n\n` +
    'Show the code at the counter. Can’t make it? Cancel, so someone else can rescue it.',
  confirmButton: '✅ Confirm',
  abortButton: 'Never mind',
  aborted: 'OK, nothing reserved. /offers shows all deals.',
  backToOffer: 'See the offer',
  reservedToast: 'Reserved ✅',
};

export const ownerTexts = {
  newReservation: (r: ReservationFacts, l: Locale) =>
    `🛎 <b>New reservation</b>\n${e(r.customerName)}: ${r.quantity} × ${e(r.itemName)} (${e(r.offerTitle)})\n` +
    `Code <code>${r.pickupCode}</code> · ${money(r.unitPrice * r.quantity, l)} to pay\n` +
    `🕒 ${when(r, l)}\n\nTap “Picked up” when they collect it, or send /pickup ${r.pickupCode}.`,
  pickedUpButton: '✅ Picked up',
  cancelled: (r: ReservationFacts) =>
    `❌ ${e(r.customerName)} cancelled ${r.quantity} × ${e(r.itemName)} (code <code>${r.pickupCode}</code>). The units are back on sale.`,
  pickupDone: (p: ReservationFacts) =>
    `✅ Picked up: ${p.quantity} × ${e(p.itemName)} (code <code>${p.pickupCode}</code>). Thanks for saving food!`,
  pickupUsage: 'Send the customer’s code after the command, e.g. <code>/pickup K7M2QX</code>.',
};

export const reservationTexts = {
  thanks: (p: ReservationFacts) =>
    `🎉 Enjoy your ${e(p.itemName)} from <b>${e(p.venue.name)}</b>! Thanks for rescuing food from the bin.`,
  cancelled: (id: number) => `Reservation #${id} cancelled. Nothing to pay.`,
  alreadyCancelled: (id: number) => `Reservation #${id} was already cancelled.`,
  cancelUsage:
    'To cancel a reservation, send /cancel and its number, e.g. <code>/cancel 12</code>. Find the numbers in /myreservations.',
  cancelButton: (id: number) => `✖ Cancel #${id}`,
  myReservationsButton: '🧾 My reservations',
  none: 'You have no reservations yet. Find a deal with /offers.',
};

const statusWords: Record<ReservationSummary['status'], string> = {
  reserved: '🟢 reserved',
  picked_up: '✅ picked up',
  cancelled: 'cancelled',
  no_show: '⌛ not picked up',
};

/** Issue 17: `awayKm` says how far each reservation's venue is, when the customer's location is known. */
export function reservationList(
  reservations: ReservationSummary[],
  l: Locale,
  awayKm: (p: ReservationSummary) => number | null = () => null,
): string {
  const awayOf = (p: ReservationSummary) => {
    const km = awayKm(p);
    return km === null ? '' : ` · ${distance(km)} away`;
  };
  const lines = reservations.map((p) => {
    const head = `<b>#${p.id}</b> ${p.quantity} × ${e(p.itemName)} — ${formatMoney(p.unitPrice * p.quantity, p.currency)} · ${statusWords[p.status]}`;
    if (p.status !== 'reserved') return `${head}\n${e(p.venueName)}`;
    return (
      `${head}\nCode <code>${p.pickupCode}</code> · 🕒 ${when(p, l)}\n` +
      `🏪 ${e(p.venueName)}, ${e(p.address)}${awayOf(p)}`
    );
  });
  return `🧾 <b>Your reservations</b>\n\n${lines.join('\n\n')}`;
}

/** Told to customers when something happens to their reservation that they did not do themselves. */
export const customerNotices = {
  withdrawn: (offerTitle: string, venueName: string, code: string) =>
    `😔 <b>${e(venueName)}</b> withdrew <b>${e(offerTitle)}</b>, so your reservation (code <code>${code}</code>) is cancelled. Nothing to pay. See /offers for other deals.`,
  noShow: (offerTitle: string, code: string) =>
    `⌛ The pickup window for <b>${e(offerTitle)}</b> is over and your reservation (code <code>${code}</code>) was not collected. Next time, please cancel in /myreservations if plans change, so someone else can rescue the food.`,
  windowChanged: (r: ReservationFacts, l: Locale) =>
    `⏰ <b>${e(r.venue.name)}</b> moved the pickup time of <b>${e(r.offerTitle)}</b>: it is now <b>${when(r, l)}</b>.\n` +
    `Your reservation (${r.quantity} × ${e(r.itemName)}, code <code>${r.pickupCode}</code>) stands. If the new time doesn’t suit you, cancel it in /myreservations so someone else can rescue the food.`,
  pickupUndone: (r: ReservationFacts, l: Locale) =>
    `↩️ <b>${e(r.venue.name)}</b> marked your reservation as picked up by mistake and undid it. It is open again: ` +
    `${r.quantity} × ${e(r.itemName)}, code <code>${r.pickupCode}</code>, pickup ${when(r, l)}.`,
  markedNoShow: (r: ReservationFacts) =>
    `😕 <b>${e(r.venue.name)}</b> marked your reservation for <b>${e(r.offerTitle)}</b> (code <code>${r.pickupCode}</code>) as not picked up, so it has ended. If that’s a mistake, please talk to the venue.`,
};
