import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { factsOf, factsQuery, type ReservationFacts } from './reservation-facts.js';
import { MAX_ACTIVE_RESERVATIONS, MAX_UNITS_PER_RESERVATION, newPickupCode } from './reservations.js';
import { date, firstRow, num, type RawRow } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { LIMITED_RESERVATIONS, strikeLimitUntilSql } from './strikes.js';

export interface PlacedReservation extends ReservationFacts {
  offerStatus: 'active' | 'sold_out' | 'paused' | 'withdrawn' | 'expired';
  unitsLeft: number;
  /** True when this key had already reserved: the first reservation, shown again, and nothing new. */
  replayed: boolean;
  /** Issue 18: `pending_payment` for a hold awaiting its invoice; a replay reports what the first one is now. */
  status: 'reserved' | 'pending_payment' | 'picked_up' | 'cancelled' | 'no_show';
  /** The pickup code for the customer and the heads-up for the venue, written with the reservation. */
  notices: ClaimedNotice[];
}

export interface ReserveInput {
  /** Derived from what was pressed (the confirmation message): a retry or a double tap finds it. */
  idempotencyKey: string;
  customer: { id: number; firstName: string };
  offerId: number;
  itemId: number;
  quantity: number;
  currency: string;
  now: Date;
  /**
   * Issue 18: hold the units until then for an online payment instead of reserving them: the reservation is
   * `pending_payment` with its invoice (`payments`, payload = the idempotency key) and tells nobody yet. It holds
   * a slot under the cap, as a reservation does (docs/payments.md).
   */
  holdUntil?: Date;
}

/**
 * Reserves `quantity` units of one item in ONE statement, in the documented lock order (docs/reliability.md):
 * 1. the offer row, locked and re-checked live under the lock, so a withdrawal, expiry or manual sell-out
 *    that committed first is seen and no reservation lands on an ended offer;
 * 2. the item, decremented only if enough is left; the offer's unit counter, flipped to sold_out with the
 *    last unit;
 * 3. the reservation in a free slot under the cap (a unique index arbitrates two racing for the same slot),
 *    unless an admin barred the customer,
 *    its outbox notices, its idempotency record and the audit rows.
 * A key that already reserved returns that reservation again. CHECK constraints back every rule.
 */
export async function reserve(db: Db, input: ReserveInput): Promise<PlacedReservation> {
  if (!Number.isInteger(input.quantity) || input.quantity < 1 || input.quantity > MAX_UNITS_PER_RESERVATION) {
    throw new AppError({ code: 'reservation.quantity_range', max: MAX_UNITS_PER_RESERVATION });
  }
  const row = await retryConflicts(() => reserveOnce(db, input, newPickupCode()));
  if (row?.replayed_reservation_id != null) {
    const facts = firstRow(await db.execute(factsQuery(num(row.replayed_reservation_id))));
    if (!facts) throw new AppError({ code: 'reservation.not_found' });
    return {
      ...factsOf(facts),
      offerStatus: String(row.prior_offer_status) as PlacedReservation['offerStatus'],
      unitsLeft: num(row.prior_units),
      replayed: true,
      status: String(row.replayed_status) as PlacedReservation['status'],
      notices: [],
    };
  }
  if (!row || row.reservation_id == null) throw reservationRefusal(row, input.quantity);
  return {
    ...factsOf({ ...row, customer_name: input.customer.firstName }),
    offerStatus: row.offer_status as PlacedReservation['offerStatus'],
    unitsLeft: num(row.units_available),
    replayed: false,
    status: input.holdUntil ? 'pending_payment' : 'reserved',
    notices: noticesOf(row.notices),
  };
}

