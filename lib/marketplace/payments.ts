import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { HOLD_MS, PRE_CHECKOUT_GRACE_MS } from './pending-payments.js';
import { refundsWritten } from './refunds.js';
import { factsOf, factsQuery, type ReservationFacts } from './reservation-facts.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';

/**
 * Telegram's two payment updates (issue 18, docs/payments.md). The invoice payload is the reservation's
 * idempotency key; it proves nothing by itself, so every check is made against the sender: the invoice must be
 * theirs, for the amount and currency it was issued with, and (at pre-checkout) still held.
 */
export type PreCheckoutVerdict =
  | 'ok'
  | 'unknown' // no invoice with this payload
  | 'not_yours' // another customer's invoice (a forwarded or forged one)
  | 'amount_mismatch'
  | 'paid' // already paid
  | 'offer_gone' // withdrawn, expired or taken down since
  | 'expired'; // the hold ran out

/**
 * Answers a pre_checkout_query in ONE statement (Telegram waits 10 s): the verdict, an audit row when it is a
 * refusal (the actor and the reason; nothing of the order info), and when it is `ok` the hold is stretched by
 * PRE_CHECKOUT_GRACE_MS so the units aren't released while Telegram charges the card, but never past the hold's
 * first end plus that grace (checkout after checkout with a declined card doesn't keep the units forever). An `ok`
 * whose stretch found the hold expired meanwhile (the expiry committed first) is answered as expired.
 */
export async function preCheckout(
  db: Db,
  input: { payload: string; customerId: number; currency: string; totalAmount: number; now: Date },
): Promise<{ verdict: PreCheckoutVerdict; reservationId: number | null; language: ChosenLanguage }> {
  const now = input.now.toISOString();
  const grace = new Date(input.now.getTime() + PRE_CHECKOUT_GRACE_MS).toISOString();
  const row = firstRow(
    await db.execute(sql`
      with pay as (
        select pm.reservation_id, pm.customer_id, pm.amount, pm.currency, pm.state, pm.hold_until,
          p.status as reservation_status, o.status as offer_status, o.pickup_end
        from payments pm join reservations p on p.id = pm.reservation_id join offers o on o.id = p.offer_id
        where pm.invoice_payload = ${input.payload}
      ),
      verdict as (
        select case
          when not exists (select 1 from pay) then 'unknown'
          when (select customer_id from pay) <> ${input.customerId} then 'not_yours'
          when (select amount from pay) <> ${input.totalAmount}::int or (select currency from pay) <> ${input.currency}
            then 'amount_mismatch'
          when (select state from pay) = 'paid' then 'paid'
          when (select offer_status from pay) not in ('active', 'paused', 'sold_out')
            or (select pickup_end from pay) <= ${now}::timestamptz then 'offer_gone'
          when (select reservation_status from pay) <> 'pending_payment'
            or (select hold_until from pay) <= ${now}::timestamptz then 'expired'
          else 'ok' end as v
      ),
      stretched as (
        update payments set updated_at = now(), hold_until = greatest(hold_until,
          least(${grace}::timestamptz, created_at + ${`${HOLD_MS + PRE_CHECKOUT_GRACE_MS} milliseconds`}::interval))
        where invoice_payload = ${input.payload} and state = 'awaiting' and (select v from verdict) = 'ok'
        returning reservation_id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.customerId}::bigint, 'payment.pre_checkout_refused', 'reservation', (select reservation_id from pay),
          jsonb_build_object('reason', v, 'total_amount', ${input.totalAmount}::int, 'currency', ${input.currency}::text)
        from verdict where v <> 'ok'
      )
      select (select v from verdict) as verdict, (select reservation_id from pay) as reservation_id,
        (select count(*) from stretched) as stretched,
        (select language from users where id = ${input.customerId}) as language
    `),
  );
  const verdict = String(row?.verdict ?? 'unknown') as PreCheckoutVerdict;
  return {
    verdict: verdict === 'ok' && num(row?.stretched ?? 0) === 0 ? 'expired' : verdict,
    reservationId: row?.reservation_id == null ? null : num(row.reservation_id),
    // The customer's /language choice (issue 17), read in the same statement: payment updates run before the
    // session, and a refusal is said in it.
    language: chosenLanguage(row?.language),
  };
}

