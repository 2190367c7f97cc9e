import { type ListedOffer, PAGE_SIZE } from '../../../marketplace/browse.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { CustomerOffer } from '../../../marketplace/offer-details.js';
import type { ReservationSummary } from '../../../marketplace/reservations.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/customer.js';
import { distance, money as formatMoney, venueMoment, windowOf } from '../format.js';
import type { Locale } from '../locale.js';

/** What customers read, on a phone, probably hungry: short lines, the price and the time first. HTML. */

const money = (cents: number, l: Locale) => formatMoney(cents, l.currency);
/** A window in its venue's zone, named when the reader's clock reads otherwise (issue 17). */
const when = windowOf;
const e = escapeHtml;

function listedOffer(offer: ListedOffer, n: number, l: Locale): string {
  const off = discountPercent(offer.bestOriginalPrice, offer.bestPrice);
  const away = offer.distanceKm === null ? '' : ` · ${distance(offer.distanceKm)} entfernt`;
  return (
    `<b>${n}. ${e(offer.title)}</b> — ${e(offer.venueName)}\n` +
    `ab <b>${money(offer.bestPrice, l)}</b> <s>${money(offer.bestOriginalPrice, l)}</s> −${off}% · noch ${offer.unitsLeft} übrig\n` +
    `${when(offer, l)}${away}`
  );
}

export const browseTexts: typeof en.browseTexts = {
  list(listing, nearby, l, heading) {
    const title = nearby ? '🍱 <b>Angebote in deiner Nähe</b>' : '🍱 <b>Aktuelle Angebote</b>';
    const paging = listing.pages > 1 ? ` · Seite ${listing.page + 1}/${listing.pages}` : '';
    const entries = listing.offers.map((o, i) => listedOffer(o, listing.page * PAGE_SIZE + i + 1, l));
    return `${heading ?? `${title}${paging}`}\n\n${entries.join('\n\n')}\n\nTippe auf ein Angebot, um es anzusehen und zu reservieren.`;
  },
  empty:
    'Gerade gibt es nichts 🌙\nBetriebe stellen ihre Reste tagsüber ein, oft am späten Nachmittag. Schau später mit /offers wieder vorbei.',
  locationNudge:
    '📍 Teile deinen Standort, dann siehst du die nächsten Angebote zuerst. Er wird nur für diesen Chat gespeichert.',
  locationSaved: '📍 Danke! Die nächsten Angebote zuerst:',
  shareLocation: '📍 Standort teilen',
  offerGone: 'Dieses Angebot gibt es leider nicht mehr. Was es gerade gibt, siehst du unter /offers.',
  prev: '◀ Zurück',
  next: 'Weiter ▶',
};

/** Issue 14: a venue's average rating, once it has enough ratings to mean something. */
const ratingOf = (rating: CustomerOffer['venue']['rating']) =>
  rating
    ? ` · ⭐ ${rating.average.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} (${rating.count})`
    : '';

export const offerDetails: typeof en.offerDetails = (offer, l) => {
  const items = offer.items.map((item) => {
    const stock = item.unitsLeft > 0 ? `noch ${item.unitsLeft} übrig` : 'ausverkauft';
    const off = discountPercent(item.originalPrice, item.price);
    return `• ${e(item.name)} — <b>${money(item.price, l)}</b> <s>${money(item.originalPrice, l)}</s> −${off}% · ${stock}`;
  });
  const description = offer.description ? `\n${e(offer.description)}\n` : '';
  const soldOut = offer.items.every((i) => i.unitsLeft === 0)
    ? '\n\nGerade ist alles weg. Unter /offers findest du andere Angebote.'
    : '';
  return (
    `<b>${e(offer.title)}</b>\n${description}\n${items.join('\n')}\n\n` +
    `🏪 <b>${e(offer.venue.name)}</b>, ${e(offer.venue.address)}${ratingOf(offer.venue.rating)}\n` +
    `🕒 Abholung ${when(offer, l)} · Bezahlung bei Abholung${soldOut}` +
    (offer.venue.nextDropAt
      ? `\n📅 Nächstes Angebot: ${venueMoment(offer.venue.nextDropAt, l, offer.venue.zone)}`
      : '')
  );
};

export const reserveTexts: typeof en.reserveTexts = {
  button: (item, l) => `${item.name} reservieren · ${money(item.price, l)}`,
  askQuantity: (item, l) =>
    `<b>${e(item.name)}</b>: Wie viele möchtest du? ${money(item.price, l)} pro Stück · noch ${item.unitsLeft} übrig`,
  confirm: (offer, item, quantity, l) =>
    `<b>${quantity} × ${e(item.name)}</b> bei <b>${e(offer.venue.name)}</b> für <b>${money(item.price * quantity, l)}</b> reservieren?\n` +
    `Du zahlst bei der Abholung, ${when(offer, l)}.`,
  done: (r, l) =>
    `✅ <b>Reserviert!</b> Dein Abholcode: <code>${r.pickupCode}</code>\n\n` +
    `${r.quantity} × ${e(r.itemName)} — ${money(r.unitPrice * r.quantity, l)}, Bezahlung bei Abholung\n` +
    `🏪 <b>${e(r.venue.name)}</b>, ${e(r.venue.address)}\n` +
    `🕒 ${when(r, l)}\n\n` +
    'Zeig den Code an der Theke. Klappt doch nicht? Dann storniere bitte, damit jemand anderes das Essen retten kann.',
  confirmButton: '✅ Bestätigen',
  abortButton: 'Doch nicht',
  aborted: 'Okay, nichts reserviert. Alle Angebote findest du unter /offers.',
  backToOffer: 'Zum Angebot',
  reservedToast: 'Reserviert ✅',
};

