import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import type { OfferStatus } from './offers.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';

export interface Takedown {
  offerId: number;
  title: string;
  venueName: string;
  ownerId: number;
  /** True when this key had already taken it down: the first outcome, reported again. */
  replayed: boolean;
}

/**
 * An admin withdraws any venue's offer (a takedown): the owner's withdrawal without the owner, in one
 * statement that locks the offer row (docs/reliability.md), with an audit row carrying the reason. Its
 * reservations are settled by `settleEndedOffers` right after, so holders are told through the outbox exactly
 * as after an owner's withdrawal. An offer already expired or withdrawn is refused; a retry of the same press
 * replays the first outcome.
 */
export async function takeDownOffer(
  db: Db,
  input: { idempotencyKey: string; offerId: number; adminId: number; reason: string },
): Promise<Takedown> {
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select outcome from idempotency_keys where key = ${input.idempotencyKey}),
        target as (
          select o.id, o.status, o.title, b.name as venue_name, b.owner_id
          from offers o join venues b on b.id = o.venue_id where o.id = ${input.offerId}
        ),
        changed as (
          update offers set status = 'withdrawn', updated_at = now()
          where id = ${input.offerId} and status in ('draft', 'active', 'paused', 'sold_out')
            and not exists (select 1 from prior)
          returning id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.adminId}, jsonb_build_object('offer_id', id) from changed
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.adminId}, 'offer.takedown', 'offer', id,
            jsonb_build_object('from', (select status from target), 'to', 'withdrawn', 'reason', ${input.reason}::text)
          from changed
        )
        select t.status as before, t.title, t.venue_name, t.owner_id,
          exists (select 1 from prior) as replayed, (select count(*) from changed) as changed
        from target t
      `),
    ),
  );
  if (!row) throw new AppError({ code: 'offer.not_found' });
  const replayed = row.replayed === true || row.replayed === 't';
  if (!replayed && num(row.changed) === 0) {
    const status = row.before as OfferStatus;
    throw new AppError({
      code: 'offer.already_ended',
      status: status === 'expired' ? 'expired' : 'withdrawn',
    });
  }
  return {
    offerId: input.offerId,
    title: String(row.title),
    venueName: String(row.venue_name),
    ownerId: num(row.owner_id),
    replayed,
  };
}
