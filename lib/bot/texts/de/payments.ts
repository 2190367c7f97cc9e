import type { CustomerOffer, CustomerOfferItem } from '../../../marketplace/offer-details.js';
import type { ReservationFacts } from '../../../marketplace/reservation-facts.js';
import { escapeHtml as e } from '../../html.js';
import type * as en from '../en/payments.js';
import { money as formatMoney, venueWindow } from '../format.js';
import type { Locale } from '../locale.js';

/** Bezahlen im Chat (Issue 18): die Rechnung, ihre Reservierung auf Zeit, Erstattungen, der Schalter der Venue. */

const when = (o: { pickupStart: Date; pickupEnd: Date; venue: { zone: string | null } }, l: Locale) =>
  venueWindow(o.pickupStart, o.pickupEnd, l, o.venue.zone);
const total = (f: Pick<ReservationFacts, 'unitPrice' | 'quantity' | 'currency'>) =>
  formatMoney(f.unitPrice * f.quantity, f.currency);

export const paymentTexts: typeof en.paymentTexts = {
  confirm: (offer: CustomerOffer, item: CustomerOfferItem, quantity: number, l: Locale) =>
    `<b>${quantity} × ${e(item.name)}</b> bei <b>${e(offer.venue.name)}</b> für <b>${formatMoney(item.price * quantity, l.currency)}</b> reservieren?\n` +
    `Zahl jetzt mit Karte in Telegram oder bei der Abholung, ${when(offer, l)}.`,
  payNowButton: '💳 Jetzt bezahlen',
  payAtPickupButton: '💵 Bei Abholung zahlen',
  heldToast: '10 Minuten für dich reserviert 💳',
  held: (f: ReservationFacts, minutes: number, l: Locale) =>
    `⏳ <b>${minutes} Minuten für dich zurückgelegt:</b> ${f.quantity} × ${e(f.itemName)} bei <b>${e(f.venue.name)}</b>, ${total(f)}.\n` +
    `Bezahl mit der Rechnung unten; deinen Abholcode bekommst du, sobald bezahlt ist. Abholung ${when(f, l)}.`,
  invoiceTitle: (f: ReservationFacts) => f.offerTitle,
  invoiceDescription: (f: ReservationFacts, l: Locale) =>
    `${f.quantity} × ${f.itemName} bei ${f.venue.name}. Abholung ${when(f, l)}. Den Abholcode bekommst du nach der Zahlung.`,
  invoiceLabel: (f: ReservationFacts) => `${f.quantity} × ${f.itemName}`,
  invoiceFailed: 'Die Rechnung ließ sich gerade nicht öffnen. Tipp gleich noch einmal auf 💳 Jetzt bezahlen.',
  invoiceRefused:
    'Dieses Angebot lässt sich nicht mit Karte bezahlen (Telegram hat die Rechnung abgelehnt, oft weil der Betrag unter dem Mindestbetrag liegt). Die Stücke sind wieder frei: Reserviere stattdessen mit 💵 Bei Abholung zahlen.',
  awaiting: (minutesLeft: number) =>
    `⏳ Die Rechnung dafür steht unten im Chat. Bezahl sie innerhalb von ${minutesLeft} Min., dann kommt dein Abholcode.`,
  holdEnded:
    'Die Reservierung ist unbezahlt abgelaufen, die Portionen sind wieder im Angebot. Wähl das Angebot in /offers erneut, falls es noch da ist.',
  unavailable:
    'Online-Zahlung ist für dieses Angebot gerade nicht möglich. Du kannst trotzdem reservieren und bei der Abholung zahlen.',
  paidDone: (f: ReservationFacts, l: Locale) =>
    `✅ <b>Bezahlt ✓</b> Dein Abholcode: <code>${f.pickupCode}</code>\n\n` +
    `${f.quantity} × ${e(f.itemName)} — ${total(f)}, bezahlt\n` +
    `🏪 <b>${e(f.venue.name)}</b>, ${e(f.venue.address)}\n` +
    `🕒 ${when(f, l)}\n\n` +
    'Zeig den Code an der Theke. Du schaffst es nicht? Storniere vor Ende des Zeitfensters, dann bekommst du dein Geld zurück.',
  venueNew: (f: ReservationFacts, l: Locale) =>
    `🛎 <b>Neue Reservierung, online bezahlt ✓</b>\n${e(f.customerName)}: ${f.quantity} × ${e(f.itemName)} (${e(f.offerTitle)})\n` +
    `Code <code>${f.pickupCode}</code> · ${total(f)} schon bezahlt, nichts zu kassieren\n` +
    `🕒 ${when(f, l)}\n\nTipp auf „Abgeholt“, wenn sie es abholen, oder sende /pickup ${f.pickupCode}.`,
  lateRefund: (f: ReservationFacts) =>
    `😔 Deine Zahlung für ${f.quantity} × ${e(f.itemName)} (<b>${e(f.venue.name)}</b>) kam zu spät: Die Reservierung war abgelaufen und die Portionen weg, oder das Angebot gab es nicht mehr. ` +
    `Es wurde nichts reserviert; ${total(f)} wird dir auf deine Karte erstattet.`,
  secondCharge: (f: ReservationFacts) =>
    `Du hast dieselbe Reservierung zweimal bezahlt (Code <code>${f.pickupCode}</code>). Die zweite Zahlung, ${total(f)}, wird dir auf deine Karte erstattet.`,
  refundIssued: (f: ReservationFacts) =>
    `💳 <b>Erstattet:</b> ${total(f)} für ${f.quantity} × ${e(f.itemName)} (<b>${e(f.venue.name)}</b>) ist auf dem Weg zurück auf deine Karte. Banken zeigen es meist nach 5–10 Tagen an.`,
  cancelledRefund: (f: ReservationFacts) =>
    `Reservierung #${f.reservationId} storniert. ${total(f)} wird dir auf deine Karte erstattet.`,
  withdrawnRefund: (f: ReservationFacts) =>
    `😔 <b>${e(f.venue.name)}</b> hat <b>${e(f.offerTitle)}</b> zurückgezogen, deine Reservierung (Code <code>${f.pickupCode}</code>) ist daher storniert. ` +
    `Du hast online bezahlt: ${total(f)} wird dir auf deine Karte erstattet. Weitere Angebote findest du unter /offers.`,
  alreadyPaid: '\n💳 Schon online bezahlt: nichts zu kassieren.',
  notMatched:
    'Wir konnten diese Zahlung keiner deiner Reservierungen zuordnen, daher wurde nichts reserviert. Falls dir etwas abgebucht wurde, wird es nach Prüfung erstattet.',
};