type PaymentVerdict =
  | 'confirmed' // the hold (still standing, or held again) is now a reservation, paid
  | 'refunded' // paid after the hold ended and the units were gone (or the offer ended): refunded
  | 'second_charge' // the invoice was paid already; this second charge is refunded
  | 'duplicate' // this very charge was recorded before: nothing changes
  | 'not_private' // refused: not in the customer's private chat with the bot
  | 'unknown' // refused: no invoice with this payload
  | 'not_yours' // refused: the payload is another customer's
  | 'amount_mismatch'; // refused: not the invoice's amount or currency

interface RecordedPayment {
  verdict: PaymentVerdict;
  reservationId: number | null;
  amount: number;
  currency: string;
  /** The offer sold out by a hold taken again (its channel post follows). */
  soldOut: boolean;
  /** How many refunds this payment wrote (the `refund` job is scheduled for them). */
  refunds: number;
  notices: ClaimedNotice[];
  /** The customer's /language choice, if any (what the "couldn't match" line is said in). */
  language: ChosenLanguage;
}

/** A stored language choice (the `language` enum), or null when none was made. */
type ChosenLanguage = 'en' | 'de' | 'es' | 'ru' | null;
const chosenLanguage = (value: unknown): ChosenLanguage =>
  value === 'en' || value === 'de' || value === 'es' || value === 'ru' ? value : null;

export interface SuccessfulPaymentInput {
  payload: string;
  customerId: number;
  /** The chat the successful_payment message arrived in was the customer's private chat with the bot. */
  privateChat: boolean;
  currency: string;
  totalAmount: number;
  telegramChargeId: string;
  providerChargeId: string;
  now: Date;
}

/**
 * Records Telegram's successful_payment in ONE statement, in the lock order (the offer row first):
 * - refused (audit row, nothing else) when it isn't the customer's private chat, their invoice, its amount;
 * - a charge already recorded changes nothing (the unique charge ids);
 * - the hold still standing on a live offer becomes a reservation (`pending_payment → reserved`);
 * - a hold already released is held again when its item still has the units (Telegram took the money, so the
 *   cap is not asked again: slots up to 10);
 * - otherwise the payment is recorded and refunded (`late_payment`), and a second charge of a paid invoice too
 *   (`duplicate_charge`).
 * The customer's code ("Paid ✓") and the venue's heads-up, or the customer's refund notice, are outbox notices
 * written with it.
 */
export async function recordPayment(db: Db, input: SuccessfulPaymentInput, newCode: () => string) {
  const row = firstRow(await retryConflicts(() => recordOnce(db, input, newCode())));
  const verdict = String(row?.verdict ?? 'unknown');
  const placed = num(row?.placed ?? 0) > 0;
  return {
    // Accepted, but a concurrent charge recorded it first: another charge is a second one (refunded), the same
    // charge delivered twice changes nothing.
    verdict: (verdict !== 'accept'
      ? verdict
      : placed
        ? 'confirmed'
        : num(row?.paid ?? 0) > 0
          ? 'refunded'
          : num(row?.raced ?? 0) > 0
            ? 'second_charge'
            : 'duplicate') as PaymentVerdict,
    reservationId: row?.reservation_id == null ? null : num(row.reservation_id),
    amount: input.totalAmount,
    currency: input.currency,
    soldOut: row?.sold_out === true || row?.sold_out === 't',
    refunds: num(row?.refunds ?? 0),
    notices: noticesOf(row?.notices),
    language: chosenLanguage(row?.language),
  } satisfies RecordedPayment;
}

