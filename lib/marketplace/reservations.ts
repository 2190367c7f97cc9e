import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { allRows, date, num, numOrNull } from './rows.js';
import { zoneOf } from './time-zones.js';

export const MAX_ACTIVE_RESERVATIONS = 3;
export const MAX_UNITS_PER_RESERVATION = 5;

/** No 0/O, 1/I/L: codes are read aloud and typed at a counter. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const PICKUP_CODE_LENGTH = 6;

export function newPickupCode(): string {
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Normalises what a venue types ("ab c-234") to a code, or null when it can't be one. */
export function normalisePickupCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  return code.length === PICKUP_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c))
    ? code
    : null;
}

export interface ReservationSummary {
  id: number;
  status: 'reserved' | 'picked_up' | 'cancelled' | 'no_show';
  quantity: number;
  unitPrice: number;
  currency: string;
  pickupCode: string;
  itemName: string;
  offerTitle: string;
  venueName: string;
  address: string;
  /** Issue 17: the venue's pin, for the distance and the map in /myreservations (null: it has none). */
  venueLatitude: number | null;
  venueLongitude: number | null;
  pickupStart: Date;
  pickupEnd: Date;
  /** Issue 17: the venue's own zone, which the window is shown in (null: TIMEZONE's). */
  zone: string | null;
  createdAt: Date;
}

/** The customer's reservations, open ones first, then the most recent others. */
export async function listCustomerReservations(
  db: Db,
  customerId: number,
  limit = 10,
): Promise<ReservationSummary[]> {
  const result = await db.execute(sql`
    select p.id, p.status, p.quantity, p.unit_price, p.currency, p.pickup_code, p.created_at, b.time_zone,
      i.name as item_name, o.title, o.pickup_start, o.pickup_end, b.name as venue_name, b.address,
      b.latitude, b.longitude
    from reservations p
      join offer_items i on i.id = p.item_id
      join offers o on o.id = p.offer_id
      join venues b on b.id = o.venue_id
    -- Issue 18: a hold awaiting its payment isn't a reservation yet (its invoice is in the chat).
    where p.customer_id = ${customerId} and p.status <> 'pending_payment'
    order by (p.status = 'reserved') desc, p.created_at desc, p.id desc
    limit ${limit}
  `);
  return allRows(result).map((row) => ({
    id: num(row.id),
    status: row.status as ReservationSummary['status'],
    quantity: num(row.quantity),
    unitPrice: num(row.unit_price),
    currency: String(row.currency),
    pickupCode: String(row.pickup_code),
    itemName: String(row.item_name),
    offerTitle: String(row.title),
    venueName: String(row.venue_name),
    address: String(row.address),
    venueLatitude: numOrNull(row.latitude),
    venueLongitude: numOrNull(row.longitude),
    pickupStart: date(row.pickup_start),
    pickupEnd: date(row.pickup_end),
    zone: zoneOf(row.time_zone),
    createdAt: date(row.created_at),
  }));
}
