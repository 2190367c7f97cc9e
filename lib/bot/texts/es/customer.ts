import { type ListedOffer, PAGE_SIZE } from '../../../marketplace/browse.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { CustomerOffer } from '../../../marketplace/offer-details.js';
import type { ReservationSummary } from '../../../marketplace/reservations.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/customer.js';
import { distance, money as formatMoney, venueMoment, windowOf } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** Lo que leen los clientes, en el móvil y seguramente con hambre: frases cortas, primero el precio y la hora. HTML. */

const money = (cents: number, l: Locale) => formatMoney(cents, l.currency);
/** A window in its venue's zone, named when the reader's clock reads otherwise (issue 17). */
const when = windowOf;
const e = escapeHtml;
const left = (n: number) => plural(n, { one: 'queda #', other: 'quedan #' });

function listedOffer(offer: ListedOffer, n: number, l: Locale): string {
  const off = discountPercent(offer.bestOriginalPrice, offer.bestPrice);
  const away = offer.distanceKm === null ? '' : ` · a ${distance(offer.distanceKm)}`;
  return (
    `<b>${n}. ${e(offer.title)}</b> — ${e(offer.venueName)}\n` +
    `desde <b>${money(offer.bestPrice, l)}</b> <s>${money(offer.bestOriginalPrice, l)}</s> −${off}% · ${left(offer.unitsLeft)}\n` +
    `${when(offer, l)}${away}`
  );
}

export const browseTexts: typeof en.browseTexts = {
  list(listing, nearby, l, heading) {
    const title = nearby ? '🍱 <b>Ofertas cerca de ti</b>' : '🍱 <b>Ofertas ahora mismo</b>';
    const paging = listing.pages > 1 ? ` · página ${listing.page + 1}/${listing.pages}` : '';
    const entries = listing.offers.map((o, i) => listedOffer(o, listing.page * PAGE_SIZE + i + 1, l));
    return `${heading ?? `${title}${paging}`}\n\n${entries.join('\n\n')}\n\nToca una oferta para verla y reservar.`;
  },
  empty:
    'Ahora mismo no hay ofertas 🌙\nLos locales publican lo que les sobra durante el día, muchas veces a última hora de la tarde. Vuelve a mirar más tarde con /offers.',
  locationNudge:
    '📍 Comparte tu ubicación para ver primero las ofertas más cercanas. Solo se guarda para este chat.',
  locationSaved: '📍 ¡Gracias! Primero, las más cercanas:',
  shareLocation: '📍 Compartir ubicación',
  offerGone: 'Lo siento, esta oferta ya no está disponible. Mira en /offers lo que hay ahora.',
  prev: '◀ Anterior',
  next: 'Siguiente ▶',
};

/** Issue 14: la valoración media de un local, cuando ya tiene suficientes valoraciones para decir algo. */
const ratingOf = (rating: CustomerOffer['venue']['rating']) =>
  rating ? ` · ⭐ ${rating.average.toFixed(1).replace('.', ',')} (${rating.count})` : '';

export const offerDetails: typeof en.offerDetails = (offer, l) => {
  const items = offer.items.map((item) => {
    const stock = item.unitsLeft > 0 ? left(item.unitsLeft) : 'agotado';
    const off = discountPercent(item.originalPrice, item.price);
    return `• ${e(item.name)} — <b>${money(item.price, l)}</b> <s>${money(item.originalPrice, l)}</s> −${off}% · ${stock}`;
  });
  const description = offer.description ? `\n${e(offer.description)}\n` : '';
  const soldOut = offer.items.every((i) => i.unitsLeft === 0)
    ? '\n\nDe momento se ha agotado todo. Mira otras ofertas en /offers.'
    : '';
  return (
    `<b>${e(offer.title)}</b>\n${description}\n${items.join('\n')}\n\n` +
    `🏪 <b>${e(offer.venue.name)}</b>, ${e(offer.venue.address)}${ratingOf(offer.venue.rating)}\n` +
    `🕒 Recogida ${when(offer, l)} · pagas al recoger${soldOut}` +
    (offer.venue.nextDropAt
      ? `\n📅 Próxima oferta: ${venueMoment(offer.venue.nextDropAt, l, offer.venue.zone)}`
      : '')
  );
};

export const reserveTexts: typeof en.reserveTexts = {
  button: (item, l) => `Reservar ${item.name} · ${money(item.price, l)}`,
  askQuantity: (item, l) =>
    `¿Cuántas unidades de <b>${e(item.name)}</b>? ${money(item.price, l)} cada una · ${left(item.unitsLeft)}`,
  confirm: (offer, item, quantity, l) =>
    `¿Reservar <b>${quantity} × ${e(item.name)}</b> en <b>${e(offer.venue.name)}</b> por <b>${money(item.price * quantity, l)}</b>?\n` +
    `Pagas al recoger, ${when(offer, l)}.`,
  done: (r, l) =>
    `✅ <b>¡Reservado!</b> Tu código de recogida: <code>${r.pickupCode}</code>\n\n` +
    `${r.quantity} × ${e(r.itemName)} — ${money(r.unitPrice * r.quantity, l)}, pagas al recoger\n` +
    `🏪 <b>${e(r.venue.name)}</b>, ${e(r.venue.address)}\n` +
    `🕒 ${when(r, l)}\n\n` +
    'Enseña el código en el mostrador. ¿Al final no puedes ir? Cancela, y así otra persona podrá salvar esa comida.',
  confirmButton: '✅ Confirmar',
  abortButton: 'Mejor no',
  aborted: 'De acuerdo, no se ha reservado nada. En /offers tienes todas las ofertas.',
  backToOffer: 'Ver la oferta',
  reservedToast: 'Reservado ✅',
};

