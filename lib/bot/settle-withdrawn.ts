import { deliverById } from '../jobs/deliver-notices.js';
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
  } catch (error) {
    ctx.log.warn('settle_deferred', { offers: offerIds.length, error });
  }
}
