import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { date, firstRow, num } from './rows.js';

export const STATS_PERIODS = ['today', '7d', '30d'] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];

interface VenueRanking {
  venueId: number;
  name: string;
  unitsPickedUp: number;
  unitsReserved: number;
  /** What its picked-up units brought in, cash and online, in minor units. */
  takings: number;
}

/**
 * The marketplace's numbers for `/stats`. Reservations count in the period they were made in (a cohort), by
 * what became of them since: picked up, cancelled (by the customer, or by a withdrawal), not picked up, or
 * still reserved. Units, not reservations: "food saved" is what was collected. A hold awaiting payment, or one that
 * ended unpaid, was never a reservation (issue 18): neither counts.
 */
export interface MarketplaceStats {
  since: Date;
  offersPublished: number;
  units: { reserved: number; pickedUp: number; cancelled: number; noShow: number; open: number };
  /** Picked up out of those whose window ended (picked up or not picked up); null when none has ended. */
  pickupRate: number | null;
  /** Paid at pickup, in minor units. */
  cash: number;
  /** Paid in chat ahead (issue 18) for units since picked up, in minor units. */
  paidOnline: number;
  /** Kilograms are counted over the units whose item states a weight (`weighedUnits` of `units.pickedUp`). */
  saved: { kg: number; weighedUnits: number };
  /** People who reserved in the period; venues that published an offer or took a reservation in it. */
  activeCustomers: number;
  activeVenues: number;
  /** By units picked up, then reserved; at most five. */
  topVenues: VenueRanking[];
}

const days: Record<Exclude<StatsPeriod, 'today'>, number> = { '7d': 7, '30d': 30 };
const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/**
 * One statement. The period's reservations come from `reservations_created_idx` alone (created_at leads, the
 * other columns it reads follow), are summed per item (hundreds of rows, not a million), and only those sums
 * meet offer_items, offers and venues by primary key. Offers published come from `offers_published_idx`.
 * Holds that ended unpaid and what was paid online are read from `payments` (only venues that take online
 * payment write there) and taken off those sums. docs/admin.md has the plan at a million reservations.
 */
export async function marketplaceStats(
  db: Db,
  input: { period: StatsPeriod; now: Date; timezone: string },
): Promise<MarketplaceStats> {
  const now = input.now.toISOString();
  const since =
    input.period === 'today'
      ? sql`(date_trunc('day', ${now}::timestamptz at time zone ${input.timezone}) at time zone ${input.timezone})`
      : sql`(${now}::timestamptz - ${days[input.period]} * interval '1 day')`;
  const row = firstRow(
    await db.execute(sql`
      with bounds as (select ${since} as since),
      r as materialized (
        select item_id, customer_id, status, quantity, unit_price from reservations
        where created_at >= (select since from bounds) and status <> 'pending_payment'
      ),
      paid as (
        -- Per item: units of holds that ended unpaid (cancelled, never reservations) and money paid online for
        -- units picked up. A payment row is written with its reservation, so the period is the reservation's.
        select r.item_id,
          coalesce(sum(r.quantity) filter (where p.state = 'expired' and r.status = 'cancelled'), 0) as unpaid_holds,
          coalesce(sum(r.quantity * r.unit_price) filter (where p.state = 'paid' and r.status = 'picked_up'), 0)
            as online
        from payments p join reservations r on r.id = p.reservation_id
        where r.created_at >= (select since from bounds)
        group by r.item_id
      ),
      per_item as (
        select r.item_id,
          sum(r.quantity) - coalesce(max(paid.unpaid_holds), 0) as reserved,
          coalesce(sum(r.quantity) filter (where r.status = 'picked_up'), 0) as picked_up,
          coalesce(sum(r.quantity) filter (where r.status = 'cancelled'), 0) - coalesce(max(paid.unpaid_holds), 0)
            as cancelled,
          coalesce(sum(r.quantity) filter (where r.status = 'no_show'), 0) as no_show,
          coalesce(sum(r.quantity * r.unit_price) filter (where r.status = 'picked_up'), 0) as takings,
          coalesce(max(paid.online), 0) as online
        from r left join paid on paid.item_id = r.item_id group by r.item_id
      ),
      items as (
        select o.venue_id, p.*, i.unit_weight_grams as grams
        from per_item p join offer_items i on i.id = p.item_id join offers o on o.id = i.offer_id
      ),
      per_venue as (
        select venue_id, sum(reserved) as reserved, sum(picked_up) as picked_up, sum(takings) as takings
        from items where reserved > 0 group by venue_id
      ),
      -- People who reserved: not those whose every row in the period is a hold that ended unpaid.
      per_customer as (select customer_id, count(*) as n from r group by customer_id),
      unpaid_per_customer as (
        select r.customer_id, count(*) as n from payments p join reservations r on r.id = p.reservation_id
        where p.state = 'expired' and r.status = 'cancelled' and r.created_at >= (select since from bounds)
        group by r.customer_id
      ),
      published as (
        select venue_id from offers where published_at >= (select since from bounds)
      )
      select (select since from bounds) as since,
        (select count(*) from published) as offers_published,
        (select count(*) from (select venue_id from published union select venue_id from per_venue) v) as active_venues,
        (select count(*) from per_customer c
          where c.n > coalesce((select u.n from unpaid_per_customer u where u.customer_id = c.customer_id), 0))
          as active_customers,
        coalesce(sum(reserved), 0) as reserved, coalesce(sum(picked_up), 0) as picked_up,
        coalesce(sum(cancelled), 0) as cancelled, coalesce(sum(no_show), 0) as no_show,
        coalesce(sum(takings - online), 0) as cash, coalesce(sum(online), 0) as online,
        coalesce(sum(picked_up * grams), 0) as grams,
        coalesce(sum(picked_up) filter (where grams is not null), 0) as weighed_units,
        (select coalesce(json_agg(t), '[]'::json) from (
          select v.id, v.name, pv.picked_up, pv.reserved, pv.takings
          from per_venue pv join venues v on v.id = pv.venue_id
          order by pv.picked_up desc, pv.reserved desc, v.id limit 5) t) as top
      from items
    `),
  );
  const units = {
    reserved: num(row?.reserved ?? 0),
    pickedUp: num(row?.picked_up ?? 0),
    cancelled: num(row?.cancelled ?? 0),
    noShow: num(row?.no_show ?? 0),
    open: 0,
  };
  units.open = units.reserved - units.pickedUp - units.cancelled - units.noShow;
  const ended = units.pickedUp + units.noShow;
  return {
    since: date(row?.since),
    offersPublished: num(row?.offers_published ?? 0),
    units,
    pickupRate: ended === 0 ? null : units.pickedUp / ended,
    cash: num(row?.cash ?? 0),
    paidOnline: num(row?.online ?? 0),
    saved: { kg: num(row?.grams ?? 0) / 1000, weighedUnits: num(row?.weighed_units ?? 0) },
    activeCustomers: num(row?.active_customers ?? 0),
    activeVenues: num(row?.active_venues ?? 0),
    topVenues: (parsed(row?.top) as Array<Record<string, unknown>>).map((v) => ({
      venueId: num(v.id),
      name: String(v.name),
      unitsPickedUp: num(v.picked_up),
      unitsReserved: num(v.reserved),
      takings: num(v.takings),
    })),
  };
}
