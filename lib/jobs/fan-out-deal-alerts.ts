import { type Telegram, TelegramError } from 'telegraf';
import { z } from 'zod';
import { dealAlertMessage, sendOfferMessage } from '../bot/offer-messages.js';
import { inLanguage, languageFromTelegram } from '../bot/texts/language.js';
import { localeOf } from '../bot/texts/locale.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import {
  type ClaimedDealAlert,
  claimDealAlerts,
  DEAL_ALERT_MAX_ATTEMPTS,
  type DealAlertOutcome,
  enqueueDealAlerts,
  nextDealAlertAt,
  recordDealAlerts,
} from '../marketplace/deal-alerts.js';
import { nextAttemptAfter } from '../marketplace/notices.js';
import { type CustomerOffer, getOfferForCustomer } from '../marketplace/offer-details.js';
import { quietUntil } from '../marketplace/quiet-hours.js';
import { quietHoursZone } from '../marketplace/time-zones.js';
import { markUserBlocked } from '../marketplace/users.js';
import { BULK_PER_SECOND, pauseSending, sendingPausedUntil, takeSendBudget } from './send-budget.js';

export const fanOutPayload = z.object({ offerId: z.number().int().positive() });

/**
 * Schedules one batch of an offer's deal alerts. Each run sends at most one second's budget and schedules the next,
 * so a venue with 2,000 followers is alerted in ~80 short runs instead of one long one inside a webhook.
 * The deduplication id is per offer and second: two triggers in the same second make one run.
 */
export async function scheduleFanOut(deps: Deps, offerId: number, at = deps.clock.now()): Promise<void> {
  try {
    await deps.scheduler.schedule({
      name: 'fan-out-deal-alerts',
      payload: { offerId },
      notBefore: at,
      deduplicationId: `fan-out-deal-alerts-${offerId}-${Math.floor(at.getTime() / 1000)}`,
    });
  } catch (error) {
    // The offer is live either way; the sweep writes and sends deal alerts a lost job missed.
    deps.log.error('schedule_failed', {
      job: 'fan-out-deal-alerts',
      offer_id: offerId,
      error: String(error),
    });
  }
}

interface Tally {
  written: number;
  sent: number;
  held: number;
  skipped: number;
  blocked: number;
  failed: number;
}

/**
 * The `fan-out-deal-alerts` job: writes the offer's deal alerts (once), then sends one batch of the due ones,
 * claimed, each sent once. Muted recipients and alerts of an offer that ended are skipped; quiet hours hold an
 * alert until they end; 403 marks the person as having blocked the bot; 429 pauses all bulk sending for
 * `retry_after`; other failures back off. Schedules the next batch while any deal alert is pending.
 */
