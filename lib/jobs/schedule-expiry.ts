import type { Deps } from '../deps.js';

/**
 * Asks the scheduler to expire an offer when its pickup window ends. Runs after the publish is committed;
 * if scheduling fails the offer is still live and correct, and the sweep (`/api/cron/sweep`) expires it
 * later, so the failure is logged, not raised.
 */
export async function scheduleExpiry(deps: Deps, offer: { id: number; pickupEnd: Date }): Promise<boolean> {
  try {
    await deps.scheduler.schedule({
      name: 'expire-offer',
      payload: { offerId: offer.id },
      notBefore: offer.pickupEnd,
      // One job per offer and window: republishing the same window never schedules twice.
      deduplicationId: `expire-offer-${offer.id}-${offer.pickupEnd.getTime()}`,
    });
    return true;
  } catch (error) {
    deps.log.error('schedule_failed', { job: 'expire-offer', offer_id: offer.id, error: String(error) });
    return false;
  }
}
