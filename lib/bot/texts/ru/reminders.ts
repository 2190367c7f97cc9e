import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { MAX_ACTIVE_RESERVATIONS } from '../../../marketplace/reservations.js';
import { LIMIT_DAYS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/reminders.js';
import { money as formatMoney, windowOf } from '../format.js';
import type { Locale } from '../locale.js';
import { plural } from '../plural.js';

/** Pickup reminders, and what no-shows lead to: the venue asked first, strikes, the limit (issue 14). HTML. */

const when = (f: ReservationFacts, l: Locale) => windowOf(f, l);
const what = (f: ReservationFacts, l: Locale) =>
  `${f.quantity} × ${e(f.itemName)} — ${formatMoney(f.unitPrice * f.quantity, f.currency || l.currency)}, ${f.paidOnline ? 'оплачено онлайн ✓' : 'оплата при получении'}`;
const untilDate = (at: Date, l: Locale) =>
  at.toLocaleString('ru-RU', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: l.timezone,
  });
const days = (n: number) => plural(n, { one: '# день', few: '# дня', many: '# дней', other: '# дня' });
const times = (n: number) => plural(n, { one: '# раз', few: '# раза', many: '# раз', other: '# раза' });
const reservations = (n: number) =>
  plural(n, { one: '# бронь', few: '# брони', many: '# броней', other: '# брони' });

export const reminderTexts: typeof en.reminderTexts = {
  opening: (f: ReservationFacts, l: Locale) =>
    `⏰ <b>Выдача начнётся через 30 минут</b>: <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\n🕒 ${when(f, l)}\nВаш код: <code>${f.pickupCode}</code>\n\nНе получается прийти? Отмените бронь — пусть еду спасёт кто-то другой.`,
  closing: (f: ReservationFacts, l: Locale) =>
    `⏳ <b>Выдача закончится через 15 минут</b>: <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\nВаш код: <code>${f.pickupCode}</code>\n\nУже в пути? Покажите код на кассе. Если не успеваете, пожалуйста, отмените бронь сейчас.`,
};

export const strikeTexts: typeof en.strikeTexts = {
  /**
   * Added to the no-show message, so the rule is known before it bites. A getter, so the counts are declined
   * when the text is read (plural() follows the language being rendered), not when the module loads.
   */
  get rule() {
    return `\n\nЕсли ${times(STRIKES_FOR_LIMIT)} за ${days(STRIKE_WINDOW_DAYS)} не забрать бронь, то на ${days(LIMIT_DAYS)} можно будет держать только 1 бронь за раз.`;
  },
  limited: (f: ReservationFacts, l: Locale) =>
    `🚫 <b>До ${untilDate(new Date(f.pickupEnd.getTime() + LIMIT_DAYS * 86_400_000), l)} можно держать только 1 бронь за раз.</b>\n` +
    `Дело в том, что за ${days(STRIKE_WINDOW_DAYS)} вы не забрали ${reservations(STRIKES_FOR_LIMIT)}, последнюю — в заведении <b>${e(f.venue.name)}</b>. ` +
    `Потом снова можно будет держать до ${MAX_ACTIVE_RESERVATIONS} броней. Отмена в /myreservations, если планы поменялись, никогда не засчитывается против вас.`,
  askVenue: (f: ReservationFacts, l: Locale) =>
    `⌛ <b>${e(f.customerName || 'Клиент')}: заказ забрали?</b>\n` +
    `${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)}), код <code>${f.pickupCode}</code>, ${when(f, l)}\n\n` +
    'Выдачу не отметили, и в тот день в вашем заведении не подтвердили ни одной выдачи, поэтому мы спрашиваем, прежде чем засчитать неявку.',
  collectedButton: '✅ Да, забрали',
  missedButton: '🚫 Нет, не пришли',
  collected: (f: ReservationFacts) =>
    `✅ Отмечено как выданное: ${f.quantity} × ${e(f.itemName)} (код <code>${f.pickupCode}</code>). Спасибо! В следующий раз нажмите «Выдано» прямо на кассе.`,
  missed: (f: ReservationFacts) =>
    `🚫 Отмечено, что не забрали: ${f.quantity} × ${e(f.itemName)} (код <code>${f.pickupCode}</code>). Клиенту сообщили.`,
};
