import type { CustomerOffer, CustomerOfferItem } from '../../../marketplace/offer-details.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/payments.js';
import { money as formatMoney, venueWindow } from '../format.js';
import type { Locale } from '../locale.js';

/** Оплата в чате (issue 18): счёт, временная бронь, возвраты и переключатель заведения. HTML. */

const when = (o: { pickupStart: Date; pickupEnd: Date; venue: { zone: string | null } }, l: Locale) =>
  venueWindow(o.pickupStart, o.pickupEnd, l, o.venue.zone);
const total = (f: Pick<ReservationFacts, 'unitPrice' | 'quantity' | 'currency'>) =>
  formatMoney(f.unitPrice * f.quantity, f.currency);

export const paymentTexts: typeof en.paymentTexts = {
  confirm: (offer: CustomerOffer, item: CustomerOfferItem, quantity: number, l: Locale) =>
    `Забронировать <b>${quantity} × ${e(item.name)}</b> в заведении <b>${e(offer.venue.name)}</b> за <b>${formatMoney(item.price * quantity, l.currency)}</b>?\n` +
    `Оплатите сейчас картой в Telegram или при получении, ${when(offer, l)}.`,
  payNowButton: '💳 Оплатить сейчас',
  payAtPickupButton: '💵 Оплата при получении',
  heldToast: 'Отложено на 10 минут 💳',
  held: (f: ReservationFacts, minutes: number, l: Locale) =>
    `⏳ <b>Отложили для вас на ${minutes} мин.:</b> ${f.quantity} × ${e(f.itemName)}, заведение <b>${e(f.venue.name)}</b>, ${total(f)}.\n` +
    `Оплатите счёт ниже; код получения придёт сразу после оплаты. Получение ${when(f, l)}.`,
  invoiceTitle: (f: ReservationFacts) => f.offerTitle,
  invoiceDescription: (f: ReservationFacts, l: Locale) =>
    `${f.quantity} × ${f.itemName}, ${f.venue.name}. Получение ${when(f, l)}. Код получения придёт после оплаты.`,
  invoiceLabel: (f: ReservationFacts) => `${f.quantity} × ${f.itemName}`,
  invoiceFailed: 'Не получилось открыть счёт. Нажмите 💳 Оплатить сейчас ещё раз чуть позже.',
  invoiceRefused:
    'Эту сделку нельзя оплатить картой (Telegram отклонил счёт — часто потому, что сумма меньше его минимума). Товар снова свободен: забронируйте с кнопкой «💵 Оплата при получении».',
  awaiting: (minutesLeft: number) =>
    `⏳ Счёт уже в чате ниже. Оплатите его в течение ${minutesLeft} мин., и придёт код получения.`,
  holdEnded:
    'Бронь закончилась без оплаты, порции снова в продаже. Выберите предложение снова в /offers, если оно ещё есть.',
  unavailable:
    'Онлайн-оплата для этого предложения сейчас недоступна. Можно забронировать и оплатить при получении.',
  paidDone: (f: ReservationFacts, l: Locale) =>
    `✅ <b>Оплачено ✓</b> Ваш код получения: <code>${f.pickupCode}</code>\n\n` +
    `${f.quantity} × ${e(f.itemName)} — ${total(f)}, оплачено\n` +
    `🏪 <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `🕒 ${when(f, l)}\n\n` +
    'Покажите код на кассе. Не успеваете? Отмените бронь до конца окна получения, и деньги вернутся.',
  venueNew: (f: ReservationFacts, l: Locale) =>
    `🛎 <b>Новая бронь, оплачена онлайн ✓</b>\n${e(f.customerName)}: ${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)})\n` +
    `Код <code>${f.pickupCode}</code> · ${total(f)} уже оплачено, получать деньги не нужно\n` +
    `🕒 ${when(f, l)}\n\nНажмите «Выдано», когда заказ заберут, или отправьте /pickup ${f.pickupCode}.`,
  lateRefund: (f: ReservationFacts) =>
    `😔 Оплата за ${f.quantity} × ${e(f.itemName)} (заведение <b>${e(f.venue.name)}</b>) пришла слишком поздно: бронь закончилась и порции разобрали, или предложение уже снято. ` +
    `Бронь не создана; ${total(f)} вернём на вашу карту.`,
  secondCharge: (f: ReservationFacts) =>
    `Вы дважды оплатили одну и ту же бронь (код <code>${f.pickupCode}</code>). Второй платёж, ${total(f)}, вернём на вашу карту.`,
  refundIssued: (f: ReservationFacts) =>
    `💳 <b>Возврат:</b> ${total(f)} за ${f.quantity} × ${e(f.itemName)} (заведение <b>${e(f.venue.name)}</b>) уже возвращаются на вашу карту. Обычно банк показывает возврат через 5–10 дней.`,
  cancelledRefund: (f: ReservationFacts) =>
    `Бронь #${f.reservationId} отменена. ${total(f)} вернём на вашу карту.`,
  withdrawnRefund: (f: ReservationFacts) =>
    `😔 Заведение <b>${e(f.venue.name)}</b> сняло предложение <b>${e(f.offerTitle)}</b>, поэтому ваша бронь (код <code>${f.pickupCode}</code>) отменена. ` +
    `Вы оплатили онлайн: ${total(f)} вернём на вашу карту. Другие предложения — в /offers.`,
  alreadyPaid: '\n💳 Уже оплачено онлайн: получать деньги не нужно.',
  notMatched:
    'Не удалось сопоставить этот платёж ни с одной вашей бронью, поэтому ничего не забронировано. Если деньги списаны, после проверки их вернут.',
};

