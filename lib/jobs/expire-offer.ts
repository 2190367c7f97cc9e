import type { Telegram } from 'telegraf';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { type ExpiredOffer, expireOffers } from '../marketplace/offer-transitions.js';

export const expireOfferPayload = z.object({ offerId: z.number().int().positive() });

export type ExpiryNotifier = (deps: Deps, telegram: Telegram, expired: ExpiredOffer[]) => Promise<void>;

/**
 * The scheduled callback at the end of an offer's pickup window. Idempotent: a second delivery, or a stale
 * one for an offer whose window moved, expires nothing and tells nobody.
 */
export async function runExpireOffer(
  deps: Deps,
  telegram: Telegram,
  payload: z.infer<typeof expireOfferPayload>,
  notify?: ExpiryNotifier,
) {
  const expired = await expireOffers(deps.db, { now: deps.clock.now(), offerId: payload.offerId });
  deps.log.info('offer_expiry_job', { offer_id: payload.offerId, expired: expired.length });
  if (notify && expired.length > 0) await notify(deps, telegram, expired);
  return { expired: expired.length, noShows: expired.reduce((n, e) => n + e.noShows.length, 0) };
}

/** The safety net: expires whatever a lost or failed callback missed. Run by cron and on dev-server start. */
export async function runSweep(deps: Deps, telegram: Telegram, notify?: ExpiryNotifier) {
  const expired = await expireOffers(deps.db, { now: deps.clock.now() });
  deps.log.info('sweep', { expired: expired.length });
  if (notify && expired.length > 0) await notify(deps, telegram, expired);
  return { expired: expired.length, noShows: expired.reduce((n, e) => n + e.noShows.length, 0) };
}