export const ownerTexts: typeof en.ownerTexts = {
  newReservation: (r, l) =>
    `🛎 <b>Neue Reservierung</b>\n${e(r.customerName)}: ${r.quantity} × ${e(r.itemName)} (${e(r.offerTitle)})\n` +
    `Code <code>${r.pickupCode}</code> · ${money(r.unitPrice * r.quantity, l)} zu zahlen\n` +
    `🕒 ${when(r, l)}\n\nTippe bei der Abholung auf „Abgeholt“ oder sende /pickup ${r.pickupCode}.`,
  pickedUpButton: '✅ Abgeholt',
  cancelled: (r) =>
    `❌ ${e(r.customerName)} hat ${r.quantity} × ${e(r.itemName)} storniert (Code <code>${r.pickupCode}</code>). Die Stücke sind wieder im Verkauf.`,
  pickupDone: (p) =>
    `✅ Abgeholt: ${p.quantity} × ${e(p.itemName)} (Code <code>${p.pickupCode}</code>). Danke, dass du Essen rettest!`,
  pickupUsage: 'Schick den Abholcode hinter dem Befehl, z. B. <code>/pickup K7M2QX</code>.',
};

export const reservationTexts: typeof en.reservationTexts = {
  thanks: (p) =>
    `🎉 Lass dir ${e(p.itemName)} von <b>${e(p.venue.name)}</b> schmecken! Danke, dass du Essen vor der Tonne rettest.`,
  cancelled: (id) => `Reservierung #${id} storniert. Du musst nichts bezahlen.`,
  alreadyCancelled: (id) => `Reservierung #${id} war schon storniert.`,
  cancelUsage:
    'Um eine Reservierung zu stornieren, sende /cancel mit ihrer Nummer, z. B. <code>/cancel 12</code>. Die Nummern findest du unter /myreservations.',
  cancelButton: (id) => `✖ #${id} stornieren`,
  myReservationsButton: '🧾 Meine Reservierungen',
  none: 'Du hast noch keine Reservierungen. Finde ein Angebot mit /offers.',
};

const statusWords: Record<ReservationSummary['status'], string> = {
  reserved: '🟢 reserviert',
  picked_up: '✅ abgeholt',
  cancelled: 'storniert',
  no_show: '⌛ nicht abgeholt',
};

export const reservationList: typeof en.reservationList = (reservations, l, awayKm = () => null) => {
  const awayOf = (p: ReservationSummary) => {
    const km = awayKm(p);
    return km === null ? '' : ` · ${distance(km)} entfernt`;
  };
  const lines = reservations.map((p) => {
    const head = `<b>#${p.id}</b> ${p.quantity} × ${e(p.itemName)} — ${formatMoney(p.unitPrice * p.quantity, p.currency)} · ${statusWords[p.status]}`;
    if (p.status !== 'reserved') return `${head}\n${e(p.venueName)}`;
    return (
      `${head}\nCode <code>${p.pickupCode}</code> · 🕒 ${when(p, l)}\n` +
      `🏪 ${e(p.venueName)}, ${e(p.address)}${awayOf(p)}`
    );
  });
  return `🧾 <b>Deine Reservierungen</b>\n\n${lines.join('\n\n')}`;
};

/** Told to customers when something happens to their reservation that they did not do themselves. */
export const customerNotices: typeof en.customerNotices = {
  withdrawn: (offerTitle, venueName, code) =>
    `😔 <b>${e(venueName)}</b> hat <b>${e(offerTitle)}</b> zurückgezogen, deshalb ist deine Reservierung (Code <code>${code}</code>) storniert. Du musst nichts bezahlen. Andere Angebote findest du unter /offers.`,
  noShow: (offerTitle, code) =>
    `⌛ Die Abholzeit für <b>${e(offerTitle)}</b> ist vorbei, und deine Reservierung (Code <code>${code}</code>) wurde nicht abgeholt. Wenn sich deine Pläne ändern, storniere beim nächsten Mal bitte unter /myreservations, damit jemand anderes das Essen retten kann.`,
  windowChanged: (r, l) =>
    `⏰ <b>${e(r.venue.name)}</b> hat die Abholzeit für <b>${e(r.offerTitle)}</b> geändert: jetzt <b>${when(r, l)}</b>.\n` +
    `Deine Reservierung (${r.quantity} × ${e(r.itemName)}, Code <code>${r.pickupCode}</code>) bleibt bestehen. Passt dir die neue Zeit nicht, storniere sie unter /myreservations, damit jemand anderes das Essen retten kann.`,
  pickupUndone: (r, l) =>
    `↩️ <b>${e(r.venue.name)}</b> hatte deine Reservierung versehentlich als abgeholt markiert und das rückgängig gemacht. Sie ist wieder offen: ` +
    `${r.quantity} × ${e(r.itemName)}, Code <code>${r.pickupCode}</code>, Abholung ${when(r, l)}.`,
  markedNoShow: (r) =>
    `😕 <b>${e(r.venue.name)}</b> hat deine Reservierung für <b>${e(r.offerTitle)}</b> (Code <code>${r.pickupCode}</code>) als nicht abgeholt markiert, damit ist sie beendet. Falls das ein Irrtum ist, sprich bitte mit dem Betrieb.`,
};
