import type { DeskReservation, DeskTotals } from '../../../marketplace/list-reservations.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/desk.js';
import { pickupWindow as describePickupWindow, money as formatMoney } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** The counter (/reservations) and the end-of-window summary, as the venue's owner and staff read them. HTML. */

const money = (cents: number, l: Locale) => formatMoney(cents, l.currency);
const when = (o: { pickupStart: Date; pickupEnd: Date }, l: Locale) =>
  describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone);
const reservationCount = (n: number) => plural(n, { one: '# Reservierung', other: '# Reservierungen' });

function totalsLine(t: DeskTotals, l: Locale): string {
  return (
    `📥 Abzuholen: <b>${reservationCount(t.toCollect)}</b> (${t.toCollectUnits} Stück, ${money(t.cashExpected, l)})\n` +
    `✅ Abgeholt: <b>${t.collected}</b> (${money(t.cashTaken, l)} eingenommen)` +
    (t.noShows > 0 ? ` · 🚫 nicht abgeholt: ${t.noShows}` : '') +
    `\n💶 Insgesamt erwartet: <b>${money(t.cashExpected + t.cashTaken, l)}</b>` +
    (t.paidOnline > 0 ? `\n💳 Online bezahlt: <b>${money(t.paidOnline, l)}</b>, nichts zu kassieren` : '')
  );
}

const statusWords: Record<DeskReservation['status'], string> = {
  reserved: '🟢 abzuholen',
  picked_up: '✅ abgeholt',
  no_show: '🚫 nicht abgeholt',
};

export const deskTexts: typeof en.deskTexts = {
  notAtVenue:
    'Reservierungen sehen hier nur Inhaber und Team eines Betriebs. Registriere einen Betrieb mit /register oder lass dir vom Inhaber einen Einladungslink fürs Team schicken.',
  day(offers, totals, l) {
    if (offers.length === 0) {
      return '🧾 <b>Wer kommt</b>\n\nHeute und demnächst keine Angebote. Stell eins mit /newoffer ein oder wiederhole eins aus /myoffers.';
    }
    const lines = offers.map(
      (o) =>
        `<b>${e(o.title)}</b> #${o.offerId} · ${when(o, l)}\n` +
        `${reservationCount(o.totals.toCollect)} abzuholen · ${o.totals.collected} abgeholt`,
    );
    return `🧾 <b>Wer kommt</b> (heute und demnächst)\n\n${lines.join('\n\n')}\n\n${totalsLine(totals, l)}\n\nTippe auf ein Angebot für Namen und Codes.`;
  },
  offer(offer, reservations, page, pages, l) {
    const head = `🧾 <b>${e(offer.title)}</b> #${offer.offerId} · ${when(offer, l)}${pages > 1 ? ` · Seite ${page + 1}/${pages}` : ''}`;
    if (reservations.length === 0)
      return `${head}\n\nNoch keine Reservierungen.\n\n${totalsLine(offer.totals, l)}`;
    const lines = reservations.map(
      (r) =>
        `<b>#${r.id}</b> ${e(r.customerName || 'Gast')} — ${r.quantity} × ${e(r.itemName)} · <code>${r.pickupCode}</code> · ${money(r.amount, l)}${r.paidOnline ? ' 💳' : ''} · ${statusWords[r.status]}`,
    );
    return `${head}\n\n${lines.join('\n')}\n\n${totalsLine(offer.totals, l)}`;
  },
  pickedUpButton: (r) => truncate(`✅ #${r.id} ${r.customerName}`, 40),
  noShowButton: (r) => `🚫 Nicht gekommen #${r.id}`,
  undoButton: (r) => `↩️ #${r.id} rückgängig`,
  undoPickupButton: '↩️ Abholung rückgängig',
  allOffersButton: '◀ Alle Angebote',
  openButton: (o) => truncate(`📋 ${o.title}`, 40),
  refreshButton: '🔄 Aktualisieren',
  pickedUp: (id) => `✅ #${id} abgeholt.`,
  noShow: (id, restocked) =>
    `🚫 #${id} als nicht abgeholt markiert.${restocked > 0 ? ` ${restocked} Stück wieder im Verkauf.` : ''}`,
  undone: (r) =>
    `↩️ Abholung rückgängig gemacht: ${r.quantity} × ${e(r.itemName)} ist wieder offen (Code <code>${r.pickupCode}</code>). Die Person wurde informiert.`,
  undoneToast: (id) => `↩️ #${id} ist wieder offen.`,
};

export const windowSummaryText: typeof en.windowSummaryText = (s, l) => {
  const cash = formatMoney(s.cashTaken, s.currency ?? l.currency);
  const paid =
    s.paidOnline > 0
      ? `\n💳 Online bezahlt: <b>${formatMoney(s.paidOnline, s.currency ?? l.currency)}</b>`
      : '';
  const saved =
    s.kgSaved !== null && s.kgSaved > 0
      ? `\n🌱 <b>${s.kgSaved.toLocaleString('de-DE', { maximumFractionDigits: 1 })} kg</b> Essen gerettet`
      : '';
  if (s.reserved === 0) {
    return `🧾 <b>${e(s.title)}</b> #${s.offerId}: Die Abholzeit ist vorbei.\nDiesmal wurde nichts reserviert. Probier eine spätere Abholzeit, einen niedrigeren Preis oder ein Foto und dann 🔁 Wiederholen.`;
  }
  return (
    `🧾 <b>${e(s.title)}</b> #${s.offerId}: Die Abholzeit ist vorbei.\n\n` +
    `Reserviert: <b>${reservationCount(s.reserved)}</b> (${s.reservedUnits} Stück)\n` +
    `Abgeholt: <b>${s.collected}</b> (${s.collectedUnits} Stück)\n` +
    `Nicht abgeholt: <b>${s.noShows}</b>\n` +
    `Eingenommen: <b>${cash}</b>${paid}${saved}\n\nDanke, dass du Essen rettest! 💚`
  );
};
