import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { DEFAULT_DEAL_ALERT_SETTINGS } from './deal-alert-settings.js';
import { allRows, date, firstRow, num, numOrNull } from './rows.js';
import { languageTagOf } from './users.js';

/**
 * The deal alerts outbox (db/schema.ts `deal alerts`): one row per (offer, recipient), written once per published offer by
 * `enqueueDealAlerts` and sent in batches by the `fan-out-deal-alerts` job (lib/jobs/fan-out-deal-alerts.ts), which claims
 * rows in one statement (`FOR UPDATE SKIP LOCKED`), so no two runs send the same deal alert.
 */

type DealAlertReason = 'follow' | 'search';

/** A claim lasts this long; a run that died mid-batch leaves its rows to the next run after it. */
const DEAL_ALERT_CLAIM_MS = 60_000;
/** After this many failed tries a deal alert is given up (`failed`). */
export const DEAL_ALERT_MAX_ATTEMPTS = 6;

/** Metres between two points (great circle), as SQL over numeric expressions. */
const metresBetween = (lat1: unknown, lon1: unknown, lat2: unknown, lon2: unknown) => sql`
  (2 * 6371000 * asin(sqrt(power(sin(radians(${lat2} - ${lat1}) / 2), 2)
    + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2))))`;

/**
 * Writes the deal alerts of one published offer, once: to the venue's followers, and to every saved search whose
 * circle holds the venue and whose price cap the offer's cheapest item meets (at most one such deal alert per
 * customer, venue and local day). Nobody muted, blocked or already a follower gets a second one; the owner gets
 * none. A second run for the same offer (a redelivered job, the sweep) writes nothing. Returns how many deal alerts
 * were written, or null when the offer isn't live (nothing to tell).
 */
export async function enqueueDealAlerts(
  db: Db,
  input: { offerId: number; now: Date; timezone: string },
): Promise<number | null> {
  const now = input.now.toISOString();
  const distance = metresBetween(
    sql.raw('q.latitude'),
    sql.raw('q.longitude'),
    sql.raw('o.latitude'),
    sql.raw('o.longitude'),
  );
  const row = firstRow(
    await db.execute(sql`
      with o as (
        select o.id, o.venue_id, b.owner_id, b.latitude, b.longitude,
          -- The venue's day (issue 17): its own zone, else TIMEZONE.
          (${now}::timestamptz at time zone coalesce(b.time_zone, ${input.timezone}))::date as local_day,
          (select min(i.price) from offer_items i where i.offer_id = o.id and i.quantity_available > 0) as min_price
        from offers o join venues b on b.id = o.venue_id
        where o.id = ${input.offerId} and o.status = 'active' and o.pickup_end > ${now}::timestamptz
          and b.status = 'verified'
      ),
      fresh as (
        select * from o where not exists (select 1 from deal_alert_fanouts f where f.offer_id = o.id)
      ),
      followers as (
        select f.customer_id as recipient_id, 'follow'::text as reason, null::int as distance_m
        from follows f join fresh o on o.venue_id = f.venue_id
          join users u on u.id = f.customer_id left join deal_alert_settings s on s.user_id = f.customer_id
        where u.blocked_at is null and not coalesce(s.muted, false) and f.customer_id <> o.owner_id
      ),
      searchers as (
        select q.customer_id as recipient_id, 'search'::text as reason, round(${distance})::int as distance_m
        from saved_searches q cross join fresh o
          join users u on u.id = q.customer_id left join deal_alert_settings s on s.user_id = q.customer_id
        where o.latitude is not null and o.longitude is not null
          and u.blocked_at is null and not coalesce(s.muted, false) and q.customer_id <> o.owner_id
          and not exists (select 1 from follows f where f.customer_id = q.customer_id and f.venue_id = o.venue_id)
          and (q.max_price is null or o.min_price <= q.max_price)
          and ${distance} <= q.radius_m
      ),
      written as (
        insert into deal_alerts (offer_id, venue_id, recipient_id, reason, local_day, distance_m, claimed_until, next_attempt_at)
        select o.id, o.venue_id, r.recipient_id, r.reason, o.local_day, r.distance_m, ${now}::timestamptz, ${now}::timestamptz
        from fresh o, (select * from followers union all select * from searchers) r
        on conflict do nothing
        returning id
      ),
      marked as (
        insert into deal_alert_fanouts (offer_id, recipients)
        select id, (select count(*) from written) from fresh
        on conflict do nothing
      )
      select (select count(*) from o) as live, (select count(*) from written) as written
    `),
  );
  return num(row?.live ?? 0) === 0 ? null : num(row?.written ?? 0);
}

export interface ClaimedDealAlert {
  id: number;
  offerId: number;
  recipientId: number;
  reason: DealAlertReason;
  distanceM: number | null;
  attempts: number;
  muted: boolean;
  quietStart: number;
  quietEnd: number;
  /** Issue 17: the centre of the recipient's saved search, the one place known of them (their zone's quiet hours). */
  place: { latitude: number; longitude: number } | null;
  /** The offer can still be reserved (active, window open, venue verified). */
  offerLive: boolean;
  /** Issue 17: the recipient's language tag (users.ts `languageTagOf`): the alert is written in theirs. */
  language: string | null;
}