function recordOnce(db: Db, input: SuccessfulPaymentInput, code: string) {
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const c = input.customerId;
  const tg = input.telegramChargeId;
  return db.execute(sql`
    with known as (
      select 1 from payments where telegram_payment_charge_id = ${tg}
      union all select 1 from refunds where telegram_payment_charge_id = ${tg}
    ),
    pay as (
      select pm.reservation_id, pm.customer_id, pm.amount, pm.currency, pm.state,
        p.offer_id, p.item_id, p.quantity, p.status as reservation_status
      from payments pm join reservations p on p.id = pm.reservation_id
      where pm.invoice_payload = ${input.payload}
    ),
    verdict as (
      select case
        when exists (select 1 from known) then 'duplicate'
        when not ${input.privateChat} then 'not_private'
        when not exists (select 1 from pay) then 'unknown'
        when (select customer_id from pay) <> ${c} then 'not_yours'
        when (select amount from pay) <> ${input.totalAmount}::int or (select currency from pay) <> ${input.currency}
          then 'amount_mismatch'
        when (select state from pay) = 'paid' then 'second_charge'
        else 'accept' end as v
    ),
    locked_offer as (
      select o.id, o.status, o.pickup_end, o.venue_id from offers o
      where o.id = (select offer_id from pay) and (select v from verdict) = 'accept'
      for update
    ),
    -- Read again under the offer's lock (FOR UPDATE follows a concurrent change to its newest version): the hold's
    -- expiry may have committed since this statement's snapshot, and then the units are held again, not refunded.
    current_hold as (
      select p.id, p.status, p.item_id, p.offer_id, p.quantity from reservations p
      where p.id = (select reservation_id from pay) and exists (select 1 from locked_offer)
      for update
    ),
    current_invoice as (
      select pm.state, pm.telegram_payment_charge_id from payments pm
      where pm.reservation_id = (select id from current_hold)
      for update
    ),
    live as (
      select 1 from locked_offer where status in ('active', 'paused', 'sold_out') and pickup_end > ${now}::timestamptz
    ),
    confirmed as (
      update reservations p set status = 'reserved', updated_at = now()
      where p.id = (select reservation_id from pay) and p.status = 'pending_payment' and exists (select 1 from live)
      returning p.id
    ),
    -- The offer ended (withdrawn, taken down, expired) while the hold stood: the hold ends, the payment is refunded.
    dropped as (
      update reservations p set status = 'cancelled', updated_at = now()
      where p.id = (select reservation_id from pay) and p.status = 'pending_payment'
        and exists (select 1 from locked_offer) and not exists (select 1 from live)
      returning p.id, p.item_id, p.offer_id, p.quantity
    ),
    dropped_item as (
      update offer_items i set quantity_available = least(i.quantity_available + d.quantity, i.quantity_total)
      from dropped d where i.id = d.item_id
      returning i.id
    ),
    dropped_offer as (
      update offers o set units_available = o.units_available + d.quantity, updated_at = now()
      from dropped d where o.id = d.offer_id
      returning o.id
    ),
    released as (
      select h.id as reservation_id, h.item_id, h.offer_id, h.quantity from current_hold h
      where h.status = 'cancelled' and (select state from current_invoice) = 'expired'
    ),
    -- The item's newest stock (a condition on the snapshot's would miss units the expiry just gave back). Nobody
    -- else changes it while the offer is locked; the updates below land on the newest rows too (Postgres re-reads a
    -- row changed since the snapshot), but check their first, snapshot-based value: greatest(…, 0) keeps that one
    -- within the CHECK constraints.
    current_item as (
      select i.id, i.quantity_available from offer_items i
      where i.id = (select item_id from released)
      for update
    ),
    reheld_item as (
      update offer_items i set quantity_available = greatest(i.quantity_available - r.quantity, 0)
      from released r
      where i.id = r.item_id and (select quantity_available from current_item) >= r.quantity
        and exists (select 1 from locked_offer where status in ('active', 'paused') and pickup_end > ${now}::timestamptz)
      returning i.id, i.offer_id
    ),
    reheld_offer as (
      update offers o set units_available = greatest(o.units_available - r.quantity, 0),
        status = case when o.units_available - r.quantity <= 0 then 'sold_out'::offer_status else o.status end,
        updated_at = now()
      from released r where o.id = (select offer_id from reheld_item)
      returning o.id, o.status
    ),
    free_slot as (
      select s::smallint as slot from generate_series(1, 10) s
      where s not in (select slot from reservations where customer_id = ${c} and status in ('reserved', 'pending_payment'))
      order by s limit 1
    ),
    reheld as (
      update reservations p set status = 'reserved', slot = (select slot from free_slot), pickup_code = ${code},
        updated_at = now()
      -- Not "and p.status = 'cancelled'": the snapshot may still say pending_payment; current_hold read it anew.
      where p.id = (select reservation_id from released) and exists (select 1 from reheld_item)
      returning p.id
    ),
    placed as (select id from confirmed union all select id from reheld),
    -- Another charge of this invoice (a second invoice for the hold, paid too) committed while this statement
    -- waited for the offer's lock: its snapshot said unpaid, the newest row says paid by that one. This charge is
    -- a second one and is refunded, as it would have been had it come after.
    raced_charge as (
      select 1 from current_invoice ci
      where ci.state = 'paid' and ci.telegram_payment_charge_id is distinct from ${tg}
    ),
    paid as (
      update payments set state = 'paid', telegram_payment_charge_id = ${tg},
        provider_payment_charge_id = ${input.providerChargeId}, paid_at = ${now}::timestamptz, updated_at = now()
      where invoice_payload = ${input.payload} and state <> 'paid' and (select v from verdict) = 'accept'
      returning reservation_id, amount, currency
    ),
    refund as (
      insert into refunds (reservation_id, customer_id, telegram_payment_charge_id, provider_payment_charge_id,
        amount, currency, reason, claimed_until, next_attempt_at, created_at)
      select pay.reservation_id, ${c}, ${tg}, ${input.providerChargeId}, pay.amount, pay.currency,
        case when v = 'second_charge' or exists (select 1 from raced_charge) then 'duplicate_charge'
          else 'late_payment' end,
        ${now}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      from pay, verdict
      where (v = 'accept' and exists (select 1 from paid) and not exists (select 1 from placed)) or v = 'second_charge'
        or (v = 'accept' and not exists (select 1 from paid) and exists (select 1 from raced_charge))
      returning id, reservation_id, amount, currency, reason
    ),
    notice as (
      insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
      select ${c}, 'payment.code', id, ${claim}::timestamptz, ${now}::timestamptz from placed
      union all
      select b.owner_id, 'payment.new', p.id, ${claim}::timestamptz, ${now}::timestamptz
      from placed p join venues b on b.id = (select venue_id from locked_offer)
      union all
      select ${c}, case when reason = 'late_payment' then 'payment.late_refund' else 'payment.second_charge' end,
        reservation_id, ${claim}::timestamptz, ${now}::timestamptz
      from refund
      on conflict (reservation_id, kind) do nothing
      returning id, kind, recipient_id
    ),
    audit as (
      insert into audit_log (actor_id, action, entity, entity_id, data)
      select ${c}::bigint, 'payment.succeeded', 'reservation', reservation_id,
        jsonb_build_object('amount', amount, 'currency', currency, 'held_again', exists (select 1 from reheld),
          'telegram_payment_charge_id', ${tg}::text)
      from paid
      union all
      select ${c}::bigint, 'refund.request', 'reservation', reservation_id,
        jsonb_build_object('refund_id', id, 'reason', reason, 'amount', amount, 'currency', currency)
      from refund
      union all
      select null::bigint, 'reservation.hold_expired', 'reservation', id,
        jsonb_build_object('offer_id', offer_id, 'quantity', quantity, 'reason', 'offer_ended')
      from dropped
      union all
      select ${c}::bigint, 'payment.refused', 'reservation', (select reservation_id from pay),
        jsonb_build_object('reason', v, 'total_amount', ${input.totalAmount}::int, 'currency', ${input.currency}::text,
          'telegram_payment_charge_id', ${tg}::text)
      from verdict where v not in ('accept', 'second_charge', 'duplicate')
    )
    select (select v from verdict) as verdict, (select reservation_id from pay) as reservation_id,
      (select count(*) from placed) as placed, (select count(*) from paid) as paid,
      (select count(*) from raced_charge) as raced,
      exists (select 1 from reheld_offer where status = 'sold_out') as sold_out,
      ${refundsWritten} as refunds,
      ${writtenNotices} as notices,
      (select language from users where id = ${c}) as language
  `);
}

/** One reservation's facts, for what follows a payment (its pickup reminders). */
export async function reservationFacts(db: Db, reservationId: number): Promise<ReservationFacts | null> {
  const row = firstRow(await db.execute(factsQuery(reservationId)));
  return row ? factsOf(row) : null;
}
