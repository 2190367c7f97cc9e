import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { factColumns, factsOf, type ReservationFacts } from './reservation-facts.js';
import { newPickupCode } from './reservations.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { venuesOf } from './venue-access.js';

/** How long after confirming it a pickup can be taken back. */
export const PICKUP_UNDO_MINUTES = 10;

export interface UndoResult extends ReservationFacts {
  notices: ClaimedNotice[];
  replayed: boolean;
}

/**
 * The venue (owner or staff) takes back a pickup confirmed by mistake, within PICKUP_UNDO_MINUTES and while
 * the pickup window is open: the reservation is `reserved` again and the customer is told it is open. Like a
 * pickup it touches only the reservation row (docs/reliability.md). Its old slot or code may have been taken
 * meanwhile (the customer reserved again; a code drawn again), so it gets a free slot (up to the slot range, a
 * restored reservation may exceed the cap) and, only if its code is taken, a new one. A retry of the same press
 * reports the first outcome.
 */
export async function undoPickup(
  db: Db,
  input: { idempotencyKey: string; actorId: number; reservationId: number; now: Date },
): Promise<UndoResult> {
  const now = input.now.toISOString();
  const since = new Date(input.now.getTime() - PICKUP_UNDO_MINUTES * 60_000).toISOString();
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select outcome from idempotency_keys where key = ${input.idempotencyKey}),
        target as (
          select p.id, p.status, p.customer_id, p.picked_up_at, o.pickup_end, o.status as offer_status
          from reservations p join offers o on o.id = p.offer_id
          where p.id = ${input.reservationId} and o.venue_id in ${venuesOf(input.actorId, 'counter')}
          for update of p
        ),
        free_slot as (
          select s::smallint as slot from generate_series(1, 10) s
          where s not in (
            -- Live states, as the live slot index names them: a hold awaiting payment takes a slot too (issue 18).
            select slot from reservations where customer_id = (select customer_id from target)
              and status in ('reserved', 'pending_payment')
          )
          order by s limit 1
        ),
        undone as (
          update reservations p set status = 'reserved', picked_up_at = null, updated_at = now(),
            slot = (select slot from free_slot),
            pickup_code = case when exists (
              select 1 from reservations q where q.pickup_code = p.pickup_code
                and q.status in ('reserved', 'pending_payment')
            ) then ${newPickupCode()} else p.pickup_code end
          from target t
          where p.id = t.id and t.status = 'picked_up' and t.picked_up_at > ${since}::timestamptz
            and t.pickup_end > ${now}::timestamptz and t.offer_status not in ('expired', 'withdrawn')
            and not exists (select 1 from prior)
          returning p.id, p.customer_id
        ),
        notice as (
          insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
          select customer_id, 'reservation.pickup_undone', id, ${noticeClaimUntil(input.now).toISOString()}::timestamptz,
            ${now}::timestamptz
          from undone
          on conflict (reservation_id, kind) do update set status = 'pending', attempts = 0, sent_at = null,
            last_error = null, claimed_until = excluded.claimed_until, next_attempt_at = excluded.next_attempt_at
          returning id, kind, recipient_id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.actorId}, jsonb_build_object('reservation_id', id) from undone
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.actorId}, 'reservation.pickup_undone', 'reservation', id, jsonb_build_object('to', 'reserved')
          from undone
        )
        select (select status from target) as before, (select count(*) from undone) as changed,
          (select count(*) from prior) as replayed,
          ${writtenNotices} as notices
      `),
    ),
  );
  const replayed = num(row?.replayed) > 0;
  if (!row || row.before == null) throw new AppError({ code: 'pickup.not_open' });
  if (!replayed && num(row.changed) === 0) {
    if (row.before !== 'picked_up') throw new AppError({ code: 'pickup.not_picked_up' });
    throw new AppError({ code: 'pickup.undo_too_late', minutes: PICKUP_UNDO_MINUTES });
  }
  // The reservation as it is now (a new code, if it needed one), for both the first run and a replay.
  const facts = firstRow(
    await db.execute(sql`
      select ${factColumns}
      from reservations p join offer_items i on i.id = p.item_id join offers o on o.id = p.offer_id
        join venues b on b.id = o.venue_id left join users u on u.id = p.customer_id
      where p.id = ${input.reservationId}
    `),
  );
  return { ...factsOf(facts!), notices: noticesOf(row.notices), replayed };
}
