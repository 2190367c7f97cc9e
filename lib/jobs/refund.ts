import { randomUUID } from 'node:crypto';
import type { Telegram } from 'telegraf';
import type { Deps } from '../deps.js';
import { RefundError, type RefundGateway, stripeRefunds } from '../infra/stripe.js';
import {
  claimRefunds,
  type DueRefund,
  nextRefundAt,
  nextRefundAttempt,
  type RefundOutcome,
  recordRefund,
  refundIdempotencyKey,
} from '../marketplace/refunds.js';
import { checkRefunds } from '../ops/refund-checks.js';
import { deliverById } from './deliver-notices.js';

/**
 * The `refund` job and part of the sweep (issue 18, docs/payments.md): hands every refund that is due to Stripe,
 * with the Idempotency-Key `refund:<telegram charge>`, and records the answer. Until Stripe answers (a dropped
 * connection, 5xx, 429, a key it refuses) the refund waits with backoff and the job is scheduled for then; a
 * definite refusal is recorded as failed and logged for ops (docs/runbook.md). The customer's "refunded" notice
 * goes through the outbox, written with the success.
 *
 * Refunds need only STRIPE_SECRET_KEY: with the provider token removed (online payment switched off), the
 * refunds still owed go out all the same. Without the key nothing can be sent, and the admins are told
 * (lib/ops/refund-checks.ts), as they are of any refund still requested an hour after it was written.
 */
export async function runRefunds(
  deps: Deps,
  telegram: Telegram,
  { budgetMs = 6_000, gateway }: { budgetMs?: number; gateway?: RefundGateway } = {},
) {
  const totals = { refunded: 0, failed: 0, waiting: 0 };
  const key = deps.config.refunds;
  if (!key && !gateway) {
    await checkRefunds(deps, telegram);
    return totals;
  }
  const stripe = gateway ?? stripeRefunds(key!);
  const started = Date.now();
  for (;;) {
    const due = await claimRefunds(deps.db, { now: deps.clock.now(), limit: 10 });
    if (due.length === 0) break;
    for (const refund of due) {
      const outcome = await askStripe(deps, stripe, refund);
      const recorded = await recordRefund(deps.db, { id: refund.id, now: deps.clock.now(), ...outcome });
      if (outcome.outcome === 'succeeded') totals.refunded++;
      else if (outcome.outcome === 'failed') totals.failed++;
      else totals.waiting++;
      await deliverById(deps, telegram, recorded.notices);
    }
    if (Date.now() - started > budgetMs) break;
  }
  const next = await nextRefundAt(deps.db);
  if (next) await scheduleRefunds(deps, next);
  // Only an alerting step: its failure (the database, say) must not fail the run, nor the sweep around it.
  await checkRefunds(deps, telegram).catch((error) => deps.log.warn('refund_check_failed', { error }));
  return totals;
}

async function askStripe(deps: Deps, stripe: RefundGateway, refund: DueRefund): Promise<RefundOutcome> {
  const ids = { refund_id: refund.id, reservation_id: refund.reservationId };
  try {
    const answer = await stripe.refund({
      charge: refund.providerChargeId,
      amount: refund.amount,
      idempotencyKey: refundIdempotencyKey(refund),
      metadata: { reservation_id: String(refund.reservationId), reason: refund.reason },
    });
    if (answer.status === 'failed' || answer.status === 'canceled') {
      deps.log.error('refund_failed', { ...ids, code: `status_${answer.status}` });
      return { outcome: 'failed', error: `status_${answer.status}` };
    }
    // A metric (docs/runbook.md): refunds Stripe took, with the amount in minor units.
    deps.log.info('refunds_issued', {
      ...ids,
      amount: refund.amount,
      currency: refund.currency,
      reason: refund.reason,
    });
    return { outcome: 'succeeded', stripeRefundId: answer.id };
  } catch (error) {
    const known = error instanceof RefundError ? error : new RefundError('transient', errorName(error));
    if (known.kind === 'refused') {
      deps.log.error('refund_failed', { ...ids, code: known.code, status: known.status });
      return { outcome: 'failed', error: known.code };
    }
    const at = nextRefundAttempt(deps.clock.now(), refund.attempts);
    const fields = { ...ids, code: known.code, status: known.status, attempts: refund.attempts + 1 };
    // Stripe refusing the key itself (revoked, restricted) won't pass by waiting: an error line, for the operator.
    if (known.kind === 'key') deps.log.error('refund_retry', fields);
    else deps.log.warn('refund_retry', fields);
    return { outcome: 'retry', error: known.code, at };
  }
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'unknown');

/**
 * Runs the `refund` job: at once after a write that owes a refund (each write its own run: a run that already
 * finished must not swallow a later write's as a duplicate; runs claim refunds, so two at once are harmless), or
 * at `at` for a retry, rounded up to the minute (one retry run per minute, whoever asks). Scheduled without
 * STRIPE_SECRET_KEY too: that run sends nothing, but logs and tells the admins what is owed.
 */
export async function scheduleRefunds(deps: Deps, at?: Date): Promise<void> {
  const now = deps.clock.now();
  const minute = at ? Math.ceil(at.getTime() / 60_000) : undefined;
  try {
    await deps.scheduler.schedule({
      name: 'refund',
      payload: {},
      notBefore: minute === undefined ? now : new Date(minute * 60_000),
      deduplicationId: minute === undefined ? `refund-now-${randomUUID()}` : `refund-at-${minute}`,
    });
  } catch (error) {
    // The sweep sends what a lost schedule leaves behind.
    deps.log.warn('schedule_failed', { job: 'refund', error });
  }
}
