import { z } from 'zod';
import type { Deps } from '../deps.js';
import { expireHolds } from '../marketplace/pending-payments.js';
import { offerChanged } from './offer-events.js';

export const expirePaymentPayload = z.object({ reservationId: z.number().int().positive() });

/**
 * The end of a hold for an online payment (issue 18): scheduled through QStash for `hold_until` when the hold is
 * taken. Releases the units if the invoice is still unpaid; a pre-checkout that stretched the hold moves the job
 * to the new time; a paid or already released hold is left alone, so a second delivery changes nothing.
 */
export async function runExpirePayment(deps: Deps, payload: z.infer<typeof expirePaymentPayload>) {
  const result = await expireHolds(deps.db, {
    now: deps.clock.now(),
    reservationIds: [payload.reservationId],
  });
  for (const held of result.stillHeld) await scheduleHoldExpiry(deps, held);
  await settleReleased(deps, result);
  return { released: result.released.length, stillHeld: result.stillHeld.length };
}

/** After holds were released: offers back from sold out show so in the channel; the release is logged. */
export async function settleReleased(deps: Deps, result: Awaited<ReturnType<typeof expireHolds>>) {
  for (const offerId of result.reactivated) await offerChanged(deps, offerId);
  if (result.released.length > 0) deps.log.info('payment_holds_released', { holds: result.released.length });
}

/** Schedules a hold's end; the same hold and time is one job, however often it is asked. */
export async function scheduleHoldExpiry(
  deps: Deps,
  hold: { reservationId: number; holdUntil: Date },
): Promise<void> {
  try {
    await deps.scheduler.schedule({
      name: 'expire-payment',
      payload: { reservationId: hold.reservationId },
      notBefore: hold.holdUntil,
      deduplicationId: `expire-payment-${hold.reservationId}-${hold.holdUntil.getTime()}`,
    });
  } catch (error) {
    // The sweep releases what a lost job leaves held.
    deps.log.warn('schedule_failed', { job: 'expire-payment', error });
  }
}
