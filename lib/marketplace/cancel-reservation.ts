import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { refundRequestCtes, refundsWritten } from './refunds.js';
import { factColumns, factsOf, type ReservationFacts } from './reservation-facts.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';

export interface CancelResult extends ReservationFacts {
  /** False when it had been cancelled before, by another press (cancelling twice is a no-op). */
  changed: boolean;
  offerReactivated: boolean;
  /** The venue's "X cancelled" notice, written with the cancellation. */
  notices: ClaimedNotice[];
  /** Issue 18: a paid reservation's refund was written with the cancellation (the `refund` job sends it). */
  refundRequested: boolean;
}

/**
 * The customer cancels their reservation while it is reserved and the pickup window is not over. One
 * statement, in the lock order offer → reservation → item: the offer row is locked first (so a reservation or a
 * withdrawal of the same offer waits, never deadlocks), then the reservation flips, the units go back, a
 * sold-out offer comes back to life, the venue's notice and the audit row are written. A retry of the same
 * press (same idempotency key) reports the first outcome.
 */
export async function cancelReservation(
  db: Db,
  input: { idempotencyKey: string; reservationId: number; customerId: number; now: Date },
): Promise<CancelResult> {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (
          select outcome from idempotency_keys where key = ${input.idempotencyKey}
        ),
        target as (
          select p.id, p.offer_id from reservations p where p.id = ${input.reservationId} and p.customer_id = ${input.customerId}
        ),
        locked_offer as (
          select o.id, o.pickup_end from offers o where o.id = (select offer_id from target) for update
        ),
        cancelled as (
          update reservations set status = 'cancelled', updated_at = now()
          where id = (select id from target) and status = 'reserved'
            and (select pickup_end from locked_offer) > ${now}::timestamptz
            and not exists (select 1 from prior)
          returning id, quantity, item_id, offer_id
        ),
        restocked as (
          update offer_items i set quantity_available = i.quantity_available + c.quantity
          from cancelled c where i.id = c.item_id
          returning i.id
        ),
        offer_row as (
          update offers o set
            units_available = o.units_available + c.quantity,
            status = case when o.status = 'sold_out' then 'active'::offer_status else o.status end,
            updated_at = now()
          from cancelled c where o.id = c.offer_id
          returning o.id, o.status
        ),
        notice as (
          insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
          select b.owner_id, 'reservation.cancelled', c.id, ${claim}::timestamptz, ${now}::timestamptz
          from cancelled c join offers o on o.id = c.offer_id join venues b on b.id = o.venue_id
          returning id, kind, recipient_id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.customerId}, jsonb_build_object('changed', true) from cancelled
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.customerId}, 'reservation.cancel', 'reservation', id, jsonb_build_object('to', 'cancelled') from cancelled
        ),
        -- Issue 18: cancelled in time, a paid reservation is refunded (docs/payments.md).
        ${refundRequestCtes({ reservationIds: sql`select id from cancelled`, reason: 'cancelled', now: input.now, actorId: input.customerId })}
        select p.status as before, o.pickup_end as window_end, ${factColumns},
          (select count(*) from cancelled) as changed,
          (select outcome from prior) is not null as replayed,
          (select status from offer_row) as offer_status_after,
          o.status as offer_status_before,
          ${refundsWritten} as refunds,
          ${writtenNotices} as notices
        from reservations p
          join offer_items i on i.id = p.item_id
          join offers o on o.id = p.offer_id
          join venues b on b.id = o.venue_id
          left join users u on u.id = p.customer_id
        where p.id = (select id from target)
      `),
    ),
  );
  if (!row) throw new AppError({ code: 'reservation.not_found' });
  const changed = num(row.changed) > 0 || row.replayed === true;
  if (!changed && row.before !== 'cancelled') {
    if (row.before === 'reserved') throw new AppError({ code: 'reservation.window_over' });
    // Neither reserved nor cancelled: the reservation was settled.
    throw new AppError({ code: 'reservation.settled', status: row.before as 'picked_up' | 'no_show' });
  }
  return {
    ...factsOf(row),
    changed,
    offerReactivated: row.offer_status_before === 'sold_out' && row.offer_status_after === 'active',
    notices: noticesOf(row.notices),
    refundRequested: num(row.refunds) > 0,
  };
}
