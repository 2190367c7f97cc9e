import type { DeskReservation, DeskTotals } from '../../../marketplace/list-reservations.js';
import { escapeHtml as e } from '../../html.js';
import { truncate } from '../../truncate.js';
import type * as en from '../en/desk.js';
import { pickupWindow as describePickupWindow, money as formatMoney, number } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** El mostrador (/reservations) y el resumen al terminar la recogida, tal como lo leen el dueño y el personal. HTML. */

const money = (cents: number, l: Locale) => formatMoney(cents, l.currency);
const when = (o: { pickupStart: Date; pickupEnd: Date }, l: Locale) =>
  describePickupWindow(o.pickupStart, o.pickupEnd, l.now, l.timezone);
const reservations = (n: number) => plural(n, { one: '# reserva', other: '# reservas' });
const units = (n: number) => plural(n, { one: '# unidad', other: '# unidades' });

function totalsLine(t: DeskTotals, l: Locale): string {
  return (
    `📥 Por recoger: <b>${reservations(t.toCollect)}</b> (${units(t.toCollectUnits)}, ${money(t.cashExpected, l)})\n` +
    `✅ Recogidas: <b>${t.collected}</b> (${money(t.cashTaken, l)} cobrados)` +
    (t.noShows > 0 ? ` · 🚫 no recogidas: ${t.noShows}` : '') +
    `\n💶 Total previsto en caja: <b>${money(t.cashExpected + t.cashTaken, l)}</b>` +
    (t.paidOnline > 0 ? `\n💳 Pagado en línea: <b>${money(t.paidOnline, l)}</b>, nada que cobrar` : '')
  );
}

const statusWords: Record<DeskReservation['status'], string> = {
  reserved: '🟢 por recoger',
  picked_up: '✅ recogida',
  no_show: '🚫 no recogida',
};

export const deskTexts: typeof en.deskTexts = {
  notAtVenue:
    'Solo el dueño y el personal de un local ven aquí las reservas. Registra un local con /register, o pide a su dueño un enlace de invitación para el personal.',
  day(offers, totals, l) {
    if (offers.length === 0) {
      return '🧾 <b>Quién viene</b>\n\nNo hay ofertas hoy ni próximamente. Publica una con /newoffer, o repite una desde /myoffers.';
    }
    const lines = offers.map(
      (o) =>
        `<b>${e(o.title)}</b> #${o.offerId} · ${when(o, l)}\n` +
        `${reservations(o.totals.toCollect)} por recoger · recogidas: ${o.totals.collected}`,
    );
    return `🧾 <b>Quién viene</b> (hoy y próximamente)\n\n${lines.join('\n\n')}\n\n${totalsLine(totals, l)}\n\nToca una oferta para ver nombres y códigos.`;
  },
  offer(offer, list, page, pages, l) {
    const head = `🧾 <b>${e(offer.title)}</b> #${offer.offerId} · ${when(offer, l)}${pages > 1 ? ` · página ${page + 1}/${pages}` : ''}`;
    if (list.length === 0) return `${head}\n\nAún no hay reservas.\n\n${totalsLine(offer.totals, l)}`;
    const lines = list.map(
      (r) =>
        `<b>#${r.id}</b> ${e(r.customerName || 'Cliente')} — ${r.quantity} × ${e(r.itemName)} · <code>${r.pickupCode}</code> · ${money(r.amount, l)}${r.paidOnline ? ' 💳' : ''} · ${statusWords[r.status]}`,
    );
    return `${head}\n\n${lines.join('\n')}\n\n${totalsLine(offer.totals, l)}`;
  },
  pickedUpButton: (r) => truncate(`✅ #${r.id} ${r.customerName}`, 40),
  noShowButton: (r) => `🚫 No vino #${r.id}`,
  undoButton: (r) => `↩️ Deshacer recogida #${r.id}`,
  undoPickupButton: '↩️ Deshacer recogida',
  allOffersButton: '◀ Todas las ofertas',
  openButton: (o) => truncate(`📋 ${o.title}`, 40),
  refreshButton: '🔄 Actualizar',
  pickedUp: (id) => `✅ #${id} recogida.`,
  noShow: (id, restocked) =>
    `🚫 #${id} marcada como no recogida.${restocked > 0 ? ` ${plural(restocked, { one: '# unidad vuelve a estar a la venta.', other: '# unidades vuelven a estar a la venta.' })}` : ''}`,
  undone: (r) =>
    `↩️ Recogida deshecha: ${r.quantity} × ${e(r.itemName)} vuelve a estar abierta (código <code>${r.pickupCode}</code>). Se ha avisado al cliente.`,
  undoneToast: (id) => `↩️ #${id} vuelve a estar abierta.`,
};

export const windowSummaryText: typeof en.windowSummaryText = (s, l) => {
  const cash = formatMoney(s.cashTaken, s.currency ?? l.currency);
  const paid =
    s.paidOnline > 0
      ? `\n💳 Pagado en línea: <b>${formatMoney(s.paidOnline, s.currency ?? l.currency)}</b>`
      : '';
  const saved =
    s.kgSaved !== null && s.kgSaved > 0 ? `\n🌱 <b>${number(s.kgSaved)} kg</b> de comida salvada` : '';
  if (s.reserved === 0) {
    return `🧾 <b>${e(s.title)}</b> #${s.offerId}: el horario de recogida ha terminado.\nEsta vez no se reservó nada. Prueba con un horario más tarde, un precio más bajo o una foto, y luego 🔁 Repetir.`;
  }
  return (
    `🧾 <b>${e(s.title)}</b> #${s.offerId}: el horario de recogida ha terminado.\n\n` +
    `Reservado: <b>${reservations(s.reserved)}</b> (${units(s.reservedUnits)})\n` +
    `Recogido: <b>${s.collected}</b> (${units(s.collectedUnits)})\n` +
    `No recogido: <b>${s.noShows}</b>\n` +
    `Cobrado: <b>${cash}</b>${paid}${saved}\n\n¡Gracias por salvar comida! 💚`
  );
};