export const checkoutRefusals: typeof en.checkoutRefusals = {
  unknown: 'Эта бронь не найдена. Откройте предложение в боте и забронируйте заново.',
  not_yours: 'Этот счёт выставлен другому человеку. Откройте предложение в боте, чтобы забронировать самим.',
  amount_mismatch: 'Сумма не совпадает с бронью. Откройте предложение в боте и попробуйте ещё раз.',
  paid: 'Эта бронь уже оплачена. Код получения — в чате.',
  offer_gone: 'К сожалению, этого предложения больше нет, деньги не списаны.',
  expired: '10-минутная бронь закончилась, порции снова в продаже. Забронируйте заново в боте.',
};

export const paymentStateTexts: typeof en.paymentStateTexts = {
  heading: '💳 <b>Оплачено онлайн</b>',
  paid: (id: number, amount: string) => `#${id} ${amount} · оплачено ✓`,
  refundRequested: (id: number, amount: string) => `#${id} ${amount} · возврат в пути`,
  refundSucceeded: (id: number, amount: string) => `#${id} ${amount} · возвращено ✓`,
  refundFailed: (id: number, amount: string) =>
    `#${id} ${amount} · возврат задерживается, мы разбираемся (от вас ничего не нужно)`,
};

export const venuePaymentTexts: typeof en.venuePaymentTexts = {
  cardLine: (accepts: boolean) =>
    accepts
      ? '💳 Онлайн-оплата: <b>включена</b>, клиенты могут платить при бронировании'
      : '💳 Онлайн-оплата: <b>выключена</b>, клиенты платят на кассе',
  toggleButton: (accepts: boolean) => (accepts ? '💳 Выключить онлайн-оплату' : '💳 Принимать онлайн-оплату'),
  turnedOn:
    '💳 Онлайн-оплата <b>включена</b>: клиенты могут платить при бронировании или, как раньше, на кассе. Своевременные отмены и снятые предложения возвращаются автоматически, неявки — нет.',
  turnedOff:
    '💵 Онлайн-оплата <b>выключена</b>: клиенты платят на кассе. Уже оплаченные брони остаются оплаченными.',
};
