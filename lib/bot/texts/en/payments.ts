import type { CustomerOffer, CustomerOfferItem } from '../../../marketplace/offer-details.js';
import type { PreCheckoutVerdict } from '../../../marketplace/payments.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { escapeHtml as e } from '../../html.js';
import { money as formatMoney, venueWindow } from '../format.js';
import type { Locale } from '../locale.js';

/** Paying in chat (issue 18): the invoice, its hold, refunds, and the venue's switch. HTML unless said. */

const when = (o: { pickupStart: Date; pickupEnd: Date; venue: { zone: string | null } }, l: Locale) =>
  venueWindow(o.pickupStart, o.pickupEnd, l, o.venue.zone);
const total = (f: Pick<ReservationFacts, 'unitPrice' | 'quantity' | 'currency'>) =>
  formatMoney(f.unitPrice * f.quantity, f.currency);

export const paymentTexts = {
  confirm: (offer: CustomerOffer, item: CustomerOfferItem, quantity: number, l: Locale) =>
    `Reserve <b>${quantity} × ${e(item.name)}</b> at <b>${e(offer.venue.name)}</b> for <b>${formatMoney(item.price * quantity, l.currency)}</b>?\n` +
    `Pay now by card in Telegram, or at pickup, ${when(offer, l)}.`,
  payNowButton: '💳 Pay now',
  payAtPickupButton: '💵 Pay at pickup',
  heldToast: 'Held for 10 minutes 💳',
  held: (f: ReservationFacts, minutes: number, l: Locale) =>
    `⏳ <b>Held for you for ${minutes} minutes:</b> ${f.quantity} × ${e(f.itemName)} at <b>${e(f.venue.name)}</b>, ${total(f)}.\n` +
    `Pay with the invoice below; your pickup code comes as soon as it is paid. Pickup ${when(f, l)}.`,
  /** Telegram's invoice: title (≤ 32 characters), description (≤ 255), the price line's label. Plain text. */
  invoiceTitle: (f: ReservationFacts) => f.offerTitle,
  invoiceDescription: (f: ReservationFacts, l: Locale) =>
    `${f.quantity} × ${f.itemName} at ${f.venue.name}. Pickup ${when(f, l)}. Your pickup code comes once paid.`,
  invoiceLabel: (f: ReservationFacts) => `${f.quantity} × ${f.itemName}`,
  invoiceFailed: 'We couldn’t open the invoice just now. Tap 💳 Pay now again in a moment.',
  invoiceRefused:
    'This deal can’t be paid by card (Telegram refused the invoice, often because the amount is below its minimum). The units are free again: reserve with 💵 Pay at pickup instead.',
  awaiting: (minutesLeft: number) =>
    `⏳ The invoice for this is in the chat below. Pay it within ${minutesLeft} min and your pickup code follows.`,
  holdEnded:
    'This hold ended unpaid, and the units went back on sale. Pick the deal again in /offers if it’s still there.',
  unavailable:
    'Online payment isn’t available for this deal right now. You can still reserve and pay at pickup.',
  paidDone: (f: ReservationFacts, l: Locale) =>
    `✅ <b>Paid ✓</b> Your pickup code: <code>${f.pickupCode}</code>\n\n` +
    `${f.quantity} × ${e(f.itemName)} — ${total(f)}, paid\n` +
    `🏪 <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `🕒 ${when(f, l)}\n\n` +
    'Show the code at the counter. Can’t make it? Cancel before the window ends and your money comes back.',
  venueNew: (f: ReservationFacts, l: Locale) =>
    `🛎 <b>New reservation, paid online ✓</b>\n${e(f.customerName)}: ${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)})\n` +
    `Code <code>${f.pickupCode}</code> · ${total(f)} already paid, nothing to collect\n` +
    `🕒 ${when(f, l)}\n\nTap “Picked up” when they collect it, or send /pickup ${f.pickupCode}.`,
  lateRefund: (f: ReservationFacts) =>
    `😔 Your payment for ${f.quantity} × ${e(f.itemName)} (<b>${e(f.venue.name)}</b>) came too late: the hold had ended and the units were gone, or the deal was no longer on. ` +
    `No reservation was made; ${total(f)} is being refunded to your card.`,
  secondCharge: (f: ReservationFacts) =>
    `You paid twice for the same reservation (code <code>${f.pickupCode}</code>). The second payment, ${total(f)}, is being refunded to your card.`,
  refundIssued: (f: ReservationFacts) =>
    `💳 <b>Refunded:</b> ${total(f)} for ${f.quantity} × ${e(f.itemName)} (<b>${e(f.venue.name)}</b>) is on its way back to your card. Banks usually take 5–10 days to show it.`,
  cancelledRefund: (f: ReservationFacts) =>
    `Reservation #${f.reservationId} cancelled. ${total(f)} will be refunded to your card.`,
  withdrawnRefund: (f: ReservationFacts) =>
    `😔 <b>${e(f.venue.name)}</b> withdrew <b>${e(f.offerTitle)}</b>, so your reservation (code <code>${f.pickupCode}</code>) is cancelled. ` +
    `You paid online: ${total(f)} will be refunded to your card. See /offers for other deals.`,
  /** Added to the venue's pickup confirmation when the reservation was paid online. */
  alreadyPaid: '\n💳 Already paid online: nothing to collect.',
  notMatched:
    'We couldn’t match this payment to a reservation of yours, so nothing was reserved. If you were charged, the payment will be refunded once it is looked into.',
};

/** What Telegram shows when the bot declines a checkout (plain text, ≤ 255 characters). */
export const checkoutRefusals: Record<Exclude<PreCheckoutVerdict, 'ok'>, string> = {
  unknown: 'We couldn’t find this reservation. Open the deal in the bot and reserve again.',
  not_yours: 'This invoice belongs to someone else. Open the deal in the bot to reserve your own.',
  amount_mismatch: 'The amount doesn’t match this reservation. Open the deal in the bot and try again.',
  paid: 'This reservation is already paid. Your pickup code is in the chat.',
  offer_gone: 'Sorry, this deal is no longer available, so nothing was charged.',
  expired: 'The 10-minute hold has ended and the units went back on sale. Reserve again in the bot.',
};

/** The customer's /myreservations: how each online payment stands. */
export const paymentStateTexts = {
  heading: '💳 <b>Paid online</b>',
  paid: (id: number, amount: string) => `#${id} ${amount} · paid ✓`,
  refundRequested: (id: number, amount: string) => `#${id} ${amount} · refund on its way`,
  refundSucceeded: (id: number, amount: string) => `#${id} ${amount} · refunded ✓`,
  refundFailed: (id: number, amount: string) =>
    `#${id} ${amount} · refund held up, we’re on it (no need to do anything)`,
};

/** The venue's /venue card: the switch for online payment. */
export const venuePaymentTexts = {
  cardLine: (accepts: boolean): string =>
    accepts
      ? '💳 Online payment: <b>on</b>, customers may pay when they reserve'
      : '💳 Online payment: <b>off</b>, customers pay at the counter',
  toggleButton: (accepts: boolean): string =>
    accepts ? '💳 Turn online payment off' : '💳 Accept online payment',
  turnedOn:
    '💳 Online payment is <b>on</b>: customers can pay when they reserve, or still pay at the counter. Cancellations in time and withdrawals are refunded automatically; no-shows are not.',
  turnedOff:
    '💵 Online payment is <b>off</b>: customers pay at the counter. Reservations already paid stay paid.',
};