export async function runFanOutDealAlerts(
  deps: Deps,
  telegram: Telegram,
  payload: z.infer<typeof fanOutPayload>,
) {
  const { offerId } = payload;
  const now = deps.clock.now();
  const tally: Tally = { written: 0, sent: 0, held: 0, skipped: 0, blocked: 0, failed: 0 };
  tally.written = (await enqueueDealAlerts(deps.db, { offerId, now, timezone: deps.config.timezone })) ?? 0;
  const paused = await sendingPausedUntil(deps.redis, now);
  if (paused) {
    await scheduleFanOut(deps, offerId, paused);
    return { ...tally, pausedUntil: paused.toISOString() };
  }
  const claimed = await claimDealAlerts(deps.db, { now, offerId, limit: BULK_PER_SECOND });
  const outcomes: DealAlertOutcome[] = [];
  const sendable: ClaimedDealAlert[] = [];
  for (const alert of claimed) {
    // Quiet hours are the customer's own (issue 17): where their saved search is, else TIMEZONE.
    const quiet = quietUntil(now, recipientZone(deps, alert), alert.quietStart, alert.quietEnd);
    if (!alert.offerLive || alert.muted) outcomes.push({ id: alert.id, outcome: 'skipped' });
    else if (quiet) outcomes.push({ id: alert.id, outcome: 'later', at: quiet, tried: false });
    else sendable.push(alert);
  }
  const granted = await takeSendBudget(deps.redis, now, sendable.length);
  // Over this second's budget: back in the queue at once, for the next run.
  for (const alert of sendable.slice(granted))
    outcomes.push({ id: alert.id, outcome: 'later', at: now, tried: false });
  const offer = granted > 0 ? await liveOffer(deps, offerId, now) : null;
  let pauseUntil: Date | null = null;
  for (const alert of sendable.slice(0, granted)) {
    if (!offer) outcomes.push({ id: alert.id, outcome: 'skipped' });
    else if (pauseUntil) outcomes.push({ id: alert.id, outcome: 'later', at: pauseUntil, tried: false });
    else {
      const { outcome, retryAfter } = await sendAlert(deps, telegram, offer, alert, now);
      if (retryAfter) {
        // Telegram says slow down: this run stops, and so does every other bulk sender, until then.
        pauseUntil = retryAfter;
        await pauseSending(deps.redis, now, retryAfter);
      }
      outcomes.push(outcome);
    }
  }
  await recordDealAlerts(deps.db, outcomes, now);
  for (const o of outcomes) tally[o.outcome === 'later' ? 'held' : o.outcome] += 1;
  const next = await nextDealAlertAt(deps.db, { offerId });
  // The next batch: at once (the next second's budget) while deal alerts are due, else when the first falls due.
  if (next) await scheduleFanOut(deps, offerId, new Date(Math.max(next.getTime(), now.getTime() + 1000)));
  deps.log.info('deal_alerts_sent', { offer_id: offerId, ...tally, more: next !== null });
  return { ...tally, nextAt: next?.toISOString() ?? null };
}

/** The offer as customers see it, or null once it can't be reserved (its deal alerts are then skipped). */
async function liveOffer(deps: Deps, offerId: number, now: Date): Promise<CustomerOffer | null> {
  try {
    return await getOfferForCustomer(deps.db, { offerId, now });
  } catch (error) {
    if (error instanceof AppError && error.code === 'offer.unavailable') return null;
    throw error;
  }
}

async function sendAlert(
  deps: Deps,
  telegram: Telegram,
  offer: CustomerOffer,
  alert: ClaimedDealAlert,
  now: Date,
): Promise<{ outcome: DealAlertOutcome; retryAfter?: Date }> {
  try {
    // Issue 17: in the recipient's language, loaded with the alert.
    const language = languageFromTelegram(alert.language, deps.config.defaultLanguage);
    const message = inLanguage(language, () =>
      dealAlertMessage(offer, alert, localeOf(deps, recipientZone(deps, alert)), deps.config),
    );
    await sendOfferMessage(telegram, alert.recipientId, message);
    return { outcome: { id: alert.id, outcome: 'sent' } };
  } catch (error) {
    const code = error instanceof TelegramError ? error.code : undefined;
    if (code === 403) {
      await markUserBlocked(deps.db, alert.recipientId).catch(() => {});
      return { outcome: { id: alert.id, outcome: 'blocked' } };
    }
    const reason = error instanceof TelegramError ? `${code} ${error.description}` : String(error);
    deps.log.warn('deal_alert_failed', { user_id: alert.recipientId, deal_alert_id: alert.id, code });
    if (code === 429) {
      const wait = (error as TelegramError).parameters?.retry_after ?? 5;
      const at = new Date(now.getTime() + wait * 1000);
      return { outcome: { id: alert.id, outcome: 'later', at, tried: false }, retryAfter: at };
    }
    if (code === 400 || alert.attempts + 1 >= DEAL_ALERT_MAX_ATTEMPTS) {
      return { outcome: { id: alert.id, outcome: 'failed', error: reason } };
    }
    const at = nextAttemptAfter(now, alert.attempts);
    return { outcome: { id: alert.id, outcome: 'later', at, tried: true, error: reason } };
  }
}

/** A recipient's own zone: that of their saved search's centre, the one place we know of them; else TIMEZONE. */
const recipientZone = (deps: Deps, alert: ClaimedDealAlert): string =>
  quietHoursZone(alert.place, deps.config);
