import { deliverById } from '../jobs/deliver-notices.js';
import { settleReleased } from '../jobs/expire-payment.js';
import { scheduleRefunds } from '../jobs/refund.js';
import { expireHolds } from '../marketplace/pending-payments.js';
import { settleEndedOffers } from '../marketplace/settle-ended-offers.js';
import type { BotContext } from './context.js';

/**
 * After offers were withdrawn (by their owner, or by an admin's takedown or suspension): ends the reservations
 * they still hold and tells the holders through the outbox. Never throws: the withdrawal has committed, and
 * what this misses the sweep settles and the `deliver-notices` job sends.
 */
export async function settleWithdrawn(ctx: BotContext, offerIds: number[]): Promise<void> {
  if (offerIds.length === 0) return;
  const { deps } = ctx;
  try {
    const settled = await settleEndedOffers(deps.db, { now: deps.clock.now(), offerIds });
    await deliverById(
      deps,
      ctx.telegram,
      settled.notices.map((n) => n.id),
    );
    // Issue 18: paid holders are refunded by the `refund` job (the refunds were written with the settlement);
    // holds awaiting payment end now, so they keep nobody's slot (their checkout is refused: the offer is gone).
    if (settled.refunds > 0) await scheduleRefunds(deps);
    // Whatever the configuration now: holds made while payments were on still end with their offer.
    await settleReleased(deps, await expireHolds(deps.db, { now: deps.clock.now(), offerIds }));
  } catch (error) {
    ctx.log.warn('settle_deferred', { offers: offerIds.length, error });
  }
}
