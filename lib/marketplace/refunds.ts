import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { noticeClaimUntil } from './notices.js';
import { allRows, date, firstRow, num, type RawRow } from './rows.js';

/**
 * The refunds outbox (db/schema.ts `refunds`, docs/payments.md). A refund is owed by the statement that ends a
 * paid reservation (the customer cancelling in time, a withdrawal or takedown settling it, a payment that came
 * too late), written there in the same statement, one per Telegram charge. The `refund` job and the sweep hand it
 * to Stripe with a stable Idempotency-Key until Stripe answers; a no-show is never refunded.
 */
export type RefundReason = 'cancelled' | 'withdrawn' | 'late_payment' | 'duplicate_charge';

export interface DueRefund {
  id: number;
  reservationId: number;
  customerId: number;
  telegramChargeId: string;
  providerChargeId: string;
  amount: number;
  currency: string;
  reason: RefundReason;
  attempts: number;
}

const REFUND_CLAIM_MS = 60_000;

/** Stripe's Idempotency-Key for a refund: the Telegram charge is unique across deployments and never reused. */
export const refundIdempotencyKey = (refund: Pick<DueRefund, 'telegramChargeId'>) =>
  `refund:${refund.telegramChargeId}`;

/**
 * Two CTEs (`refund`, `refund_audit`) for a write statement's WITH list: a refund for every paid reservation among
 * `reservationIds` (a subquery of reservation ids), due at once, with its audit row. The statement returns
 * `${refundsWritten}` to say how many it wrote.
 */
export function refundRequestCtes(input: {
  reservationIds: SQL;
  reason: RefundReason;
  now: Date;
  actorId: number | null;
}): SQL {
  const now = input.now.toISOString();
  return sql`
    refund as (
      -- created_at on the app's clock, as the overdue check measures it (lib/ops/refund-backlog.ts).
      insert into refunds (reservation_id, customer_id, telegram_payment_charge_id, provider_payment_charge_id,
        amount, currency, reason, claimed_until, next_attempt_at, created_at)
      select pm.reservation_id, pm.customer_id, pm.telegram_payment_charge_id, pm.provider_payment_charge_id,
        pm.amount, pm.currency, ${input.reason}, ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      from payments pm
      where pm.state = 'paid' and pm.reservation_id in (${input.reservationIds})
      on conflict (telegram_payment_charge_id) do nothing
      returning id, reservation_id, amount, currency, reason
    ),
    refund_audit as (
      insert into audit_log (actor_id, action, entity, entity_id, data)
      select ${input.actorId}::bigint, 'refund.request', 'reservation', reservation_id,
        jsonb_build_object('refund_id', id, 'reason', reason, 'amount', amount, 'currency', currency)
      from refund
    )`;
}

/** The column a statement with `refundRequestCtes` returns: how many refunds it wrote. */
export const refundsWritten = sql.raw('(select count(*) from refund)');

/** Takes the refunds that are due and claims them for a minute, so two runs never send one twice at once. */
export async function claimRefunds(db: Db, input: { now: Date; limit?: number }): Promise<DueRefund[]> {
  const now = input.now.toISOString();
  const until = new Date(input.now.getTime() + REFUND_CLAIM_MS).toISOString();
  const rows = allRows(
    await db.execute(sql`
      update refunds r set claimed_until = ${until}::timestamptz
      where r.id in (
        select id from refunds where state = 'requested'
          and next_attempt_at <= ${now}::timestamptz and claimed_until <= ${now}::timestamptz
        order by id limit ${input.limit ?? 20} for update skip locked
      )
      returning r.id, r.reservation_id, r.customer_id, r.telegram_payment_charge_id, r.provider_payment_charge_id,
        r.amount, r.currency, r.reason, r.attempts
    `),
  );
  return rows.map(dueRefundOf).sort((a, b) => a.id - b.id);
}

const dueRefundOf = (row: RawRow): DueRefund => ({
  id: num(row.id),
  reservationId: num(row.reservation_id),
  customerId: num(row.customer_id),
  telegramChargeId: String(row.telegram_payment_charge_id),
  providerChargeId: String(row.provider_payment_charge_id),
  amount: num(row.amount),
  currency: String(row.currency),
  reason: row.reason as RefundReason,
  attempts: num(row.attempts),
});

export type RefundOutcome =
  | { outcome: 'succeeded'; stripeRefundId: string }
  /** Stripe said no for good (e.g. the charge was already refunded): recorded, never retried; ops look. */
  | { outcome: 'failed'; error: string }
  /** No answer, or one that may change (5xx, 429, a dropped connection): tried again at `at`. */
  | { outcome: 'retry'; error: string; at: Date };

/**
 * Records what Stripe answered, in one statement with its audit row; a refund that succeeded writes the
 * customer's `refund.issued` notice (outbox) with it. Only a refund still `requested` changes, so a second
 * record of the same answer is a no-op. Returns the notice ids written.
 */
export async function recordRefund(
  db: Db,
  input: { id: number; now: Date } & RefundOutcome,
): Promise<{ changed: boolean; notices: number[] }> {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const state = input.outcome === 'retry' ? 'requested' : input.outcome;
  const stripeId = input.outcome === 'succeeded' ? input.stripeRefundId : null;
  const error = input.outcome === 'succeeded' ? null : input.error.slice(0, 200);
  const next = input.outcome === 'retry' ? input.at.toISOString() : now;
  const row = firstRow(
    await db.execute(sql`
      with changed as (
        update refunds set state = ${state}::refund_state, attempts = attempts + 1, stripe_refund_id = ${stripeId},
          last_error = ${error}, next_attempt_at = ${next}::timestamptz, claimed_until = ${now}::timestamptz,
          decided_at = case when ${state} = 'requested' then null else ${now}::timestamptz end
        where id = ${input.id} and state = 'requested'
        returning id, reservation_id, customer_id, amount, currency, state, reason
      ),
      -- One notice per refund of a reservation: a second charge's refund has a kind of its own, so the refund of
      -- the reservation itself (cancelled later, say) is announced too (notices are unique per reservation and kind).
      notice as (
        insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
        select customer_id, case when reason = 'duplicate_charge' then 'refund.issued_second' else 'refund.issued' end,
          reservation_id, ${claim}::timestamptz, ${now}::timestamptz
        from changed where state = 'succeeded'
        on conflict (reservation_id, kind) do nothing
        returning id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select null, 'refund.' || state::text, 'reservation', reservation_id,
          jsonb_build_object('refund_id', id, 'amount', amount, 'currency', currency, 'stripe_refund_id', ${stripeId}::text,
            'error', ${error}::text)
        from changed where state <> 'requested'
      )
      select (select count(*) from changed) as changed,
        (select coalesce(json_agg(id), '[]'::json) from notice) as notices
    `),
  );
  const ids = typeof row?.notices === 'string' ? JSON.parse(row.notices) : (row?.notices ?? []);
  return { changed: num(row?.changed ?? 0) > 0, notices: (ids as unknown[]).map(num) };
}

/** When the next requested refund falls due (for scheduling the job); null when none is waiting. */
export async function nextRefundAt(db: Db): Promise<Date | null> {
  const row = firstRow(
    await db.execute(
      sql`select min(greatest(next_attempt_at, claimed_until)) as at from refunds where state = 'requested'`,
    ),
  );
  return row?.at == null ? null : date(row.at);
}

/** Backoff while Stripe doesn't answer: 30 s, 1 min, 2 min … capped at an hour, for as long as it takes. */
export const nextRefundAttempt = (now: Date, attempts: number) =>
  new Date(now.getTime() + 1000 * Math.min(3600, 30 * 2 ** attempts));
