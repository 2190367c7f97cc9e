import { sql } from 'drizzle-orm';
import { date, num, numOrNull, type RawRow } from './rows.js';
import { zoneOf } from './time-zones.js';

/**
 * Everything a message about one reservation can say: the code, what and where, when. Every write that
 * changes a reservation returns these, and the outbox re-reads them by the same columns, so a notice reads
 * the same whether it goes out right after the reply or on a retry an hour later.
 */
export interface ReservationFacts {
  reservationId: number;
  customerId: number;
  customerName: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  pickupCode: string;
  itemName: string;
  offerId: number;
  offerTitle: string;
  pickupStart: Date;
  pickupEnd: Date;
  venue: {
    name: string;
    address: string;
    ownerId: number;
    latitude: number | null;
    longitude: number | null;
    /** Issue 17: the venue's own zone, which the window is shown in (null: TIMEZONE's). */
    zone: string | null;
  };
  /** Issue 18: paid online (through Telegram), so nothing is to pay at pickup and a cancellation is refunded. */
  paidOnline?: boolean;
}

/**
 * The columns behind `ReservationFacts`, for a query that joins `reservations p`, `offer_items i`,
 * `offers o`, `venues b` and `users u` (the customer).
 */
export const factColumns =
  sql.raw(`p.id as reservation_id, p.customer_id, coalesce(u.first_name, '') as customer_name,
  p.quantity, p.unit_price, p.currency, p.pickup_code, i.name as item_name, o.id as offer_id, o.title as offer_title,
  o.pickup_start, o.pickup_end, b.name as venue_name, b.address as venue_address, b.owner_id,
  b.latitude, b.longitude, b.time_zone as venue_time_zone,
  exists (select 1 from payments pm where pm.reservation_id = p.id and pm.state = 'paid') as paid_online`);

export function factsOf(row: RawRow): ReservationFacts {
  return {
    reservationId: num(row.reservation_id),
    customerId: num(row.customer_id),
    customerName: String(row.customer_name ?? ''),
    quantity: num(row.quantity),
    unitPrice: num(row.unit_price),
    currency: String(row.currency),
    pickupCode: String(row.pickup_code),
    itemName: String(row.item_name),
    offerId: num(row.offer_id),
    offerTitle: String(row.offer_title),
    pickupStart: date(row.pickup_start),
    pickupEnd: date(row.pickup_end),
    venue: {
      name: String(row.venue_name),
      address: String(row.venue_address),
      ownerId: num(row.owner_id),
      latitude: numOrNull(row.latitude),
      longitude: numOrNull(row.longitude),
      zone: zoneOf(row.venue_time_zone),
    },
    paidOnline: row.paid_online === true || row.paid_online === 't',
  };
}

/** One reservation's facts by id (a replayed write shows its first outcome again from these). */
export const factsQuery = (reservationId: number) => sql`
  select ${factColumns}
  from reservations p
    join offer_items i on i.id = p.item_id
    join offers o on o.id = p.offer_id
    join venues b on b.id = o.venue_id
    left join users u on u.id = p.customer_id
  where p.id = ${reservationId}`;
