import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf } from './notices.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';

export interface Settlement {
  /** Reservations of withdrawn offers, now cancelled. */
  withdrawn: number;
  /** Reservations of expired offers never collected, now no-shows. */
  noShows: number;
  /** One notice per holder, written with the change and claimed for delivery right after. */
  notices: ClaimedNotice[];
}

/**
 * Ends the reservations that an ended offer still holds: a withdrawn offer's become `cancelled` (holders
 * are told it was withdrawn), an expired offer's become `no_show` (holders are told the window passed).
 *
 * This runs as its own statement after the withdrawal or expiry has committed: its fresh snapshot sees
 * every reservation that committed before the offer changed state, which the state change's own snapshot
 * could not (a reservation re-checks the offer under the offer-row lock, so none can land afterwards).
 * Idempotent, and run by the sweep over every ended offer, so a crash between the two statements is
 * repaired by the next sweep.
 */
export async function settleEndedOffers(
  db: Db,
  input: { now: Date; offerIds?: number[] },
): Promise<Settlement> {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const only = input.offerIds ? sql`and o.id = any(${`{${input.offerIds.join(',')}}`}::bigint[])` : sql``;
  if (input.offerIds?.length === 0) return { withdrawn: 0, noShows: 0, notices: [] };
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with settled as (
          update reservations p set
            status = case when o.status = 'withdrawn' then 'cancelled' else 'no_show' end::reservation_status,
            updated_at = now()
          from offers o
          where p.offer_id = o.id and p.status = 'reserved' and o.status in ('withdrawn', 'expired') ${only}
          returning p.id, p.customer_id, p.offer_id, p.status
        ),
        notice as (
          insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
          select customer_id, case when status = 'cancelled' then 'reservation.withdrawn' else 'reservation.no_show' end,
            id, ${claim}::timestamptz, ${now}::timestamptz
          from settled
          on conflict (reservation_id, kind) do nothing
          returning id, kind, recipient_id
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select null, 'reservation.settle', 'reservation', id, jsonb_build_object('to', status, 'offer_id', offer_id)
          from settled
        )
        select (select count(*) from settled where status = 'cancelled') as withdrawn,
          (select count(*) from settled where status = 'no_show') as no_shows,
          (select coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'recipient_id', recipient_id)), '[]'::json)
            from notice) as notices
      `),
    ),
  );
  return {
    withdrawn: num(row?.withdrawn ?? 0),
    noShows: num(row?.no_shows ?? 0),
    notices: noticesOf(row?.notices),
  };
}
