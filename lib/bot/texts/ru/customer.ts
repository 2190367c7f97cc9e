import { type ListedOffer, PAGE_SIZE } from '../../../marketplace/browse.js';
import { discountPercent } from '../../../marketplace/money.js';
import type { CustomerOffer, CustomerOfferItem } from '../../../marketplace/offer-details.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import type { ReservationSummary } from '../../../marketplace/reservations.js';
import { escapeHtml } from '../../html.js';
import type * as en from '../en/customer.js';
import { distance, money as formatMoney, venueMoment, windowOf } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** What customers read, on a phone, probably hungry: short lines, the price and the time first. HTML. */

const money = (cents: number, l: Locale) => formatMoney(cents, l.currency);
/** A window in its venue's zone, named when the reader's clock reads otherwise (issue 17). */
const when = windowOf;
const e = escapeHtml;
const left = (n: number) =>
  plural(n, {
    one: 'осталась # шт.',
    few: 'осталось # шт.',
    many: 'осталось # шт.',
    other: 'осталось # шт.',
  });

function listedOffer(offer: ListedOffer, n: number, l: Locale): string {
  const off = discountPercent(offer.bestOriginalPrice, offer.bestPrice);
  const away = offer.distanceKm === null ? '' : ` · ${distance(offer.distanceKm)} от вас`;
  return (
    `<b>${n}. ${e(offer.title)}</b> — ${e(offer.venueName)}\n` +
    `от <b>${money(offer.bestPrice, l)}</b> <s>${money(offer.bestOriginalPrice, l)}</s> −${off}% · ${left(offer.unitsLeft)}\n` +
    `${when(offer, l)}${away}`
  );
}

export const browseTexts: typeof en.browseTexts = {
  list(
    listing: { offers: ListedOffer[]; page: number; pages: number },
    nearby: boolean,
    l: Locale,
    /** Issue 17: a heading in place of the title (a search's: what was asked, how many, the page). */
    heading?: string,
  ) {
    const title = nearby ? '🍱 <b>Предложения рядом с вами</b>' : '🍱 <b>Предложения прямо сейчас</b>';
    const paging = listing.pages > 1 ? ` · стр. ${listing.page + 1}/${listing.pages}` : '';
    const entries = listing.offers.map((o, i) => listedOffer(o, listing.page * PAGE_SIZE + i + 1, l));
    return `${heading ?? `${title}${paging}`}\n\n${entries.join('\n\n')}\n\nНажмите на предложение, чтобы открыть и забронировать.`;
  },
  empty:
    'Сейчас предложений нет 🌙\nЗаведения выкладывают излишки в течение дня, чаще ближе к вечеру. Загляните позже: /offers.',
  locationNudge:
    '📍 Поделитесь геопозицией, и ближайшие предложения будут первыми. Она хранится только для этого чата.',
  locationSaved: '📍 Спасибо! Сначала ближайшие:',
  shareLocation: '📍 Отправить геопозицию',
  offerGone: 'Увы, это предложение уже недоступно. Что есть сейчас — в /offers.',
  prev: '◀ Назад',
  next: 'Дальше ▶',
};

/** Issue 14: a venue's average rating (decimal comma), once it has enough ratings to mean something. */
const ratingOf = (rating: CustomerOffer['venue']['rating']) =>
  rating ? ` · ⭐ ${rating.average.toFixed(1).replace('.', ',')} (${rating.count})` : '';

export const offerDetails: typeof en.offerDetails = (offer: CustomerOffer, l: Locale): string => {
  const items = offer.items.map((item) => {
    const stock = item.unitsLeft > 0 ? left(item.unitsLeft) : 'распродано';
    const off = discountPercent(item.originalPrice, item.price);
    return `• ${e(item.name)} — <b>${money(item.price, l)}</b> <s>${money(item.originalPrice, l)}</s> −${off}% · ${stock}`;
  });
  const description = offer.description ? `\n${e(offer.description)}\n` : '';
  const soldOut = offer.items.every((i) => i.unitsLeft === 0)
    ? '\n\nПока всё разобрали. Другие предложения — в /offers.'
    : '';
  return (
    `<b>${e(offer.title)}</b>\n${description}\n${items.join('\n')}\n\n` +
    `🏪 <b>${e(offer.venue.name)}</b>, ${e(offer.venue.address)}${ratingOf(offer.venue.rating)}\n` +
    `🕒 Забрать: ${when(offer, l)} · оплата при получении${soldOut}` +
    (offer.venue.nextDropAt
      ? `\n📅 Следующее предложение: ${venueMoment(offer.venue.nextDropAt, l, offer.venue.zone)}`
      : '')
  );
};

export const reserveTexts: typeof en.reserveTexts = {
  button: (item: CustomerOfferItem, l: Locale) => `Забронировать ${item.name} · ${money(item.price, l)}`,
  askQuantity: (item: CustomerOfferItem, l: Locale) =>
    `<b>${e(item.name)}</b>: сколько штук? ${money(item.price, l)} за штуку · ${left(item.unitsLeft)}`,
  confirm: (offer: CustomerOffer, item: CustomerOfferItem, quantity: number, l: Locale) =>
    `Забронировать <b>${quantity} × ${e(item.name)}</b> в заведении <b>${e(offer.venue.name)}</b> за <b>${money(item.price * quantity, l)}</b>?\n` +
    `Оплата при получении. Забрать: ${when(offer, l)}.`,
  done: (r: ReservationFacts, l: Locale) =>
    `✅ <b>Забронировано!</b> Ваш код: <code>${r.pickupCode}</code>\n\n` +
    `${r.quantity} × ${e(r.itemName)} — ${money(r.unitPrice * r.quantity, l)}, оплата при получении\n` +
    `🏪 <b>${e(r.venue.name)}</b>, ${e(r.venue.address)}\n` +
    `🕒 ${when(r, l)}\n\n` +
    'Покажите код на кассе. Не получается прийти? Отмените бронь — пусть еду спасёт кто-то другой.',
  confirmButton: '✅ Подтвердить',
  abortButton: 'Не надо',
  aborted: 'Хорошо, ничего не бронируем. Все предложения — в /offers.',
  backToOffer: 'К предложению',
  reservedToast: 'Забронировано ✅',
};

