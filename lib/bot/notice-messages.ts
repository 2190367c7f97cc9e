import type { DueNotice, NoticeKind, OfferNoticeKind } from '../marketplace/notices.js';
import type { ReservationFacts } from '../marketplace/reservation-facts.js';
import type { WindowSummary } from '../marketplace/window-summary.js';
import { html } from './html.js';
import { ownerOrderKeyboard, reservedKeyboard } from './keyboards/customer.js';
import { summaryKeyboard } from './keyboards/desk.js';
import { noShowKeyboard, ratingKeyboard } from './keyboards/returning.js';
import { customerNotices, ownerTexts, reservationTexts, reserveTexts } from './texts/customer.js';
import { windowSummaryText } from './texts/desk.js';
import type { Locale } from './texts/locale.js';
import { paymentTexts } from './texts/payments.js';
import { ratingTexts } from './texts/ratings.js';
import { reminderTexts, strikeTexts } from './texts/reminders.js';

type Extra = typeof html & { reply_markup?: ReturnType<typeof reservedKeyboard>['reply_markup'] };

/** What each outbox notice says, and its buttons; the same words whether sent at once or on a retry. */
const messages: Record<NoticeKind, (f: ReservationFacts, l: Locale) => { text: string; extra?: object }> = {
  'reservation.code': (f, l) => ({ text: reserveTexts.done(f, l), extra: reservedKeyboard(f.reservationId) }),
  'reservation.new': (f, l) => ({
    text: ownerTexts.newReservation(f, l),
    extra: ownerOrderKeyboard(f.reservationId),
  }),
  'reservation.cancelled': (f) => ({ text: ownerTexts.cancelled(f) }),
  // Issue 14: the thank-you asks for a rating.
  'reservation.picked_up': (f) => ({
    text: `${reservationTexts.thanks(f)}\n\n${ratingTexts.ask}`,
    extra: ratingKeyboard(f.reservationId),
  }),
  // Issue 18: a paid holder reads that the money comes back.
  'reservation.withdrawn': (f) => ({
    text: f.paidOnline
      ? paymentTexts.withdrawnRefund(f)
      : customerNotices.withdrawn(f.offerTitle, f.venue.name, f.pickupCode),
  }),
  'reservation.no_show': (f) => ({
    text: customerNotices.noShow(f.offerTitle, f.pickupCode) + strikeTexts.rule,
  }),
  'reservation.window_changed': (f, l) => ({
    text: customerNotices.windowChanged(f, l),
    extra: reservedKeyboard(f.reservationId),
  }),
  'reservation.pickup_undone': (f, l) => ({
    text: customerNotices.pickupUndone(f, l),
    extra: reservedKeyboard(f.reservationId),
  }),
  'reservation.marked_no_show': (f) => ({ text: customerNotices.markedNoShow(f) }),
  // Issue 14: the venue asked about an unconfirmed no-show, the strike limit, pickup reminders.
  'reservation.unconfirmed': (f, l) => ({
    text: strikeTexts.askVenue(f, l),
    extra: noShowKeyboard(f.reservationId),
  }),
  'reservation.strike_limit': (f, l) => ({ text: strikeTexts.limited(f, l) }),
  'reminder.opening': (f, l) => ({
    text: reminderTexts.opening(f, l),
    extra: reservedKeyboard(f.reservationId),
  }),
  'reminder.closing': (f, l) => ({
    text: reminderTexts.closing(f, l),
    extra: reservedKeyboard(f.reservationId),
  }),
  // Issue 18: online payment.
  'payment.code': (f, l) => ({ text: paymentTexts.paidDone(f, l), extra: reservedKeyboard(f.reservationId) }),
  'payment.new': (f, l) => ({
    text: paymentTexts.venueNew(f, l),
    extra: ownerOrderKeyboard(f.reservationId),
  }),
  'payment.late_refund': (f) => ({ text: paymentTexts.lateRefund(f) }),
  'payment.second_charge': (f) => ({ text: paymentTexts.secondCharge(f) }),
  'refund.issued': (f) => ({ text: paymentTexts.refundIssued(f) }),
  'refund.issued_second': (f) => ({ text: paymentTexts.refundIssued(f) }),
};

/** Notices about a whole offer. */
const offerMessages: Record<
  OfferNoticeKind,
  (s: WindowSummary, l: Locale) => { text: string; extra?: object }
> = {
  'offer.summary': (s, l) => ({ text: windowSummaryText(s, l), extra: summaryKeyboard(s.offerId) }),
};

/** Notices to the venue's side: read on the venue's clock, so its windows need no zone label (issue 17). */
const toVenue: ReadonlySet<string> = new Set([
  'reservation.new',
  'payment.new',
  'reservation.cancelled',
  'reservation.unconfirmed',
  'offer.summary',
]);

/** `l` is the customer's (TIMEZONE: a job knows no customer's location); the venue's side reads its own zone. */
function viewerLocale(notice: DueNotice, l: Locale): Locale {
  if (!toVenue.has(notice.kind)) return l;
  const zone = 'summary' in notice ? notice.summary.zone : notice.facts.venue.zone;
  return { ...l, timezone: zone ?? l.defaultZone };
}

export function noticeMessage(notice: DueNotice, customer: Locale): { text: string; extra: Extra } {
  const l = viewerLocale(notice, customer);
  const { text, extra } =
    'summary' in notice
      ? offerMessages[notice.kind](notice.summary, l)
      : messages[notice.kind](notice.facts, l);
  return { text, extra: { ...html, ...(extra as object) } };
}
