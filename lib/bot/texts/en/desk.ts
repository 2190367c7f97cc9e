import type { DeskOffer, DeskReservation, DeskTotals } from '../../../marketplace/list-reservations.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import type { WindowSummary } from '../../../marketplace/window-summary.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import type { Locale } from '../locale.js';

/** The counter (/reservations) and the end-of-window summary, as the venue's owner and staff read them. HTML. */

const money = (cents: number, l: Locale) => formatMoney(cents, l.currency);
const when = (o: { pickupStart: Date; pickupEnd: Date }, l: Locale) =>
  describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function totalsLine(t: DeskTotals, l: Locale): string {
  return (
    `📥 To collect: <b>${plural(t.toCollect, 'reservation')}</b> (${plural(t.toCollectUnits, 'unit')}, ${money(t.cashExpected, l)})\n` +
    `✅ Collected: <b>${t.collected}</b> (${money(t.cashTaken, l)} taken)` +
    (t.noShows > 0 ? ` · 🚫 not picked up: ${t.noShows}` : '') +
    `\n💶 Cash expected in all: <b>${money(t.cashExpected + t.cashTaken, l)}</b>` +
    (t.paidOnline > 0 ? `\n💳 Paid online: <b>${money(t.paidOnline, l)}</b>, nothing to collect` : '')
  );
}

const statusWords: Record<DeskReservation['status'], string> = {
  reserved: '🟢 to collect',
  picked_up: '✅ picked up',
  no_show: '🚫 not picked up',
};

export const deskTexts = {
  notAtVenue:
    'Only a venue’s owner and staff see reservations here. Register a venue with /register, or ask its owner for a staff invite link.',
  day(offers: DeskOffer[], totals: DeskTotals, l: Locale): string {
    if (offers.length === 0) {
      return '🧾 <b>Who is coming</b>\n\nNo offers today or coming up. Post one with /newoffer, or repeat one from /myoffers.';
    }
    const lines = offers.map(
      (o) =>
        `<b>${e(o.title)}</b> #${o.offerId} · ${when(o, l)}\n` +
        `${plural(o.totals.toCollect, 'reservation')} to collect · ${o.totals.collected} collected`,
    );
    return `🧾 <b>Who is coming</b> (today and upcoming)\n\n${lines.join('\n\n')}\n\n${totalsLine(totals, l)}\n\nTap an offer to see names and codes.`;
  },
  offer(offer: DeskOffer, reservations: DeskReservation[], page: number, pages: number, l: Locale): string {
    const head = `🧾 <b>${e(offer.title)}</b> #${offer.offerId} · ${when(offer, l)}${pages > 1 ? ` · page ${page + 1}/${pages}` : ''}`;
    if (reservations.length === 0) return `${head}\n\nNo reservations yet.\n\n${totalsLine(offer.totals, l)}`;
    const lines = reservations.map(
      (r) =>
        `<b>#${r.id}</b> ${e(r.customerName || 'Customer')} — ${r.quantity} × ${e(r.itemName)} · <code>${r.pickupCode}</code> · ${money(r.amount, l)}${r.paidOnline ? ' 💳' : ''} · ${statusWords[r.status]}`,
    );
    return `${head}\n\n${lines.join('\n')}\n\n${totalsLine(offer.totals, l)}`;
  },
  pickedUpButton: (r: DeskReservation) => truncate(`✅ #${r.id} ${r.customerName}`, 40),
  noShowButton: (r: DeskReservation) => `🚫 No-show #${r.id}`,
  undoButton: (r: DeskReservation) => `↩️ Undo pickup #${r.id}`,
  undoPickupButton: '↩️ Undo pickup',
  allOffersButton: '◀ All offers',
  openButton: (o: DeskOffer) => truncate(`📋 ${o.title}`, 40),
  refreshButton: '🔄 Refresh',
  pickedUp: (id: number) => `✅ #${id} picked up.`,
  noShow: (id: number, restocked: number) =>
    `🚫 #${id} marked as not picked up.${restocked > 0 ? ` ${plural(restocked, 'unit')} back on sale.` : ''}`,
  undone: (r: ReservationFacts) =>
    `↩️ Pickup undone: ${r.quantity} × ${e(r.itemName)} is open again (code <code>${r.pickupCode}</code>). The customer was told.`,
  undoneToast: (id: number) => `↩️ #${id} is open again.`,
};

export function windowSummaryText(s: WindowSummary, l: Locale): string {
  const cash = formatMoney(s.cashTaken, s.currency ?? l.currency);
  const paid =
    s.paidOnline > 0 ? `\n💳 Paid online: <b>${formatMoney(s.paidOnline, s.currency ?? l.currency)}</b>` : '';
  const saved =
    s.kgSaved !== null && s.kgSaved > 0
      ? `\n🌱 <b>${s.kgSaved.toLocaleString('en-GB', { maximumFractionDigits: 1 })} kg</b> of food saved`
      : '';
  if (s.reserved === 0) {
    return `🧾 <b>${e(s.title)}</b> #${s.offerId}: the pickup window is over.\nNothing was reserved this time. Try a later window, a lower price or a photo, then 🔁 Repeat it.`;
  }
  return (
    `🧾 <b>${e(s.title)}</b> #${s.offerId}: the pickup window is over.\n\n` +
    `Reserved: <b>${plural(s.reserved, 'reservation')}</b> (${plural(s.reservedUnits, 'unit')})\n` +
    `Collected: <b>${s.collected}</b> (${plural(s.collectedUnits, 'unit')})\n` +
    `Not picked up: <b>${s.noShows}</b>\n` +
    `Cash taken: <b>${cash}</b>${paid}${saved}\n\nThanks for saving food! 💚`
  );
}
