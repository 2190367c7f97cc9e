import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { MAX_ACTIVE_RESERVATIONS } from '../../../marketplace/reservations.js';
import { LIMIT_DAYS, STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from '../../../marketplace/strikes.js';
import { escapeHtml as e } from '../../html.js';
import { money as formatMoney, windowOf } from '../format.js';
import type { Locale } from '../locale.js';

/** Pickup reminders, and what no-shows lead to: the venue asked first, strikes, the limit (issue 14). HTML. */

const when = (f: ReservationFacts, l: Locale) => windowOf(f, l);
const what = (f: ReservationFacts, l: Locale) =>
  `${f.quantity} × ${e(f.itemName)} — ${formatMoney(f.unitPrice * f.quantity, f.currency || l.currency)}, ${f.paidOnline ? 'paid online ✓' : 'pay at pickup'}`;
const untilDate = (at: Date, l: Locale) =>
  at.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: l.timezone,
  });

export const reminderTexts = {
  opening: (f: ReservationFacts, l: Locale) =>
    `⏰ <b>Pickup opens in 30 minutes</b> at <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\n🕒 ${when(f, l)}\nYour code: <code>${f.pickupCode}</code>\n\nCan’t make it? Cancel, so someone else can rescue it.`,
  closing: (f: ReservationFacts, l: Locale) =>
    `⏳ <b>Pickup closes in 15 minutes</b> at <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `${what(f, l)}\nYour code: <code>${f.pickupCode}</code>\n\nOn your way? Show the code at the counter. If not, please cancel now.`,
};

export const strikeTexts = {
  /** Added to the no-show message, so the rule is known before it bites. */
  rule: `\n\nMissing ${STRIKES_FOR_LIMIT} pickups within ${STRIKE_WINDOW_DAYS} days limits you to 1 reservation at a time for ${LIMIT_DAYS} days.`,
  limited: (f: ReservationFacts, l: Locale) =>
    `🚫 <b>You can hold 1 reservation at a time until ${untilDate(new Date(f.pickupEnd.getTime() + LIMIT_DAYS * 86_400_000), l)}.</b>\n` +
    `That’s because ${STRIKES_FOR_LIMIT} reservations within ${STRIKE_WINDOW_DAYS} days were not picked up, the last one at <b>${e(f.venue.name)}</b>. ` +
    `After that you can hold ${MAX_ACTIVE_RESERVATIONS} again. Cancelling in /myreservations when plans change never counts against you.`,
  askVenue: (f: ReservationFacts, l: Locale) =>
    `⌛ <b>Did ${e(f.customerName || 'the customer')} pick this up?</b>\n` +
    `${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)}), code <code>${f.pickupCode}</code>, ${when(f, l)}\n\n` +
    'It was never marked as picked up, and no pickup was confirmed at your venue that day, so we ask before we count it as a no-show.',
  collectedButton: '✅ Yes, picked up',
  missedButton: '🚫 No, didn’t come',
  collected: (f: ReservationFacts) =>
    `✅ Marked as picked up: ${f.quantity} × ${e(f.itemName)} (code <code>${f.pickupCode}</code>). Thanks! Next time tap “Picked up” at the counter.`,
  missed: (f: ReservationFacts) =>
    `🚫 Recorded as not picked up: ${f.quantity} × ${e(f.itemName)} (code <code>${f.pickupCode}</code>). The customer has been told.`,
};