export const ownerTexts: typeof en.ownerTexts = {
  newReservation: (r, l) =>
    `🛎 <b>Nueva reserva</b>\n${e(r.customerName)}: ${r.quantity} × ${e(r.itemName)} (${e(r.offerTitle)})\n` +
    `Código <code>${r.pickupCode}</code> · ${money(r.unitPrice * r.quantity, l)} a pagar\n` +
    `🕒 ${when(r, l)}\n\nToca «Recogido» cuando se lo lleve, o envía /pickup ${r.pickupCode}.`,
  pickedUpButton: '✅ Recogido',
  cancelled: (r) =>
    `❌ ${e(r.customerName)} ha cancelado ${r.quantity} × ${e(r.itemName)} (código <code>${r.pickupCode}</code>). Las unidades vuelven a estar a la venta.`,
  pickupDone: (p) =>
    `✅ Recogido: ${p.quantity} × ${e(p.itemName)} (código <code>${p.pickupCode}</code>). ¡Gracias por salvar comida!`,
  pickupUsage: 'Envía el código del cliente después del comando, p. ej. <code>/pickup K7M2QX</code>.',
};

export const reservationTexts: typeof en.reservationTexts = {
  thanks: (p) =>
    `🎉 ¡Que disfrutes tu ${e(p.itemName)} de <b>${e(p.venue.name)}</b>! Gracias por salvar comida de la basura.`,
  cancelled: (id) => `Reserva #${id} cancelada. No tienes que pagar nada.`,
  alreadyCancelled: (id) => `La reserva #${id} ya estaba cancelada.`,
  cancelUsage:
    'Para cancelar una reserva, envía /cancel y su número, p. ej. <code>/cancel 12</code>. Los números están en /myreservations.',
  cancelButton: (id) => `✖ Cancelar #${id}`,
  myReservationsButton: '🧾 Mis reservas',
  none: 'Aún no tienes reservas. Encuentra una oferta con /offers.',
};

const statusWords: Record<ReservationSummary['status'], string> = {
  reserved: '🟢 reservada',
  picked_up: '✅ recogida',
  cancelled: 'cancelada',
  no_show: '⌛ no recogida',
};

export const reservationList: typeof en.reservationList = (reservations, l, awayKm = () => null) => {
  const awayOf = (p: ReservationSummary) => {
    const km = awayKm(p);
    return km === null ? '' : ` · a ${distance(km)}`;
  };
  const lines = reservations.map((p) => {
    const head = `<b>#${p.id}</b> ${p.quantity} × ${e(p.itemName)} — ${formatMoney(p.unitPrice * p.quantity, p.currency)} · ${statusWords[p.status]}`;
    if (p.status !== 'reserved') return `${head}\n${e(p.venueName)}`;
    return (
      `${head}\nCódigo <code>${p.pickupCode}</code> · 🕒 ${when(p, l)}\n` +
      `🏪 ${e(p.venueName)}, ${e(p.address)}${awayOf(p)}`
    );
  });
  return `🧾 <b>Tus reservas</b>\n\n${lines.join('\n\n')}`;
};

/** Lo que se cuenta a los clientes cuando a su reserva le pasa algo que no han hecho ellos. */
export const customerNotices: typeof en.customerNotices = {
  withdrawn: (offerTitle, venueName, code) =>
    `😔 <b>${e(venueName)}</b> ha retirado <b>${e(offerTitle)}</b>, así que tu reserva (código <code>${code}</code>) queda cancelada. No tienes que pagar nada. Mira otras ofertas en /offers.`,
  noShow: (offerTitle, code) =>
    `⌛ El horario de recogida de <b>${e(offerTitle)}</b> ha terminado y tu reserva (código <code>${code}</code>) no se recogió. La próxima vez, si cambian tus planes, cancélala en /myreservations para que otra persona pueda salvar la comida.`,
  windowChanged: (r, l) =>
    `⏰ <b>${e(r.venue.name)}</b> ha cambiado el horario de recogida de <b>${e(r.offerTitle)}</b>: ahora es <b>${when(r, l)}</b>.\n` +
    `Tu reserva (${r.quantity} × ${e(r.itemName)}, código <code>${r.pickupCode}</code>) sigue en pie. Si el nuevo horario no te viene bien, cancélala en /myreservations para que otra persona pueda salvar la comida.`,
  pickupUndone: (r, l) =>
    `↩️ <b>${e(r.venue.name)}</b> marcó tu reserva como recogida por error y lo ha deshecho. Vuelve a estar abierta: ` +
    `${r.quantity} × ${e(r.itemName)}, código <code>${r.pickupCode}</code>, recogida ${when(r, l)}.`,
  markedNoShow: (r) =>
    `😕 <b>${e(r.venue.name)}</b> ha marcado tu reserva de <b>${e(r.offerTitle)}</b> (código <code>${r.pickupCode}</code>) como no recogida, así que se ha cerrado. Si es un error, habla con el local.`,
};