async function reserveOnce(db: Db, input: ReserveInput, code: string): Promise<RawRow | undefined> {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const q = input.quantity;
  const c = input.customer.id;
  const hold = input.holdUntil != null;
  const status = hold ? 'pending_payment' : 'reserved';
  return firstRow(
    await db.execute(sql`
      with prior as (
        select (outcome->>'reservation_id')::bigint as reservation_id from idempotency_keys where key = ${input.idempotencyKey}
      ),
      live_offer as (
        select o.id, o.venue_id from offers o
        where o.id = ${input.offerId} and o.status = 'active' and o.pickup_end > ${now}::timestamptz
          and exists (select 1 from venues b where b.id = o.venue_id and b.status = 'verified')
          and not exists (select 1 from prior)
        for update
      ),
      held as (
        select slot from reservations where customer_id = ${c} and status in ('reserved', 'pending_payment')
      ),
      -- Issue 14: three no-shows in 30 days limit the customer to one live reservation for 14 days.
      strike_limit as (select ${strikeLimitUntilSql(c, input.now)} as until),
      free_slot as (
        select s::smallint as slot from generate_series(1, ${MAX_ACTIVE_RESERVATIONS}) s
        where s not in (select slot from held)
          and ((select until from strike_limit) is null or (s = 1 and not exists (select 1 from held)))
        order by s limit 1
      ),
      customer as (
        insert into users (id, first_name) values (${c}, ${input.customer.firstName})
        on conflict (id) do update set last_seen_at = now()
      ),
      item as (
        update offer_items set quantity_available = quantity_available - ${q}
        where id = ${input.itemId} and offer_id = (select id from live_offer)
          and quantity_available >= ${q} and exists (select 1 from free_slot)
          and not exists (select 1 from users where id = ${c} and barred_at is not null)
        returning id, offer_id, price, name
      ),
      offer_row as (
        update offers set
          units_available = units_available - ${q},
          status = case when units_available - ${q} = 0 then 'sold_out'::offer_status else status end,
          updated_at = now()
        where id = (select offer_id from item)
        returning id, status, units_available, title, pickup_start, pickup_end, venue_id
      ),
      reservation as (
        insert into reservations (customer_id, offer_id, item_id, quantity, unit_price, currency, pickup_code, slot, status)
        select ${c}, offer_id, id, ${q}, price, ${input.currency}, ${code}, (select slot from free_slot),
          ${status}::reservation_status
        from item
        returning id
      ),
      -- Issue 18: a hold's invoice, paid within holdUntil (or released by the expire-payment job or the sweep).
      invoice as (
        -- created_at on the app's clock, as hold_until: a checkout stretches the hold at most to created_at +
        -- HOLD_MS + the grace (payments.ts).
        insert into payments (reservation_id, customer_id, invoice_payload, amount, currency, hold_until, created_at)
        select p.id, ${c}, ${input.idempotencyKey}, ${q} * i.price, ${input.currency}, ${input.holdUntil?.toISOString() ?? null}::timestamptz,
          ${input.now.toISOString()}::timestamptz
        from reservation p, item i where ${hold}
      ),
      venue as (
        select b.* from venues b where b.id = (select venue_id from live_offer)
      ),
      notice as (
        insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
        select ${c}, 'reservation.code', id, ${claim}::timestamptz, ${now}::timestamptz from reservation where not ${hold}
        union all
        select (select owner_id from venue), 'reservation.new', id, ${claim}::timestamptz, ${now}::timestamptz from reservation
        where not ${hold}
        returning id, kind, recipient_id
      ),
      remember as (
        insert into idempotency_keys (key, user_id, outcome)
        select ${input.idempotencyKey}, ${c}, jsonb_build_object('reservation_id', id) from reservation
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${c}::bigint, ${hold ? 'reservation.hold' : 'reservation.reserve'}, 'reservation', id,
          jsonb_build_object('offer_id', ${input.offerId}::bigint, 'item_id', ${input.itemId}::bigint, 'quantity', ${q}::int)
        from reservation
        union all
        select null::bigint, 'offer.sold_out', 'offer', id, jsonb_build_object('from', 'active', 'to', 'sold_out')
        from offer_row where status = 'sold_out'
      )
      select
        (select reservation_id from prior) as replayed_reservation_id,
        (select status from reservations where id = (select reservation_id from prior)) as replayed_status,
        (select status from offers where id = ${input.offerId}) as prior_offer_status,
        (select units_available from offers where id = ${input.offerId}) as prior_units,
        (select id from live_offer) as live_offer_id,
        (select count(*) from held) as active_reservations,
        (select until from strike_limit) as strike_limit_until,
        exists (select 1 from users where id = ${c} and barred_at is not null) as barred,
        (select quantity_available from offer_items where id = ${input.itemId} and offer_id = ${input.offerId}) as item_left,
        p.id as reservation_id, ${c}::bigint as customer_id, ${q}::int as quantity, i.price as unit_price,
        ${input.currency}::text as currency, ${code}::text as pickup_code, i.name as item_name,
        o.id as offer_id, o.title as offer_title, o.status as offer_status, o.units_available,
        o.pickup_start, o.pickup_end,
        b.name as venue_name, b.address as venue_address, b.owner_id, b.latitude, b.longitude,
        b.time_zone as venue_time_zone,
        ${writtenNotices} as notices
      from (select 1) as one
        left join reservation p on true
        left join item i on true
        left join offer_row o on true
        left join venue b on true
    `),
  );
}

function reservationRefusal(row: RawRow | undefined, quantity: number): AppError {
  // Barred by an admin (/block): said first, whatever else stands in the way.
  if (row?.barred === true || row?.barred === 't') return new AppError({ code: 'reservation.barred' });
  if (!row || row.live_offer_id == null) return new AppError({ code: 'offer.unavailable' });
  if (row.strike_limit_until != null && num(row.active_reservations) >= LIMITED_RESERVATIONS) {
    return new AppError({ code: 'reservation.strike_limit', until: date(row.strike_limit_until) });
  }
  if (num(row.active_reservations) >= MAX_ACTIVE_RESERVATIONS) {
    return new AppError({ code: 'reservation.cap_reached', max: MAX_ACTIVE_RESERVATIONS });
  }
  if (row.item_left == null) return new AppError({ code: 'offer.item_not_found' });
  return notEnoughLeft(num(row.item_left), quantity);
}

/** Fewer units left than asked for: "just sold out" when none are, else how many. */
export function notEnoughLeft(left: number, wanted: number): AppError {
  return new AppError(
    left === 0 ? { code: 'reservation.sold_out' } : { code: 'reservation.not_enough', left, wanted },
  );
}
