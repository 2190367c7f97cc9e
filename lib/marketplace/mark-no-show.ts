import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf, writtenNotices } from './notices.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { venuesOf } from './venue-access.js';

export interface NoShowResult {
  reservationId: number;
  offerId: number;
  /** Units back on sale (the window is still open and the offer live, paused or sold out). */
  restocked: number;
  notices: ClaimedNotice[];
  replayed: boolean;
}

/**
 * The venue (owner or staff) marks an open reservation as not picked up, once its pickup window has started:
 * it ends as `no_show`, the holder is told, and while the window is still open its units go back on sale (a
 * sold-out offer is live again). One statement in the lock order of a cancellation: offer → reservation → item →
 * offer counter. A retry of the same press reports the first outcome.
 */
export async function markNoShow(
  db: Db,
  input: { idempotencyKey: string; actorId: number; reservationId: number; now: Date },
): Promise<NoShowResult> {
  const now = input.now.toISOString();
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select outcome from idempotency_keys where key = ${input.idempotencyKey}),
        target as (
          select p.id, p.offer_id from reservations p join offers o on o.id = p.offer_id
          where p.id = ${input.reservationId} and o.venue_id in ${venuesOf(input.actorId, 'counter')}
        ),
        locked_offer as (
          select o.id, o.status, o.pickup_start, o.pickup_end from offers o
          where o.id = (select offer_id from target) for update
        ),
        marked as (
          update reservations set status = 'no_show', updated_at = now()
          where id = (select id from target) and status = 'reserved'
            and (select pickup_start from locked_offer) <= ${now}::timestamptz
            and not exists (select 1 from prior)
          returning id, quantity, item_id, offer_id, customer_id
        ),
        back_on_sale as (
          select m.* from marked m, locked_offer o
          where o.pickup_end > ${now}::timestamptz and o.status in ('active', 'paused', 'sold_out')
        ),
        restocked as (
          update offer_items i set quantity_available = i.quantity_available + b.quantity
          from back_on_sale b where i.id = b.item_id
          returning i.id
        ),
        offer_row as (
          update offers o set units_available = o.units_available + b.quantity,
            status = case when o.status = 'sold_out' then 'active'::offer_status else o.status end,
            updated_at = now()
          from back_on_sale b where o.id = b.offer_id
          returning o.id
        ),
        notice as (
          insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
          select customer_id, 'reservation.marked_no_show', id, ${noticeClaimUntil(input.now).toISOString()}::timestamptz,
            ${now}::timestamptz
          from marked
          returning id, kind, recipient_id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.actorId}, jsonb_build_object('restocked', coalesce((select quantity from back_on_sale), 0))
          from marked
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.actorId}, 'reservation.no_show', 'reservation', id,
            jsonb_build_object('to', 'no_show', 'restocked', coalesce((select quantity from back_on_sale), 0))
          from marked
        )
        select (select status from reservations where id = (select id from target)) as before,
          (select offer_id from target) as offer_id,
          (select count(*) from marked) as changed, (select outcome from prior) as prior,
          coalesce((select quantity from back_on_sale), 0) as restocked,
          (select pickup_start from locked_offer) > ${now}::timestamptz as too_early,
          ${writtenNotices} as notices
      `),
    ),
  );
  const prior = (typeof row?.prior === 'string' ? JSON.parse(row.prior) : row?.prior) as {
    restocked: number;
  } | null;
  if (!row || row.before == null) throw new AppError({ code: 'pickup.not_open' });
  const offerId = num(row.offer_id);
  if (prior)
    return {
      reservationId: input.reservationId,
      offerId,
      restocked: prior.restocked,
      notices: [],
      replayed: true,
    };
  if (num(row.changed) === 0) {
    if (row.before !== 'reserved') throw new AppError({ code: 'pickup.not_open' });
    throw new AppError({ code: 'reservation.window_not_started' });
  }
  return {
    reservationId: input.reservationId,
    offerId,
    restocked: num(row.restocked),
    notices: noticesOf(row.notices),
    replayed: false,
  };
}