/**
 * Takes up to `limit` deal alerts that are due (of one offer, or of any) and claims them in the same statement, so
 * two runs never send the same deal alert. With each: the recipient's settings as they are now.
 */
export async function claimDealAlerts(
  db: Db,
  input: { now: Date; offerId?: number; limit: number },
): Promise<ClaimedDealAlert[]> {
  const now = input.now.toISOString();
  const claim = new Date(input.now.getTime() + DEAL_ALERT_CLAIM_MS).toISOString();
  const only = input.offerId === undefined ? sql`` : sql`and offer_id = ${input.offerId}`;
  const d = DEFAULT_DEAL_ALERT_SETTINGS;
  const result = await db.execute(sql`
    with claimed as (
      update deal_alerts a set claimed_until = ${claim}::timestamptz
      where a.id in (
        select id from deal_alerts
        where status = 'pending' and next_attempt_at <= ${now}::timestamptz and claimed_until <= ${now}::timestamptz ${only}
        order by id limit ${input.limit} for update skip locked
      )
      returning a.id, a.offer_id, a.recipient_id, a.reason, a.distance_m, a.attempts
    )
    select c.*, coalesce(s.muted, false) as muted, q.latitude as place_latitude, q.longitude as place_longitude,
      coalesce(s.quiet_start, ${d.quietStart}) as quiet_start, coalesce(s.quiet_end, ${d.quietEnd}) as quiet_end,
      (o.status = 'active' and o.pickup_end > ${now}::timestamptz and b.status = 'verified') as live,
      ${languageTagOf('r')} as language
    from claimed c
      join offers o on o.id = c.offer_id
      join venues b on b.id = o.venue_id
      left join deal_alert_settings s on s.user_id = c.recipient_id
      left join saved_searches q on q.customer_id = c.recipient_id
      left join users r on r.id = c.recipient_id
    order by c.id
  `);
  return allRows(result).map((row) => ({
    id: num(row.id),
    offerId: num(row.offer_id),
    recipientId: num(row.recipient_id),
    reason: row.reason as DealAlertReason,
    distanceM: numOrNull(row.distance_m),
    attempts: num(row.attempts),
    muted: row.muted === true || row.muted === 't',
    quietStart: num(row.quiet_start),
    quietEnd: num(row.quiet_end),
    place:
      row.place_latitude == null || row.place_longitude == null
        ? null
        : { latitude: num(row.place_latitude), longitude: num(row.place_longitude) },
    offerLive: row.live === true || row.live === 't',
    language: (row.language as string | null) ?? null,
  }));
}

export type DealAlertOutcome =
  | { id: number; outcome: 'sent' | 'blocked' | 'skipped' }
  | { id: number; outcome: 'failed'; error: string }
  /** Try again at `at`; `tried` says whether this counts as an attempt (a failure) or is only a wait. */
  | { id: number; outcome: 'later'; at: Date; tried: boolean; error?: string };

/** Records what happened to each claimed deal alert, in one statement, and releases the claims. */
export async function recordDealAlerts(db: Db, outcomes: DealAlertOutcome[], now: Date): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((o) => ({
    id: o.id,
    status: o.outcome === 'later' ? 'pending' : o.outcome,
    tried: o.outcome === 'later' ? o.tried : o.outcome !== 'skipped',
    error: 'error' in o && o.error ? o.error.slice(0, 200) : null,
    at: (o.outcome === 'later' ? o.at : now).toISOString(),
  }));
  await db.execute(sql`
    update deal_alerts a set
      status = v.status::deal_alert_status,
      attempts = a.attempts + case when v.tried then 1 else 0 end,
      last_error = coalesce(v.error, a.last_error),
      sent_at = case when v.status = 'sent' then ${now.toISOString()}::timestamptz else a.sent_at end,
      next_attempt_at = v.at::timestamptz,
      claimed_until = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(id bigint, status text, tried boolean, error text, at text)
    where a.id = v.id and a.status = 'pending'
  `);
}

/** When the next pending deal alert (of one offer, or of any) falls due; null when none is pending. */
export async function nextDealAlertAt(db: Db, input: { offerId?: number }): Promise<Date | null> {
  const only = input.offerId === undefined ? sql`` : sql`and offer_id = ${input.offerId}`;
  const row = firstRow(
    await db.execute(
      sql`select min(greatest(next_attempt_at, claimed_until)) as at from deal_alerts where status = 'pending' ${only}`,
    ),
  );
  return row?.at == null ? null : date(row.at);
}

/**
 * For the sweep: live offers published in the last day whose deal alerts were never written (the job that should
 * have written them was lost), and offers with pending deal alerts due by `now` (a lost continuation).
 */
export async function offersOwingDealAlerts(db: Db, input: { now: Date }): Promise<number[]> {
  const now = input.now.toISOString();
  const result = await db.execute(sql`
    select o.id from offers o
    where o.status = 'active' and o.pickup_end > ${now}::timestamptz
      and o.published_at > ${now}::timestamptz - interval '1 day'
      and not exists (select 1 from deal_alert_fanouts f where f.offer_id = o.id)
    union
    select distinct offer_id from deal_alerts where status = 'pending' and next_attempt_at <= ${now}::timestamptz
    limit 100
  `);
  return allRows(result).map((row) => num(row.id));
}
