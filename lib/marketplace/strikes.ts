import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { factColumns, factsOf, type ReservationFacts } from './reservation-facts.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';

/**
 * No-show strikes (db/schema.ts `strikes`). A reservation never collected counts a strike; a pickup or a
 * cancellation never does. Settlement (settle-ended-offers.ts) writes the strike: counted at once when the venue
 * confirmed a pickup of that day's offers, otherwise held until the venue answers "did they come?"
 * (`resolveNoShow`). Three counted within 30 days cap the customer at one live reservation for 14 days after
 * the last of them; the reservation statement reads the cap from `strikeCapSql`, so it holds atomically.
 */
export const STRIKES_FOR_LIMIT = 3;
export const STRIKE_WINDOW_DAYS = 30;
export const LIMIT_DAYS = 14;
export const LIMITED_RESERVATIONS = 1;
/** How long after the pickup window a venue can still say whether a customer came. */
const DECIDE_WITHIN = '7 days';

/**
 * SQL for the end of the customer's limit at `now` (a timestamptz), or null when they are not limited: the
 * newest counted strike of the last 14 days that was the third (or later) within its 30 days.
 */
export const strikeLimitUntilSql = (customerId: number, now: Date): SQL => sql`(
  select max(s.missed_at) + interval '${sql.raw(String(LIMIT_DAYS))} days' from strikes s
  where s.customer_id = ${customerId} and s.counted
    and exists (select 1 from reservations r where r.id = s.reservation_id and r.status = 'no_show')
    and s.missed_at > ${now.toISOString()}::timestamptz - interval '${sql.raw(String(LIMIT_DAYS))} days'
    and s.missed_at <= ${now.toISOString()}::timestamptz
    and (select count(*) from strikes s2 where s2.customer_id = s.customer_id and s2.counted
      and s2.missed_at > s.missed_at - interval '${sql.raw(String(STRIKE_WINDOW_DAYS))} days'
      and s2.missed_at <= s.missed_at) >= ${STRIKES_FOR_LIMIT})`;

export type NoShowDecision = 'picked_up' | 'missed';

export interface NoShowResolution extends ReservationFacts {
  decision: NoShowDecision;
  /** False when the venue had answered already (a double tap, a redelivery): the first answer stands. */
  changed: boolean;
  notices: ClaimedNotice[];
}

/**
 * The venue answers for a no-show it never confirmed: the customer did collect it (the reservation becomes
 * picked up, no strike, the customer is thanked and asked for a rating) or didn't (the strike counts and the
 * customer is told, and told of the limit if this was the third). Only the venue of the reservation may answer,
 * once, within 7 days of the window. Lock order: the reservation, then its strike.
 */
export async function resolveNoShow(
  db: Db,
  input: { reservationId: number; ownerId: number; decision: NoShowDecision; now: Date },
): Promise<NoShowResolution> {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const missed = input.decision === 'missed';
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with target as (
          select p.id, p.customer_id from reservations p
            join offers o on o.id = p.offer_id join venues b on b.id = o.venue_id
          where p.id = ${input.reservationId} and b.owner_id = ${input.ownerId} and p.status in ('no_show', 'picked_up')
          for update of p
        ),
        strike as (
          select s.* from strikes s where s.reservation_id = (select id from target)
        ),
        decided as (
          update strikes set counted = ${missed}, decided_at = ${now}::timestamptz
          where reservation_id = (select id from target) and decided_at is null
            and missed_at > ${now}::timestamptz - interval '${sql.raw(DECIDE_WITHIN)}'
          returning reservation_id, customer_id, missed_at, counted
        ),
        collected as (
          update reservations set status = 'picked_up', picked_up_at = ${now}::timestamptz, updated_at = now()
          where id in (select reservation_id from decided where not counted) and status = 'no_show'
          returning id, customer_id
        ),
        earlier as (
          select count(*) as n from strikes s, decided d
          where d.counted and s.customer_id = d.customer_id and s.counted and s.reservation_id <> d.reservation_id
            and s.missed_at > d.missed_at - interval '${sql.raw(String(STRIKE_WINDOW_DAYS))} days'
            and s.missed_at <= d.missed_at
        ),
        notice as (
          insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
          select customer_id, 'reservation.picked_up', id, ${claim}::timestamptz, ${now}::timestamptz from collected
          union all
          select customer_id, 'reservation.no_show', reservation_id, ${claim}::timestamptz, ${now}::timestamptz
          from decided where counted
          union all
          select customer_id, 'reservation.strike_limit', reservation_id, ${claim}::timestamptz, ${now}::timestamptz
          from decided where counted and (select n from earlier) + 1 >= ${STRIKES_FOR_LIMIT}
          on conflict do nothing
          returning id, kind, recipient_id
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.ownerId}, 'reservation.no_show_decided', 'reservation', reservation_id,
            jsonb_build_object('counted', counted)
          from decided
        )
        select ${factColumns},
          (select count(*) from decided) as decided,
          (select counted from strike) as counted_before,
          (select decided_at from strike) as decided_before,
          (select count(*) from strike) as has_strike,
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
  if (!row || num(row.has_strike) === 0) throw new AppError({ code: 'no_show.not_found' });
  if (num(row.decided) > 0) {
    return { ...factsOf(row), decision: input.decision, changed: true, notices: noticesOf(row.notices) };
  }
  if (row.decided_before == null) throw new AppError({ code: 'no_show.too_late' });
  const counted = row.counted_before === true || row.counted_before === 't';
  return { ...factsOf(row), decision: counted ? 'missed' : 'picked_up', changed: false, notices: [] };
}

/**
 * Strikes for no-shows the venue marked by hand during the window (issue 15's "not picked up"), which
 * settlement never sees: counted, since the venue said so, once the window is over (so an undo in the window
 * still wins). Idempotent; run by the expiry job for its offer and by the sweep for the last two days.
 */
export async function strikeMarkedNoShows(
  db: Db,
  input: { now: Date; offerIds?: number[] },
): Promise<{ struck: number; notices: ClaimedNotice[] }> {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const only = input.offerIds
    ? sql`and o.id = any(${`{${input.offerIds.join(',')}}`}::bigint[])`
    : sql`and o.pickup_end > ${now}::timestamptz - interval '2 days'`;
  const row = firstRow(
    await db.execute(sql`
      with struck as (
        insert into strikes (reservation_id, customer_id, venue_id, missed_at, counted, decided_at)
        select p.id, p.customer_id, o.venue_id, o.pickup_end, true, ${now}::timestamptz
        from reservations p join offers o on o.id = p.offer_id
        where p.status = 'no_show' and o.pickup_end <= ${now}::timestamptz ${only}
          and not exists (select 1 from strikes s where s.reservation_id = p.id)
        on conflict do nothing
        returning reservation_id, customer_id, missed_at
      ),
      notice as (
        insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
        select customer_id, 'reservation.strike_limit', reservation_id, ${claim}::timestamptz, ${now}::timestamptz
        from struck k where (
          select count(*) from strikes s where s.customer_id = k.customer_id and s.counted
            and s.missed_at > k.missed_at - interval '${sql.raw(String(STRIKE_WINDOW_DAYS))} days'
            and s.missed_at <= k.missed_at) + 1 >= ${STRIKES_FOR_LIMIT}
        on conflict do nothing
        returning id, kind, recipient_id
      )
      select (select count(*) from struck) as struck,
        ${writtenNotices} as notices
    `),
  );
  return { struck: num(row?.struck ?? 0), notices: noticesOf(row?.notices) };
}