export const ownerTexts: typeof en.ownerTexts = {
  newReservation: (r: ReservationFacts, l: Locale) =>
    `🛎 <b>Новая бронь</b>\n${e(r.customerName)}: ${r.quantity} × ${e(r.itemName)} (${e(r.offerTitle)})\n` +
    `Код <code>${r.pickupCode}</code> · к оплате ${money(r.unitPrice * r.quantity, l)}\n` +
    `🕒 ${when(r, l)}\n\nКогда заказ заберут, нажмите «Выдано» или отправьте /pickup ${r.pickupCode}.`,
  pickedUpButton: '✅ Выдано',
  cancelled: (r: ReservationFacts) =>
    `❌ Бронь отменена: ${e(r.customerName)}, ${r.quantity} × ${e(r.itemName)} (код <code>${r.pickupCode}</code>). Всё снова в продаже.`,
  pickupDone: (p: ReservationFacts) =>
    `✅ Выдано: ${p.quantity} × ${e(p.itemName)} (код <code>${p.pickupCode}</code>). Спасибо, что спасаете еду!`,
  pickupUsage: 'Отправьте код клиента после команды, например <code>/pickup K7M2QX</code>.',
};

export const reservationTexts: typeof en.reservationTexts = {
  thanks: (p: ReservationFacts) =>
    `🎉 Приятного аппетита! ${e(p.itemName)}, <b>${e(p.venue.name)}</b>. Спасибо, что не дали еде пропасть!`,
  cancelled: (id: number) => `Бронь №${id} отменена. Платить ничего не нужно.`,
  alreadyCancelled: (id: number) => `Бронь №${id} уже отменена.`,
  cancelUsage:
    'Чтобы отменить бронь, отправьте /cancel и её номер, например <code>/cancel 12</code>. Номера — в /myreservations.',
  cancelButton: (id: number) => `✖ Отменить №${id}`,
  myReservationsButton: '🧾 Мои брони',
  none: 'У вас пока нет броней. Найдите что-нибудь в /offers.',
};

const statusWords: Record<ReservationSummary['status'], string> = {
  reserved: '🟢 забронировано',
  picked_up: '✅ получено',
  cancelled: 'отменено',
  no_show: '⌛ не забрано',
};

export const reservationList: typeof en.reservationList = (reservations, l, awayKm = () => null) => {
  const awayOf = (p: ReservationSummary) => {
    const km = awayKm(p);
    return km === null ? '' : ` · ${distance(km)} от вас`;
  };
  const lines = reservations.map((p) => {
    const head = `<b>№${p.id}</b> ${p.quantity} × ${e(p.itemName)} — ${formatMoney(p.unitPrice * p.quantity, p.currency)} · ${statusWords[p.status]}`;
    if (p.status !== 'reserved') return `${head}\n${e(p.venueName)}`;
    return (
      `${head}\nКод <code>${p.pickupCode}</code> · 🕒 ${when(p, l)}\n` +
      `🏪 ${e(p.venueName)}, ${e(p.address)}${awayOf(p)}`
    );
  });
  return `🧾 <b>Ваши брони</b>\n\n${lines.join('\n\n')}`;
};

/** Told to customers when something happens to their reservation that they did not do themselves. */
export const customerNotices: typeof en.customerNotices = {
  withdrawn: (offerTitle: string, venueName: string, code: string) =>
    `😔 Заведение <b>${e(venueName)}</b> сняло предложение <b>${e(offerTitle)}</b>, поэтому ваша бронь (код <code>${code}</code>) отменена. Платить ничего не нужно. Другие предложения — в /offers.`,
  noShow: (offerTitle: string, code: string) =>
    `⌛ Время выдачи по предложению <b>${e(offerTitle)}</b> закончилось, а бронь (код <code>${code}</code>) так и не забрали. Если планы меняются, пожалуйста, отменяйте бронь в /myreservations — тогда еду сможет спасти кто-то другой.`,
  windowChanged: (r: ReservationFacts, l: Locale) =>
    `⏰ Заведение <b>${e(r.venue.name)}</b> перенесло время выдачи по предложению <b>${e(r.offerTitle)}</b>: теперь <b>${when(r, l)}</b>.\n` +
    `Ваша бронь (${r.quantity} × ${e(r.itemName)}, код <code>${r.pickupCode}</code>) в силе. Если новое время не подходит, отмените её в /myreservations — пусть еду спасёт кто-то другой.`,
  pickupUndone: (r: ReservationFacts, l: Locale) =>
    `↩️ Заведение <b>${e(r.venue.name)}</b> по ошибке отметило вашу бронь как полученную и отменило эту отметку. Бронь снова активна: ` +
    `${r.quantity} × ${e(r.itemName)}, код <code>${r.pickupCode}</code>, забрать: ${when(r, l)}.`,
  markedNoShow: (r: ReservationFacts) =>
    `😕 Заведение <b>${e(r.venue.name)}</b> отметило, что бронь по предложению <b>${e(r.offerTitle)}</b> (код <code>${r.pickupCode}</code>) не забрали, поэтому она закрыта. Если это ошибка, пожалуйста, свяжитесь с заведением.`,
};