export const checkoutRefusals: typeof en.checkoutRefusals = {
  unknown: 'Diese Reservierung haben wir nicht gefunden. Öffne das Angebot im Bot und reserviere neu.',
  not_yours: 'Diese Rechnung gehört jemand anderem. Öffne das Angebot im Bot, um selbst zu reservieren.',
  amount_mismatch:
    'Der Betrag passt nicht zu dieser Reservierung. Öffne das Angebot im Bot und versuch es erneut.',
  paid: 'Diese Reservierung ist schon bezahlt. Dein Abholcode steht im Chat.',
  offer_gone: 'Dieses Angebot gibt es leider nicht mehr, es wurde nichts abgebucht.',
  expired:
    'Die 10-Minuten-Reservierung ist abgelaufen und die Portionen sind wieder im Angebot. Reserviere im Bot erneut.',
};

export const paymentStateTexts: typeof en.paymentStateTexts = {
  heading: '💳 <b>Online bezahlt</b>',
  paid: (id: number, amount: string) => `#${id} ${amount} · bezahlt ✓`,
  refundRequested: (id: number, amount: string) => `#${id} ${amount} · Erstattung unterwegs`,
  refundSucceeded: (id: number, amount: string) => `#${id} ${amount} · erstattet ✓`,
  refundFailed: (id: number, amount: string) =>
    `#${id} ${amount} · Erstattung verzögert, wir kümmern uns (du musst nichts tun)`,
};

export const venuePaymentTexts: typeof en.venuePaymentTexts = {
  cardLine: (accepts: boolean) =>
    accepts
      ? '💳 Online-Zahlung: <b>an</b>, Kund:innen können beim Reservieren bezahlen'
      : '💳 Online-Zahlung: <b>aus</b>, Kund:innen zahlen an der Theke',
  toggleButton: (accepts: boolean) =>
    accepts ? '💳 Online-Zahlung ausschalten' : '💳 Online-Zahlung annehmen',
  turnedOn:
    '💳 Online-Zahlung ist <b>an</b>: Kund:innen können beim Reservieren bezahlen oder weiterhin an der Theke. Rechtzeitige Stornierungen und zurückgezogene Angebote werden automatisch erstattet, Nichtabholungen nicht.',
  turnedOff:
    '💵 Online-Zahlung ist <b>aus</b>: Kund:innen zahlen an der Theke. Bereits bezahlte Reservierungen bleiben bezahlt.',
};
