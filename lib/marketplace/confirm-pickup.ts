import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { factColumns, factsOf, type ReservationFacts } from './reservation-facts.js';
import { normalisePickupCode } from './reservations.js';
import { firstRow } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { venuesOf } from './venue-access.js';

export interface PickupResult extends ReservationFacts {
  /** The customer's thank-you, written with the pickup. Empty on a replay: it was written the first time. */
  notices: ClaimedNotice[];
  replayed: boolean;
}

/**
 * The venue (its owner or staff) confirms a pickup, by the code the customer shows or by the reservation id on
 * a "Picked up" button. A code or id of another venue, or one no longer open, is "not found":
 * the answer reveals nothing about other venues' orders. Touches only the reservation row (so it never waits
 * on an offer lock); a cancellation racing it waits on the reservation row and finds it picked up. A retry of
 * the same message or press (same idempotency key) reports the first outcome instead of "not found".
 */
export async function confirmPickup(
  db: Db,
  input: { idempotencyKey: string; actorId: number; now: Date } & (
    | { code: string }
    | { reservationId: number }
  ),
): Promise<PickupResult> {
  const byCode = 'code' in input;
  const notFound = new AppError({ code: byCode ? 'pickup.code_not_found' : 'pickup.not_open' });
  const code = byCode ? normalisePickupCode(input.code) : null;
  if (byCode && !code) throw notFound;
  const target = byCode ? sql`p.pickup_code = ${code}` : sql`p.id = ${input.reservationId}`;
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (
          select (outcome->>'reservation_id')::bigint as reservation_id from idempotency_keys where key = ${input.idempotencyKey}
        ),
        picked as (
          update reservations p set status = 'picked_up', picked_up_at = ${now}::timestamptz, updated_at = now()
          from offers o
          where p.offer_id = o.id and o.venue_id in ${venuesOf(input.actorId, 'counter')} and ${target}
            and p.status = 'reserved'
            and not exists (select 1 from prior)
          returning p.id, p.customer_id
        ),
        notice as (
          insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
          select customer_id, 'reservation.picked_up', id, ${claim}::timestamptz, ${now}::timestamptz from picked
          -- A pickup that was undone and confirmed again thanks the customer again.
          on conflict (reservation_id, kind) do update set status = 'pending', attempts = 0, sent_at = null,
            last_error = null, claimed_until = excluded.claimed_until, next_attempt_at = excluded.next_attempt_at
          returning id, kind, recipient_id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.actorId}, jsonb_build_object('reservation_id', id) from picked
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.actorId}, 'reservation.pickup', 'reservation', id, jsonb_build_object('to', 'picked_up') from picked
        )
        -- The reservation row as the statement's snapshot has it is all the facts need (code, item, venue).
        select ${factColumns}, (select reservation_id from prior) is not null as replayed,
          ${writtenNotices} as notices
        from reservations p
          join offer_items i on i.id = p.item_id
          join offers o on o.id = p.offer_id
          join venues b on b.id = o.venue_id
          left join users u on u.id = p.customer_id
        where p.id = coalesce((select id from picked), (select reservation_id from prior))
      `),
    ),
  );
  if (!row) throw notFound;
  return { ...factsOf(row), notices: noticesOf(row.notices), replayed: row.replayed === true };
}
