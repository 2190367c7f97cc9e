import type { DeskOffer, DeskReservation, DeskTotals } from '../../../marketplace/list-reservations.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import type { WindowSummary } from '../../../marketplace/window-summary.js';
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
const reservationsCount = (n: number) =>
  plural(n, { one: '# бронь', few: '# брони', many: '# броней', other: '# брони' });
const units = (n: number) => `${n} шт.`;

function totalsLine(t: DeskTotals, l: Locale): string {
  return (
    `📥 Ждём: <b>${reservationsCount(t.toCollect)}</b> (${units(t.toCollectUnits)}, ${money(t.cashExpected, l)})\n` +
    `✅ Выдано: <b>${t.collected}</b> (получено ${money(t.cashTaken, l)})` +
    (t.noShows > 0 ? ` · 🚫 не забрали: ${t.noShows}` : '') +
    `\n💶 Всего к оплате на месте: <b>${money(t.cashExpected + t.cashTaken, l)}</b>` +
    (t.paidOnline > 0 ? `\n💳 Оплачено онлайн: <b>${money(t.paidOnline, l)}</b>, получать не нужно` : '')
  );
}

const statusWords: Record<DeskReservation['status'], string> = {
  reserved: '🟢 ждём',
  picked_up: '✅ выдано',
  no_show: '🚫 не забрали',
};

export const deskTexts: typeof en.deskTexts = {
  notAtVenue:
    'Брони здесь видят только владелец и сотрудники заведения. Зарегистрируйте заведение через /register или попросите владельца прислать ссылку-приглашение для сотрудников.',
  day(offers: DeskOffer[], totals: DeskTotals, l: Locale): string {
    if (offers.length === 0) {
      return '🧾 <b>Кто придёт</b>\n\nНи сегодня, ни в ближайшее время предложений нет. Создайте новое через /newoffer или повторите одно из /myoffers.';
    }
    const lines = offers.map(
      (o) =>
        `<b>${e(o.title)}</b> №${o.offerId} · ${when(o, l)}\n` +
        `ждём: ${reservationsCount(o.totals.toCollect)} · выдано: ${o.totals.collected}`,
    );
    return `🧾 <b>Кто придёт</b> (сегодня и дальше)\n\n${lines.join('\n\n')}\n\n${totalsLine(totals, l)}\n\nНажмите на предложение, чтобы увидеть имена и коды.`;
  },
  offer(offer: DeskOffer, reservations: DeskReservation[], page: number, pages: number, l: Locale): string {
    const head = `🧾 <b>${e(offer.title)}</b> №${offer.offerId} · ${when(offer, l)}${pages > 1 ? ` · стр. ${page + 1}/${pages}` : ''}`;
    if (reservations.length === 0) return `${head}\n\nБроней пока нет.\n\n${totalsLine(offer.totals, l)}`;
    const lines = reservations.map(
      (r) =>
        `<b>№${r.id}</b> ${e(r.customerName || 'Клиент')} — ${r.quantity} × ${e(r.itemName)} · <code>${r.pickupCode}</code> · ${money(r.amount, l)}${r.paidOnline ? ' 💳' : ''} · ${statusWords[r.status]}`,
    );
    return `${head}\n\n${lines.join('\n')}\n\n${totalsLine(offer.totals, l)}`;
  },
  pickedUpButton: (r: DeskReservation) => truncate(`✅ №${r.id} ${r.customerName}`, 40),
  noShowButton: (r: DeskReservation) => `🚫 Неявка №${r.id}`,
  undoButton: (r: DeskReservation) => `↩️ Отменить выдачу №${r.id}`,
  undoPickupButton: '↩️ Отменить выдачу',
  allOffersButton: '◀ Все предложения',
  openButton: (o: DeskOffer) => truncate(`📋 ${o.title}`, 40),
  refreshButton: '🔄 Обновить',
  pickedUp: (id: number) => `✅ №${id} выдано.`,
  noShow: (id: number, restocked: number) =>
    `🚫 №${id}: отмечено, что не забрали.${restocked > 0 ? ` ${units(restocked)} снова в продаже.` : ''}`,
  undone: (r: ReservationFacts) =>
    `↩️ Выдача отменена: ${r.quantity} × ${e(r.itemName)} снова ждёт клиента (код <code>${r.pickupCode}</code>). Клиенту сообщили.`,
  undoneToast: (id: number) => `↩️ Бронь №${id} снова активна.`,
};

export const windowSummaryText: typeof en.windowSummaryText = (s: WindowSummary, l: Locale): string => {
  const cash = formatMoney(s.cashTaken, s.currency ?? l.currency);
  const paid =
    s.paidOnline > 0
      ? `\n💳 Оплачено онлайн: <b>${formatMoney(s.paidOnline, s.currency ?? l.currency)}</b>`
      : '';
  const saved =
    s.kgSaved !== null && s.kgSaved > 0
      ? `\n🌱 Спасено еды: <b>${s.kgSaved.toLocaleString('ru-RU', { maximumFractionDigits: 1 })} кг</b>`
      : '';
  if (s.reserved === 0) {
    return `🧾 <b>${e(s.title)}</b> №${s.offerId}: время выдачи закончилось.\nВ этот раз ничего не забронировали. Попробуйте время попозже, цену пониже или добавьте фото — и нажмите 🔁 Повторить.`;
  }
  return (
    `🧾 <b>${e(s.title)}</b> №${s.offerId}: время выдачи закончилось.\n\n` +
    `Забронировано: <b>${reservationsCount(s.reserved)}</b> (${units(s.reservedUnits)})\n` +
    `Выдано: <b>${s.collected}</b> (${units(s.collectedUnits)})\n` +
    `Не забрали: <b>${s.noShows}</b>\n` +
    `Получено на месте: <b>${cash}</b>${paid}${saved}\n\nСпасибо, что спасаете еду! 💚`
  );
};
