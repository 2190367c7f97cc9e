import type { Telegram } from 'telegraf';
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { channelPostPayload, runChannelPost } from './channel-post.js';
import { runDeliverNotices } from './deliver-notices.js';
import { expireOfferPayload, runExpireOffer } from './expire-offer.js';
import { expirePaymentPayload, runExpirePayment } from './expire-payment.js';
import { fanOutPayload, runFanOutDealAlerts } from './fan-out-deal-alerts.js';
import { reminderPayload, runPickupReminder } from './pickup-reminder.js';
import { publishDropPayload, runPublishDrop } from './publish-drop.js';
import { runRefunds } from './refund.js';

/**
 * Every scheduled job by name: its payload schema and what it runs. QStash POSTs to `/api/jobs/<name>`
 * (verified, then `runJobByName`); locally the in-process scheduler calls the same `run`.
 */
export const jobs = {
  'expire-offer': {
    schema: expireOfferPayload,
    run: (deps: Deps, telegram: Telegram, payload: z.infer<typeof expireOfferPayload>) =>
      runExpireOffer(deps, telegram, payload),
  },
  'deliver-notices': {
    schema: z.object({}),
    run: (deps: Deps, telegram: Telegram) => runDeliverNotices(deps, telegram),
  },
  'publish-drop': {
    schema: publishDropPayload,
    run: (deps: Deps, telegram: Telegram, payload: z.infer<typeof publishDropPayload>) =>
      runPublishDrop(deps, telegram, payload),
  },
  // Issue 14: customers come back.
  'fan-out-deal-alerts': {
    schema: fanOutPayload,
    run: (deps: Deps, telegram: Telegram, payload: z.infer<typeof fanOutPayload>) =>
      runFanOutDealAlerts(deps, telegram, payload),
  },
  'pickup-reminder': {
    schema: reminderPayload,
    run: (deps: Deps, telegram: Telegram, payload: z.infer<typeof reminderPayload>) =>
      runPickupReminder(deps, telegram, payload),
  },
  'channel-post': {
    schema: channelPostPayload,
    run: (deps: Deps, telegram: Telegram, payload: z.infer<typeof channelPostPayload>) =>
      runChannelPost(deps, telegram, payload),
  },
  // Issue 18: online payment: a hold's end, and refunds handed to Stripe.
  'expire-payment': {
    schema: expirePaymentPayload,
    run: (deps: Deps, _telegram: Telegram, payload: z.infer<typeof expirePaymentPayload>) =>
      runExpirePayment(deps, payload),
  },
  refund: {
    schema: z.object({}),
    run: (deps: Deps, telegram: Telegram) => runRefunds(deps, telegram),
  },
} as const;

export type JobName = keyof typeof jobs;

/** Parses the payload with the job's schema (throws on a malformed one) and runs it. */
export function runJobByName(deps: Deps, telegram: Telegram, name: JobName, payload: unknown) {
  const job = jobs[name];
  return job.run(deps, telegram, job.schema.parse(payload) as never);
}
