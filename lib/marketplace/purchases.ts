import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { allRows, date, firstRow, num, type RawRow } from './rows.js';

export const MAX_ACTIVE_RESERVATIONS = 3;
export const MAX_UNITS_PER_RESERVATION = 5;

/** No 0/O, 1/I/L: codes are read aloud and typed at a counter. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PICKUP_CODE_LENGTH = 6;

export function newPickupCode(): string {
  let code = '';
  for (let i = 0; i < PICKUP_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Normalises what a business types ("ab c-234") to a code, or null when it can't be one. */
export function normalisePickupCode(text: string): string | null {
  const code = text.toUpperCase().replace(/[\s-]/g, '');
  return code.length === PICKUP_CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c))
    ? code
    : null;
}

export interface Reservation {
  purchaseId: number;
  pickupCode: string;
  quantity: number;
  unitPrice: number;
  currency: string;
  itemName: string;
  offerId: number;
  offerTitle: string;
  offerStatus: 'active' | 'sold_out' | 'paused';
  unitsLeft: number;
  pickupStart: Date;
  pickupEnd: Date;
  business: {
    name: string;
    address: string;
    ownerId: number;
    latitude: number | null;
    longitude: number | null;
  };
}

const isUniqueViolation = (error: unknown) => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
};

/**
 * Reserves `quantity` units of one item: ONE statement decrements the item only if enough is left
 * (`quantity_available >= n`), decrements the offer's unit count on the offer row (so concurrent buyers of
 * different items serialise there), flips the offer to sold_out with its last unit, inserts the purchase
 * and the audit row. CHECK constraints make overselling impossible even if every guard above failed.
 */
export async function reserve(
  db: Db,
  input: {
    customer: { id: number; firstName: string };
    offerId: number;
    itemId: number;
    quantity: number;
    currency: string;
    now: Date;
  },
): Promise<Reservation> {
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_UNITS_PER_RESERVATION) {
    throw new AppError('invalid_input', `You can reserve 1 to ${MAX_UNITS_PER_RESERVATION} at a time.`);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await reserveOnce(db, input, newPickupCode());
    } catch (error) {
      // Two live reservations drew the same code: the statement rolled back whole; draw again.
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}

async function reserveOnce(db: Db, input: Parameters<typeof reserve>[1], code: string): Promise<Reservation> {
  const now = input.now.toISOString();
  const q = input.quantity;
  const row = firstRow(
    await db.execute(sql`
      with live_offer as (
        select o.id from offers o join businesses b on b.id = o.business_id
        where o.id = ${input.offerId} and o.status = 'active' and o.pickup_end > ${now}::timestamptz
          and b.status = 'verified'
      ),
      quota as (
        select count(*)::int as n from purchases where customer_id = ${input.customer.id} and status = 'reserved'
      ),
      customer as (
        insert into users (id, first_name) values (${input.customer.id}, ${input.customer.firstName})
        on conflict (id) do update set last_seen_at = now()
      ),
      item as (
        update offer_items set quantity_available = quantity_available - ${q}
        where id = ${input.itemId} and offer_id = (select id from live_offer)
          and quantity_available >= ${q} and (select n from quota) < ${MAX_ACTIVE_RESERVATIONS}
        returning id, offer_id, price, name
      ),
      offer_row as (
        update offers set
          units_available = units_available - ${q},
          status = case when units_available - ${q} = 0 and status = 'active' then 'sold_out'::offer_status else status end,
          updated_at = now()
        where id = (select offer_id from item)
        returning id, status, units_available, title, pickup_start, pickup_end, business_id
      ),
      purchase as (
        insert into purchases (customer_id, offer_id, item_id, quantity, unit_price, currency, pickup_code)
        select ${input.customer.id}, offer_id, id, ${q}, price, ${input.currency}, ${code} from item
        returning id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.customer.id}::bigint, 'purchase.reserve', 'purchase', id,
          jsonb_build_object('offer_id', ${input.offerId}::bigint, 'item_id', ${input.itemId}::bigint, 'quantity', ${q}::int)
        from purchase
        union all
        select null::bigint, 'offer.sold_out', 'offer', id, jsonb_build_object('from', 'active', 'to', 'sold_out')
        from offer_row where status = 'sold_out'
      )
      select
        (select id from live_offer) as live_offer_id,
        (select n from quota) as active_reservations,
        (select quantity_available from offer_items where id = ${input.itemId} and offer_id = ${input.offerId}) as item_left,
        p.id as purchase_id, i.name as item_name, i.price as unit_price,
        o.id as offer_id, o.status as offer_status, o.units_available, o.title, o.pickup_start, o.pickup_end,
        b.name as business_name, b.address, b.owner_id, b.latitude, b.longitude
      from (select 1) as one
        left join purchase p on true
        left join item i on true
        left join offer_row o on true
        left join businesses b on b.id = o.business_id
    `),
  );
  if (!row || row.purchase_id === null || row.purchase_id === undefined) throw reservationRefusal(row, q);
  return {
    purchaseId: num(row.purchase_id),
    pickupCode: code,
    quantity: q,
    unitPrice: num(row.unit_price),
    currency: input.currency,
    itemName: String(row.item_name),
    offerId: num(row.offer_id),
    offerTitle: String(row.title),
    offerStatus: row.offer_status as Reservation['offerStatus'],
    unitsLeft: num(row.units_available),
    pickupStart: date(row.pickup_start),
    pickupEnd: date(row.pickup_end),
    business: {
      name: String(row.business_name),
      address: String(row.address),
      ownerId: num(row.owner_id),
      latitude: row.latitude === null ? null : num(row.latitude),
      longitude: row.longitude === null ? null : num(row.longitude),
    },
  };
}

