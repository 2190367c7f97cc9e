import type { Telegram } from 'telegraf';
import type { Deps } from '../deps.js';
import { offersOwingDealAlerts } from '../marketplace/deal-alerts.js';
import { strikeMarkedNoShows } from '../marketplace/strikes.js';
import { resyncChannelPosts, scheduleChannelSync } from './channel-post.js';
import { deliverById } from './deliver-notices.js';
import { scheduleFanOut } from './fan-out-deal-alerts.js';
import { scheduleExpiry } from './schedule-expiry.js';

/**
 * What follows an offer's change once it has committed (issue 14), in one place for every path that makes
 * the change (the owner's buttons and commands, the wizard, recurring drops, the expiry job). Scheduling only:
 * the work runs in jobs, never inside the webhook, and each job is idempotent, so calling these twice is safe.
 */

/** Published: its expiry, the followers' and saved searches' deal alerts, and its channel post. */
export async function offerPublished(deps: Deps, offer: { id: number; pickupEnd: Date }): Promise<void> {
  await Promise.all([
    scheduleExpiry(deps, offer),
    scheduleFanOut(deps, offer.id),
    scheduleChannelSync(deps, offer.id),
  ]);
}

/** Sold out, back on sale, paused, resumed, withdrawn or expired: the channel post follows. */
export async function offerChanged(deps: Deps, offerId: number): Promise<void> {
  await scheduleChannelSync(deps, offerId);
}

/**
 * The sweep's part: deal alerts a lost job never wrote or finished, channel posts a lost trigger left behind, and
 * strikes for no-shows a venue marked by hand.
 */
export async function runReturningSweep(deps: Deps, telegram: Telegram) {
  const now = deps.clock.now();
  const owing = await offersOwingDealAlerts(deps.db, { now });
  for (const offerId of owing) await scheduleFanOut(deps, offerId);
  const resynced = await resyncChannelPosts(deps);
  const marked = await strikeMarkedNoShows(deps.db, { now });
  await deliverById(
    deps,
    telegram,
    marked.notices.map((n) => n.id),
  );
  return { alertsResumed: owing.length, channelResynced: resynced, strikesMarked: marked.struck };
}
