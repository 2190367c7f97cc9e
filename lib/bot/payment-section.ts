import type { PaymentState } from '../marketplace/payment-states.js';
import { money } from './texts/format.js';
import { paymentStateTexts as t } from './texts/payments.js';

/** The "Paid online" part of /myreservations (issue 18): one line per online payment, in the current language. */
export function paymentSection(states: PaymentState[]): string {
  if (states.length === 0) return '';
  const lines = states.map((s) => {
    const amount = money(s.amount, s.currency);
    if (s.refund === 'requested') return t.refundRequested(s.reservationId, amount);
    if (s.refund === 'succeeded') return t.refundSucceeded(s.reservationId, amount);
    if (s.refund === 'failed') return t.refundFailed(s.reservationId, amount);
    return t.paid(s.reservationId, amount);
  });
  return `\n\n${t.heading}\n${lines.join('\n')}`;
}
