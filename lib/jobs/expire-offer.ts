import type { Telegram } from 'telegraf';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { expireOffers } from '../marketplace/offer-transitions.js';
import { countOverdueOffers } from '../marketplace/ops-checks.js';
import { expireHolds } from '../marketplace/pending-payments.js';
import { settleEndedOffers } from '../marketplace/settle-ended-offers.js';
import { strikeMarkedNoShows } from '../marketplace/strikes.js';
import { summaryNoticeIds } from '../marketplace/window-summary.js';
import { raiseAlert } from '../ops/alerts.js';
import { deliverById, runDeliverNotices } from './deliver-notices.js';
import { settleReleased } from './expire-payment.js';
import { forgetOldIdempotencyKeys } from './forget-idempotency-keys.js';
import { offerChanged, runReturningSweep } from './offer-events.js';
import { runDueDrops } from './publish-drop.js';
import { runRefunds } from './refund.js';

export const expireOfferPayload = z.object({ offerId: z.number().int().positive() });

/** A callback may arrive a little after the window ends (QStash's own delay); past this it was lost. */
const CALLBACK_GRACE_MS = 10 * 60_000;

/**
 * The scheduled callback at the end of an offer's pickup window: expire it, then settle its reservations
 * (no-shows, told through the outbox). Idempotent: a second delivery, or a stale one for an offer whose
 * window moved, expires nothing and tells nobody twice.
 */
export async function runExpireOffer(
  deps: Deps,
  telegram: Telegram,
  payload: z.infer<typeof expireOfferPayload>,
) {
  const now = deps.clock.now();
  const expired = await expireOffers(deps.db, { now, offerId: payload.offerId });
  const { timezone } = deps.config;
  const settled = await settleEndedOffers(deps.db, { now, offerIds: [payload.offerId], timezone });
  // Issue 14: no-shows the venue marked by hand become strikes; the channel post says it ended.
  const marked = await strikeMarkedNoShows(deps.db, { now, offerIds: [payload.offerId] });
  if (expired.length > 0) await offerChanged(deps, payload.offerId);
  deps.log.info('offer_expiry_job', {
    offer_id: payload.offerId,
    expired: expired.length,
    no_shows: settled.noShows,
  });
  // The holders' notices, then the venue's summary (written by the expiry, counted after the settlement).
  await deliverById(deps, telegram, [
    ...settled.notices.map((n) => n.id),
    ...marked.notices.map((n) => n.id),
    ...(await summaryNoticeIds(deps.db, expired)),
  ]);
  return { expired: expired.length, noShows: settled.noShows };
}

/**
 * The safety net (cron, and on dev-server start): expires whatever a lost callback missed, settles every
 * ended offer's leftover reservations (repairing a crash between a withdrawal and its settlement), publishes
 * recurring drops whose job was lost, delivers every notice still due, and forgets idempotency records too old
 * to be retried.
 */
export async function runSweep(deps: Deps, telegram: Telegram) {
  const now = deps.clock.now();
  // Offers the sweep is about to expire because their callback never came: the admins should know.
  const overdue = await countOverdueOffers(deps.db, { now, graceMs: CALLBACK_GRACE_MS });
  if (overdue > 0) await raiseAlert(deps, telegram, { kind: 'lost_callbacks', offers: overdue });
  const expired = await expireOffers(deps.db, { now });
  const settled = await settleEndedOffers(deps.db, { now, timezone: deps.config.timezone });
  await deliverById(deps, telegram, [
    ...settled.notices.map((n) => n.id),
    ...(await summaryNoticeIds(deps.db, expired)),
  ]);
  const drops = await runDueDrops(deps, telegram);
  const returning = await runReturningSweep(deps, telegram);
  // Issue 18: holds whose expiry job was lost, and refunds Stripe hasn't answered yet.
  const holds = await expireHolds(deps.db, { now });
  await settleReleased(deps, holds);
  const refunds = await runRefunds(deps, telegram);
  const notices = await runDeliverNotices(deps, telegram);
  const forgotten = await forgetOldIdempotencyKeys(deps.db, now);
  deps.log.info('sweep', {
    expired: expired.length,
    settled: settled.withdrawn + settled.noShows,
    drops,
    forgotten,
    ...returning,
    holdsReleased: holds.released.length,
    refunds: refunds.refunded,
    refundsWaiting: refunds.waiting,
  });
  return {
    expired: expired.length,
    noShows: settled.noShows,
    withdrawn: settled.withdrawn,
    noticesSent: notices.sent,
  };
}
