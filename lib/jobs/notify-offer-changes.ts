import type { Telegram } from 'telegraf';
import { notifyUser } from '../bot/notify.js';
import { customerNotices } from '../bot/texts/customer.js';
import type { Deps } from '../deps.js';
import { getBusinessById } from '../marketplace/businesses.js';
import type { ExpiredOffer, TransitionResult } from '../marketplace/offer-transitions.js';
import { getOffer } from '../marketplace/offers.js';

/**
 * Telling customers about changes they did not make. Both run after the database change is committed and
 * never undo it: a customer who blocked the bot is marked and skipped (notifyUser). Each returns how many
 * customers were told.
 */

/** After `transitionOffer(…, 'cancel')`: the holders of the reservations it cancelled hear it at once. */
export async function notifyWithdrawnReservations(
  deps: Deps,
  telegram: Telegram,
  result: Pick<TransitionResult, 'offerId' | 'cancelledReservations'>,
): Promise<number> {
  if (result.cancelledReservations.length === 0) return 0;
  const offer = await getOffer(deps.db, result.offerId);
  const business = offer ? await getBusinessById(deps.db, offer.businessId) : undefined;
  const title = offer?.title ?? `#${result.offerId}`;
  let told = 0;
  for (const reservation of result.cancelledReservations) {
    const text = customerNotices.withdrawn(title, business?.name ?? 'The venue', reservation.pickupCode);
    if (await notifyUser(deps, telegram, reservation.customerId, text)) told++;
  }
  deps.log.info('withdrawal_notified', { offer_id: result.offerId, told });
  return told;
}

/**
 * After `expireOffers`: customers whose reservation lapsed unpicked (now `no_show`) are told, so they are
 * not left wondering. Fits `ExpiryNotifier` in expire-offer.ts, for the expiry job and the sweep.
 */
export async function notifyNoShows(deps: Deps, telegram: Telegram, expired: ExpiredOffer[]): Promise<void> {
  for (const offer of expired) {
    let told = 0;
    for (const noShow of offer.noShows) {
      const text = customerNotices.noShow(offer.title, noShow.pickupCode);
      if (await notifyUser(deps, telegram, noShow.customerId, text)) told++;
    }
    if (offer.noShows.length > 0) deps.log.info('no_shows_notified', { offer_id: offer.offerId, told });
  }
}