function reservationRefusal(row: RawRow | undefined, quantity: number): AppError {
  if (!row || row.live_offer_id === null) {
    return new AppError('conflict', 'Sorry, this offer is no longer available.');
  }
  if (num(row.active_reservations) >= MAX_ACTIVE_RESERVATIONS) {
    return new AppError(
      'limit_reached',
      `You already have ${MAX_ACTIVE_RESERVATIONS} active reservations. Pick them up or cancel one in /mypurchases first.`,
    );
  }
  if (row.item_left === null) return new AppError('not_found', 'That item is not part of this offer.');
  const left = num(row.item_left);
  return new AppError(
    'conflict',
    left === 0 ? 'Sorry, that item just sold out.' : `Sorry, only ${left} left — you asked for ${quantity}.`,
  );
}

export interface CancelResult {
  purchaseId: number;
  /** False when it was already cancelled (cancelling twice is a no-op). */
  changed: boolean;
  quantity: number;
  itemName: string;
  offerTitle: string;
  pickupCode: string;
  ownerId: number;
  offerReactivated: boolean;
}

/**
 * The customer cancels their reservation while it is reserved and the pickup window is not over:
 * one statement puts the units back, reactivates a sold-out offer and writes the audit row.
 */
export async function cancelReservation(
  db: Db,
  input: { purchaseId: number; customerId: number; now: Date },
): Promise<CancelResult> {
  const now = input.now.toISOString();
  const row = firstRow(
    await db.execute(sql`
      with target as (
        select p.id, p.status, p.quantity, p.item_id, p.offer_id, p.pickup_code, o.pickup_end
        from purchases p join offers o on o.id = p.offer_id
        where p.id = ${input.purchaseId} and p.customer_id = ${input.customerId}
      ),
      cancelled as (
        update purchases set status = 'cancelled', updated_at = now()
        where id = (select id from target) and status = 'reserved'
          and (select pickup_end from target) > ${now}::timestamptz
        returning id, quantity, item_id, offer_id
      ),
      restocked as (
        update offer_items i set quantity_available = i.quantity_available + c.quantity
        from cancelled c where i.id = c.item_id
        returning i.id
      ),
      offer_row as (
        update offers o set
          units_available = o.units_available + c.quantity,
          status = case when o.status = 'sold_out' then 'active'::offer_status else o.status end,
          updated_at = now()
        from cancelled c where o.id = c.offer_id
        returning o.id, o.status
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.customerId}, 'purchase.cancel', 'purchase', id, jsonb_build_object('to', 'cancelled') from cancelled
      )
      select t.status as before, t.quantity, t.pickup_code, t.pickup_end, t.offer_id,
        (select count(*) from cancelled) as changed,
        (select status from offer_row) as offer_status_after,
        (select o.status from offers o where o.id = t.offer_id) as offer_status_before,
        i.name as item_name, o.title, b.owner_id
      from target t
        join offer_items i on i.id = t.item_id
        join offers o on o.id = t.offer_id
        join businesses b on b.id = o.business_id
    `),
  );
  if (!row) throw new AppError('not_found', 'Reservation not found.');
  const changed = num(row.changed) > 0;
  if (!changed && row.before !== 'cancelled') {
    if (row.before === 'reserved') {
      throw new AppError(
        'invalid_transition',
        'The pickup window is over, so this reservation can no longer be cancelled.',
      );
    }
    const words: Record<string, string> = {
      picked_up: 'already picked up',
      no_show: 'marked as not picked up',
    };
    throw new AppError(
      'invalid_transition',
      `This reservation was ${words[String(row.before)] ?? row.before}.`,
    );
  }
  return {
    purchaseId: input.purchaseId,
    changed,
    quantity: num(row.quantity),
    itemName: String(row.item_name),
    offerTitle: String(row.title),
    pickupCode: String(row.pickup_code),
    ownerId: num(row.owner_id),
    offerReactivated: row.offer_status_before === 'sold_out' && row.offer_status_after === 'active',
  };
}

