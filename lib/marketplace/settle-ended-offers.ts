import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { refundRequestCtes, refundsWritten } from './refunds.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { STRIKE_WINDOW_DAYS, STRIKES_FOR_LIMIT } from './strikes.js';

export interface Settlement {
  /** Reservations of withdrawn offers, now cancelled. */
  withdrawn: number;
  /** Reservations of expired offers never collected, now no-shows. */
  noShows: number;
  /** One notice per holder, written with the change and claimed for delivery right after. */
  notices: ClaimedNotice[];
  /** Issue 18: refunds written for paid reservations of withdrawn offers (the `refund` job sends them). */
  refunds: number;
}

/**
 * Ends the reservations that an ended offer still holds: a withdrawn offer's become `cancelled` (holders
 * are told it was withdrawn), an expired offer's become `no_show` (holders are told the window passed, or, when
 * the venue confirmed no pickup that day, the venue is asked first; issue 14's strikes are written here too).
 *
 * This runs as its own statement after the withdrawal or expiry has committed: its fresh snapshot sees
 * every reservation that committed before the offer changed state, which the state change's own snapshot
 * could not (a reservation re-checks the offer under the offer-row lock, so none can land afterwards).
 * Idempotent, and run by the sweep over every ended offer, so a crash between the two statements is
 * repaired by the next sweep.
 */
export async function settleEndedOffers(
  db: Db,
  input: { now: Date; offerIds?: number[]; timezone?: string },
): Promise<Settlement> {
  const now = input.now.toISOString();
  const tz = input.timezone ?? 'UTC';
  const claim = noticeClaimUntil(input.now).toISOString();
  const only = input.offerIds ? sql`and o.id = any(${`{${input.offerIds.join(',')}}`}::bigint[])` : sql``;
  if (input.offerIds?.length === 0) return { withdrawn: 0, noShows: 0, notices: [], refunds: 0 };
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with settled as (
          update reservations p set
            status = case when o.status = 'withdrawn' then 'cancelled' else 'no_show' end::reservation_status,
            updated_at = now()
          from offers o
          where p.offer_id = o.id and p.status = 'reserved' and o.status in ('withdrawn', 'expired') ${only}
          returning p.id, p.customer_id, p.offer_id, p.status, o.venue_id, o.pickup_end
        ),
        -- Issue 14 (strikes.ts): a no-show is a strike. A venue that confirmed a pickup of that day's offers
        -- vouches for its no-shows (counted at once); one that confirmed none is asked first, and until it
        -- answers the customer is neither told off nor struck.
        vouched as (
          -- "That day" is the venue's (issue 17): its own zone, else TIMEZONE.
          select s.id from settled s join venues b on b.id = s.venue_id
          where s.status = 'no_show' and exists (
            select 1 from reservations r2 join offers o2 on o2.id = r2.offer_id
            where o2.venue_id = s.venue_id and r2.status = 'picked_up'
              and (o2.pickup_end at time zone coalesce(b.time_zone, ${tz}))::date
                = (s.pickup_end at time zone coalesce(b.time_zone, ${tz}))::date)
        ),
        struck as (
          insert into strikes (reservation_id, customer_id, venue_id, missed_at, counted, decided_at)
          select id, customer_id, venue_id, pickup_end, id in (select id from vouched),
            case when id in (select id from vouched) then ${now}::timestamptz end
          from settled where status = 'no_show'
          on conflict do nothing
          returning reservation_id, customer_id, missed_at, counted
        ),
        notice as (
          insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
          select case when status = 'no_show' and id not in (select id from vouched)
              then (select b.owner_id from venues b where b.id = settled.venue_id) else customer_id end,
            case when status = 'cancelled' then 'reservation.withdrawn'
              when id in (select id from vouched) then 'reservation.no_show' else 'reservation.unconfirmed' end,
            id, ${claim}::timestamptz, ${now}::timestamptz
          from settled
          union all
          select customer_id, 'reservation.strike_limit', reservation_id, ${claim}::timestamptz, ${now}::timestamptz
          from struck k where counted and (
            select count(*) from strikes s where s.customer_id = k.customer_id and s.counted
              and s.missed_at > k.missed_at - interval '${sql.raw(String(STRIKE_WINDOW_DAYS))} days'
              and s.missed_at <= k.missed_at) + 1 >= ${STRIKES_FOR_LIMIT}
          on conflict (reservation_id, kind) do nothing
          returning id, kind, recipient_id
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select null, 'reservation.settle', 'reservation', id, jsonb_build_object('to', status, 'offer_id', offer_id)
          from settled
        ),
        -- Issue 18: a withdrawn (or taken-down) offer's paid reservations are refunded; a no-show is not.
        ${refundRequestCtes({ reservationIds: sql`select id from settled where status = 'cancelled'`, reason: 'withdrawn', now: input.now, actorId: null })}
        select (select count(*) from settled where status = 'cancelled') as withdrawn,
          ${refundsWritten} as refunds,
          (select count(*) from settled where status = 'no_show') as no_shows,
          ${writtenNotices} as notices
      `),
    ),
  );
  return {
    withdrawn: num(row?.withdrawn ?? 0),
    noShows: num(row?.no_shows ?? 0),
    notices: noticesOf(row?.notices),
    refunds: num(row?.refunds ?? 0),
  };
}
