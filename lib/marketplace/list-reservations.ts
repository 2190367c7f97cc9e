import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { atMinutes, localDayAfter } from './local-time.js';
import type { OfferStatus } from './offers.js';
import { allRows, date, dateOrNull, firstRow, num, type RawRow } from './rows.js';
import { zoneOf } from './time-zones.js';
import { venuesOf } from './venue-access.js';

/**
 * Who is coming: the counter's view of a venue's day, for its owner and staff (`counter` permission). Today's
 * and upcoming offers with their totals, and one offer's reservations a page at a time. Cancelled reservations
 * are left out: nobody is coming for them.
 */
export interface DeskTotals {
  /** Open reservations, their units and the cash they will bring. */
  toCollect: number;
  toCollectUnits: number;
  cashExpected: number;
  collected: number;
  collectedUnits: number;
  cashTaken: number;
  noShows: number;
  /**
   * Issue 18: paid online (reserved or collected, never refunded since a no-show isn't): no cash to collect for
   * them, so `cashExpected` and `cashTaken` leave them out.
   */
  paidOnline: number;
}

export interface DeskOffer {
  offerId: number;
  title: string;
  status: OfferStatus;
  pickupStart: Date;
  pickupEnd: Date;
  /** Issue 17: the venue's own zone, which the window is shown in (null: TIMEZONE's). */
  zone: string | null;
  totals: DeskTotals;
}

export interface DeskReservation {
  id: number;
  customerName: string;
  quantity: number;
  itemName: string;
  pickupCode: string;
  status: 'reserved' | 'picked_up' | 'no_show';
  amount: number;
  pickedUpAt: Date | null;
  /** Issue 18: paid online, nothing to collect. */
  paidOnline: boolean;
}

const totalColumns = sql.raw(`
  count(p.id) filter (where p.status = 'reserved') as to_collect,
  coalesce(sum(p.quantity) filter (where p.status = 'reserved'), 0) as to_collect_units,
  coalesce(sum(p.quantity * p.unit_price) filter (where p.status = 'reserved' and pm.reservation_id is null), 0) as cash_expected,
  count(p.id) filter (where p.status = 'picked_up') as collected,
  coalesce(sum(p.quantity) filter (where p.status = 'picked_up'), 0) as collected_units,
  coalesce(sum(p.quantity * p.unit_price) filter (where p.status = 'picked_up' and pm.reservation_id is null), 0) as cash_taken,
  count(p.id) filter (where p.status = 'no_show') as no_shows,
  coalesce(sum(pm.amount), 0) as paid_online`);

const totalsOf = (row: RawRow): DeskTotals => ({
  toCollect: num(row.to_collect),
  toCollectUnits: num(row.to_collect_units),
  cashExpected: num(row.cash_expected),
  collected: num(row.collected),
  collectedUnits: num(row.collected_units),
  cashTaken: num(row.cash_taken),
  noShows: num(row.no_shows),
  paidOnline: num(row.paid_online ?? 0),
});

const deskOfferOf = (row: RawRow): DeskOffer => ({
  offerId: num(row.id),
  title: String(row.title),
  status: row.status as OfferStatus,
  pickupStart: date(row.pickup_start),
  pickupEnd: date(row.pickup_end),
  zone: zoneOf(row.time_zone),
  totals: totalsOf(row),
});

const offersQuery = (where: SQL) => sql`
  select o.id, o.title, o.status, o.pickup_start, o.pickup_end, b.time_zone, ${totalColumns}
  from offers o join venues b on b.id = o.venue_id
    left join reservations p on p.offer_id = o.id and p.status not in ('cancelled', 'pending_payment')
    left join payments pm on pm.reservation_id = p.id and pm.state = 'paid'
  where ${where}
  group by o.id, b.id`;

/**
 * Today's and upcoming offers (their window ends today or later, local time) that are or were live. `zone` is the
 * venue's (an account works at one venue): its day is the one that counts at its counter.
 */
export async function listVenueDay(
  db: Db,
  input: { actorId: number; now: Date; zone: string },
): Promise<{ offers: DeskOffer[]; totals: DeskTotals }> {
  const startOfToday = atMinutes(localDayAfter(input.now, 0, input.zone), 0, input.zone);
  const rows = allRows(
    await db.execute(sql`
      ${offersQuery(sql`o.venue_id in ${venuesOf(input.actorId, 'counter')} and o.status <> 'draft'
        and o.pickup_end >= ${startOfToday.toISOString()}::timestamptz`)}
      order by o.pickup_start, o.id
      limit 20
    `),
  );
  const offers = rows.map(deskOfferOf);
  const totals = totalsOf({});
  for (const key of Object.keys(totals) as Array<keyof DeskTotals>) {
    totals[key] = offers.reduce((sum, o) => sum + o.totals[key], 0);
  }
  return { offers, totals };
}

/** One offer's reservations, open ones first (by code, as read at the counter), a page at a time. */
export async function listOfferReservations(
  db: Db,
  input: { actorId: number; offerId: number; page: number; pageSize: number },
): Promise<{ offer: DeskOffer; reservations: DeskReservation[]; page: number; pages: number }> {
  const head = firstRow(
    await db.execute(
      offersQuery(sql`o.id = ${input.offerId} and o.venue_id in ${venuesOf(input.actorId, 'counter')}`),
    ),
  );
  if (!head) throw new AppError({ code: 'offer.not_found' });
  const offer = deskOfferOf(head);
  const count = offer.totals.toCollect + offer.totals.collected + offer.totals.noShows;
  const pages = Math.max(1, Math.ceil(count / input.pageSize));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const rows = allRows(
    await db.execute(sql`
      select p.id, coalesce(u.first_name, '') as customer_name, p.quantity, i.name as item_name, p.pickup_code,
        p.status, p.quantity * p.unit_price as amount, p.picked_up_at,
        exists (select 1 from payments pm where pm.reservation_id = p.id and pm.state = 'paid') as paid_online
      from reservations p join offer_items i on i.id = p.item_id left join users u on u.id = p.customer_id
      where p.offer_id = ${offer.offerId} and p.status not in ('cancelled', 'pending_payment')
      order by (p.status = 'reserved') desc, p.pickup_code, p.id
      limit ${input.pageSize} offset ${page * input.pageSize}
    `),
  );
  return {
    offer,
    page,
    pages,
    reservations: rows.map((row) => ({
      id: num(row.id),
      customerName: String(row.customer_name),
      quantity: num(row.quantity),
      itemName: String(row.item_name),
      pickupCode: String(row.pickup_code),
      status: row.status as DeskReservation['status'],
      amount: num(row.amount),
      pickedUpAt: dateOrNull(row.picked_up_at),
      paidOnline: row.paid_online === true || row.paid_online === 't',
    })),
  };
}
