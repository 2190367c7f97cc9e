import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { MAX_ACTIVE_RESERVATIONS } from '../../../marketplace/reservations.js';
import { LIMIT_DAYS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/reminders.js';
import { money as formatMoney, windowOf } from '../format.js';
import type { Locale } from '../locale.js';

/** Pickup reminders, and what no-shows lead to: the venue asked first, strikes, the limit (issue 14). HTML. */

const when = (f: ReservationFacts, l: Locale) => windowOf(f, l);
const what = (f: ReservationFacts, l: Locale) =>
  `${f.quantity} × ${e(f.itemName)} — ${formatMoney(f.unitPrice * f.quantity, f.currency || l.currency)}, ${f.paidOnline ? 'online bezahlt ✓' : 'Bezahlung bei Abholung'}`;
const untilDate = (at: Date, l: Locale) =>
  at.toLocaleString('de-DE', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: l.timezone,
  });

export const reminderTexts: typeof en.reminderTexts = {
  opening: (f, l) =>
    `⏰ <b>In 30 Minuten beginnt die Abholung</b> bei <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\n🕒 ${when(f, l)}\nDein Code: <code>${f.pickupCode}</code>\n\nKlappt doch nicht? Dann storniere bitte, damit jemand anderes das Essen retten kann.`,
  closing: (f, l) =>
    `⏳ <b>In 15 Minuten endet die Abholung</b> bei <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\nDein Code: <code>${f.pickupCode}</code>\n\nSchon unterwegs? Zeig den Code an der Theke. Falls nicht, storniere bitte jetzt.`,
};

export const strikeTexts: typeof en.strikeTexts = {
  /** Added to the no-show message, so the rule is known before it bites. */
  rule: `\n\nWer ${STRIKES_FOR_LIMIT} Abholungen innerhalb von ${STRIKE_WINDOW_DAYS} Tagen verpasst, kann ${LIMIT_DAYS} Tage lang nur 1 Reservierung auf einmal haben.`,
  limited: (f, l) =>
    `🚫 <b>Bis ${untilDate(new Date(f.pickupEnd.getTime() + LIMIT_DAYS * 86_400_000), l)} kannst du nur 1 Reservierung auf einmal haben.</b>\n` +
    `Der Grund: ${STRIKES_FOR_LIMIT} Reservierungen innerhalb von ${STRIKE_WINDOW_DAYS} Tagen wurden nicht abgeholt, zuletzt bei <b>${e(f.venue.name)}</b>. ` +
    `Danach kannst du wieder ${MAX_ACTIVE_RESERVATIONS} haben. Wenn du bei geänderten Plänen unter /myreservations stornierst, zählt das nie gegen dich.`,
  askVenue: (f, l) =>
    `⌛ <b>Hat ${e(f.customerName || 'die Person')} das abgeholt?</b>\n` +
    `${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)}), Code <code>${f.pickupCode}</code>, ${when(f, l)}\n\n` +
    'Es wurde nie als abgeholt markiert, und an diesem Tag wurde bei deinem Betrieb keine Abholung bestätigt. Deshalb fragen wir nach, bevor wir es als nicht abgeholt werten.',
  collectedButton: '✅ Ja, abgeholt',
  missedButton: '🚫 Nein, nicht gekommen',
  collected: (f) =>
    `✅ Als abgeholt markiert: ${f.quantity} × ${e(f.itemName)} (Code <code>${f.pickupCode}</code>). Danke! Tippe beim nächsten Mal direkt an der Theke auf „Abgeholt“.`,
  missed: (f) =>
    `🚫 Als nicht abgeholt vermerkt: ${f.quantity} × ${e(f.itemName)} (Code <code>${f.pickupCode}</code>). Die Person wurde informiert.`,
};