export interface PickupResult {
  purchaseId: number;
  customerId: number;
  quantity: number;
  itemName: string;
  offerTitle: string;
  pickupCode: string;
  businessName: string;
}

/**
 * The business confirms a pickup, by the code the customer shows or by the purchase id on the "Picked up"
 * button of its order notification. A code or id of another business, or one no longer open, is
 * "not found": the answer reveals nothing about other venues' orders.
 */
export async function confirmPickup(
  db: Db,
  input: { ownerId: number } & ({ code: string } | { purchaseId: number }),
): Promise<PickupResult> {
  const byCode = 'code' in input;
  const notFound = new AppError(
    'not_found',
    byCode ? 'No open reservation with that code.' : 'This reservation is no longer open.',
  );
  const code = byCode ? normalisePickupCode(input.code) : null;
  if (byCode && !code) throw notFound;
  const target = byCode ? sql`p.pickup_code = ${code}` : sql`p.id = ${input.purchaseId}`;
  const row = firstRow(
    await db.execute(sql`
      with picked as (
        update purchases p set status = 'picked_up', updated_at = now()
        from offers o join businesses b on b.id = o.business_id
        where p.offer_id = o.id and b.owner_id = ${input.ownerId} and ${target} and p.status = 'reserved'
        returning p.id, p.customer_id, p.quantity, p.item_id, p.pickup_code, o.title, b.name as business_name
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.ownerId}, 'purchase.pickup', 'purchase', id, jsonb_build_object('to', 'picked_up') from picked
      )
      select p.id, p.customer_id, p.quantity, p.title, p.pickup_code, p.business_name, i.name as item_name
      from picked p join offer_items i on i.id = p.item_id
    `),
  );
  if (!row) throw notFound;
  return {
    purchaseId: num(row.id),
    customerId: num(row.customer_id),
    quantity: num(row.quantity),
    itemName: String(row.item_name),
    offerTitle: String(row.title),
    pickupCode: String(row.pickup_code),
    businessName: String(row.business_name),
  };
}

export interface PurchaseSummary {
  id: number;
  status: 'reserved' | 'picked_up' | 'cancelled' | 'no_show';
  quantity: number;
  unitPrice: number;
  currency: string;
  pickupCode: string;
  itemName: string;
  offerTitle: string;
  businessName: string;
  address: string;
  pickupStart: Date;
  pickupEnd: Date;
  createdAt: Date;
}

/** The customer's reservations, open ones first, then the most recent others. */
export async function listCustomerPurchases(
  db: Db,
  customerId: number,
  limit = 10,
): Promise<PurchaseSummary[]> {
  const result = await db.execute(sql`
    select p.id, p.status, p.quantity, p.unit_price, p.currency, p.pickup_code, p.created_at,
      i.name as item_name, o.title, o.pickup_start, o.pickup_end, b.name as business_name, b.address
    from purchases p
      join offer_items i on i.id = p.item_id
      join offers o on o.id = p.offer_id
      join businesses b on b.id = o.business_id
    where p.customer_id = ${customerId}
    order by (p.status = 'reserved') desc, p.created_at desc, p.id desc
    limit ${limit}
  `);
  return allRows(result).map((row) => ({
    id: num(row.id),
    status: row.status as PurchaseSummary['status'],
    quantity: num(row.quantity),
    unitPrice: num(row.unit_price),
    currency: String(row.currency),
    pickupCode: String(row.pickup_code),
    itemName: String(row.item_name),
    offerTitle: String(row.title),
    businessName: String(row.business_name),
    address: String(row.address),
    pickupStart: date(row.pickup_start),
    pickupEnd: date(row.pickup_end),
    createdAt: date(row.created_at),
  }));
}
