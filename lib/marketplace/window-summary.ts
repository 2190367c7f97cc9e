import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { allRows, date, num } from './rows.js';
import { zoneOf } from './time-zones.js';

/**
 * What an offer's pickup window came to, for the summary its venue gets once the window is over (the
 * `offer.summary` notice, written when the offer expires and read when it is sent, after the leftover
 * reservations were settled as no-shows).
 */
export interface WindowSummary {
  offerId: number;
  title: string;
  pickupStart: Date;
  pickupEnd: Date;
  /** Issue 17: the venue's own zone, which the window is shown in (null: TIMEZONE's). */
  zone: string | null;
  /** Reservations made and not cancelled, and their units. */
  reserved: number;
  reservedUnits: number;
  collected: number;
  collectedUnits: number;
  noShows: number;
  /** Paid at pickup: the collected reservations' prices (issue 18: those paid online left out). */
  cashTaken: number;
  /** Issue 18: paid online and kept (collected or not picked up; a no-show isn't refunded). */
  paidOnline: number;
  currency: string | null;
  /** Kilograms collected, when at least one item states a weight per unit; null otherwise. */
  kgSaved: number | null;
}

export async function windowSummaries(db: Db, offerIds: number[]): Promise<Map<number, WindowSummary>> {
  const rows = allRows(
    await db.execute(sql`
      select o.id, o.title, o.pickup_start, o.pickup_end, b.time_zone,
        count(p.id) filter (where p.status not in ('cancelled', 'pending_payment')) as reserved,
        coalesce(sum(p.quantity) filter (where p.status not in ('cancelled', 'pending_payment')), 0) as reserved_units,
        count(p.id) filter (where p.status = 'picked_up') as collected,
        coalesce(sum(p.quantity) filter (where p.status = 'picked_up'), 0) as collected_units,
        count(p.id) filter (where p.status = 'no_show') as no_shows,
        coalesce(sum(p.quantity * p.unit_price) filter (where p.status = 'picked_up' and pm.reservation_id is null), 0) as cash,
        coalesce(sum(pm.amount) filter (where p.status in ('reserved', 'picked_up', 'no_show')), 0) as paid_online,
        min(p.currency) as currency,
        coalesce(sum(p.quantity * i.unit_weight_grams) filter (where p.status = 'picked_up'), 0) as grams,
        bool_or(i.unit_weight_grams is not null) or exists (
          select 1 from offer_items w where w.offer_id = o.id and w.unit_weight_grams is not null
        ) as weighed
      from offers o
        join venues b on b.id = o.venue_id
        left join reservations p on p.offer_id = o.id
        left join offer_items i on i.id = p.item_id
        left join payments pm on pm.reservation_id = p.id and pm.state = 'paid'
      where o.id = any(${`{${offerIds.join(',')}}`}::bigint[])
      group by o.id, b.id
    `),
  );
  return new Map(
    rows.map((row) => [
      num(row.id),
      {
        offerId: num(row.id),
        title: String(row.title),
        pickupStart: date(row.pickup_start),
        pickupEnd: date(row.pickup_end),
        zone: zoneOf(row.time_zone),
        reserved: num(row.reserved),
        reservedUnits: num(row.reserved_units),
        collected: num(row.collected),
        collectedUnits: num(row.collected_units),
        noShows: num(row.no_shows),
        cashTaken: num(row.cash),
        paidOnline: num(row.paid_online ?? 0),
        currency: row.currency == null ? null : String(row.currency),
        kgSaved: row.weighed === true || row.weighed === 't' ? num(row.grams) / 1000 : null,
      },
    ]),
  );
}

/** The summary notices of these offers still waiting to be sent (the expiry that wrote them sends them next). */
export async function summaryNoticeIds(db: Db, offerIds: number[]): Promise<number[]> {
  if (offerIds.length === 0) return [];
  const rows = allRows(
    await db.execute(sql`
      select id from notices
      where offer_id = any(${`{${offerIds.join(',')}}`}::bigint[]) and kind = 'offer.summary' and status = 'pending'
    `),
  );
  return rows.map((row) => num(row.id));
}
