import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { allRows, date, firstRow, num, type RawRow } from './rows.js';
import { retryConflicts } from './statement-retry.js';

/**
 * A hold for an online payment (issue 18, docs/payments.md): `reserve` with `holdUntil` takes the units as a
 * `pending_payment` reservation and writes its invoice (`payments`, state `awaiting`). It lasts HOLD_MS; a
 * customer who reaches Telegram's checkout gets PRE_CHECKOUT_GRACE_MS more, so a payment in flight is not
 * released under it. Then the `expire-payment` job (and the sweep) give the units back, exactly once.
 */
export const HOLD_MS = 10 * 60_000;
export const PRE_CHECKOUT_GRACE_MS = 2 * 60_000;

export interface HeldPayment {
  reservationId: number;
  state: 'awaiting' | 'paid' | 'expired';
  holdUntil: Date;
  amount: number;
  currency: string;
  invoicePayload: string;
  invoiceMessageId: number | null;
  telegramChargeId: string | null;
}

const heldOf = (row: RawRow): HeldPayment => ({
  reservationId: num(row.reservation_id),
  state: row.state as HeldPayment['state'],
  holdUntil: date(row.hold_until),
  amount: num(row.amount),
  currency: String(row.currency),
  invoicePayload: String(row.invoice_payload),
  invoiceMessageId: row.invoice_message_id == null ? null : num(row.invoice_message_id),
  telegramChargeId: row.telegram_payment_charge_id == null ? null : String(row.telegram_payment_charge_id),
});

/** The invoice of one of the customer's reservations, or null (a cash reservation, or someone else's). */
export async function paymentOf(
  db: Db,
  input: { reservationId: number; customerId: number },
): Promise<HeldPayment | null> {
  const row = firstRow(
    await db.execute(sql`
      select * from payments where reservation_id = ${input.reservationId} and customer_id = ${input.customerId}
    `),
  );
  return row ? heldOf(row) : null;
}

/** Remembers which message carries the invoice, so a second press on Pay now doesn't send another one. */
export async function noteInvoiceMessage(
  db: Db,
  input: { reservationId: number; messageId: number },
): Promise<void> {
  await db.execute(sql`
    update payments set invoice_message_id = ${input.messageId}, updated_at = now()
    where reservation_id = ${input.reservationId} and invoice_message_id is null
  `);
}

export interface ReleasedHolds {
  /** Holds that ended unpaid now, their units back on sale. */
  released: Array<{ reservationId: number; offerId: number }>;
  /** Offers a released hold brought back from sold out (their channel post follows). */
  reactivated: number[];
  /** Asked-about holds still awaiting payment, and until when (their job runs again then). */
  stillHeld: Array<{ reservationId: number; holdUntil: Date }>;
}

/**
 * Releases the holds whose time is up, and those of offers that ended (withdrawn, taken down, expired: nothing
 * can be paid for there, and the hold shouldn't keep the customer's slot), all of them or the ones named (by
 * reservation or by offer), in ONE statement in the lock order: their offers first (`FOR UPDATE`), then the
 * invoice (`awaiting → expired`, re-checked on the locked row: a pre-checkout that stretched the hold wins), the
 * reservation (`pending_payment → cancelled`), the items and the offers' counters, with an audit row each. A
 * second run finds nothing left to release, so the units come back exactly once.
 */
export async function expireHolds(
  db: Db,
  input: { now: Date; reservationIds?: number[]; offerIds?: number[] },
): Promise<ReleasedHolds> {
  const now = input.now.toISOString();
  if (input.reservationIds?.length === 0 || input.offerIds?.length === 0) {
    return { released: [], reactivated: [], stillHeld: [] };
  }
  const only = input.reservationIds
    ? sql`and pm.reservation_id = any(${`{${input.reservationIds.join(',')}}`}::bigint[])`
    : input.offerIds
      ? sql`and p.offer_id = any(${`{${input.offerIds.join(',')}}`}::bigint[])`
      : sql``;
  // Due: its time is up, or its offer has ended.
  const due = sql`(pm.hold_until <= ${now}::timestamptz or exists (select 1 from reservations r
    join offers e on e.id = r.offer_id where r.id = pm.reservation_id and e.status in ('withdrawn', 'expired')))`;
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with due as (
          select pm.reservation_id, p.offer_id from payments pm join reservations p on p.id = pm.reservation_id
          where pm.state = 'awaiting' and ${due} ${only}
          order by pm.reservation_id limit 500
        ),
        locked as (
          select o.id from offers o where o.id in (select offer_id from due) order by o.id for update
        ),
        expired as (
          update payments pm set state = 'expired', updated_at = now()
          where pm.reservation_id in (select reservation_id from due) and pm.state = 'awaiting'
            and ${due} and (select count(*) from locked) >= 0
          returning pm.reservation_id
        ),
        released as (
          update reservations p set status = 'cancelled', updated_at = now()
          from expired e where p.id = e.reservation_id and p.status = 'pending_payment'
          returning p.id, p.item_id, p.offer_id, p.quantity
        ),
        restocked as (
          -- least(): the first, snapshot-based value must pass the CHECK too (the final one is the newest row's).
          update offer_items i set quantity_available = least(i.quantity_available + r.units, i.quantity_total)
          from (select item_id, sum(quantity) as units from released group by item_id) r
          where i.id = r.item_id
          returning i.id
        ),
        offer_row as (
          update offers o set units_available = o.units_available + r.units,
            status = case when o.status = 'sold_out' and o.pickup_end > ${now}::timestamptz
              then 'active'::offer_status else o.status end,
            updated_at = now()
          from (select offer_id, sum(quantity) as units from released group by offer_id) r
          where o.id = r.offer_id
          returning o.id, o.status
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select null, 'reservation.hold_expired', 'reservation', id,
            jsonb_build_object('offer_id', offer_id, 'quantity', quantity)
          from released
        )
        select
          (select coalesce(json_agg(json_build_object('id', id, 'offer_id', offer_id)), '[]'::json) from released) as released,
          (select coalesce(json_agg(o.id), '[]'::json) from offer_row o join offers b on b.id = o.id
            where b.status = 'sold_out') as was_sold_out,
          (select coalesce(json_agg(id), '[]'::json) from offer_row where status = 'active') as active_now
      `),
    ),
  );
  const list = (value: unknown) =>
    (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as unknown[];
  const released = (list(row?.released) as Array<Record<string, unknown>>).map((r) => ({
    reservationId: num(r.id),
    offerId: num(r.offer_id),
  }));
  // `offers b` is the statement's snapshot (before), `offer_row` after: sold out then, live now.
  const wasSoldOut = new Set(list(row?.was_sold_out).map(num));
  const reactivated = list(row?.active_now)
    .map(num)
    .filter((id) => wasSoldOut.has(id));
  const stillHeld = input.reservationIds ? await stillAwaiting(db, input.reservationIds) : [];
  return { released, reactivated, stillHeld };
}

async function stillAwaiting(db: Db, reservationIds: number[]) {
  const rows = allRows(
    await db.execute(sql`
      select reservation_id, hold_until from payments
      where state = 'awaiting' and reservation_id = any(${`{${reservationIds.join(',')}}`}::bigint[])
    `),
  );
  return rows.map((r) => ({ reservationId: num(r.reservation_id), holdUntil: date(r.hold_until) }));
}
