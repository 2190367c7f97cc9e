import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, num, type RawRow } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import type { VenueStatus } from './users.js';

export interface VenueSanction {
  venueId: number;
  name: string;
  ownerId: number;
  /** The offers this suspension withdrew; their reservations are settled by `settleEndedOffers` next. */
  withdrawnOfferIds: number[];
  /** False when the venue was already in the requested state: nothing happened, nobody is to be told. */
  changed: boolean;
  /** True when this key had already made the change: the first outcome, reported again. */
  replayed: boolean;
}

interface SanctionInput {
  /** The admin's press or message (docs/reliability.md): a retry gets the first outcome back. */
  idempotencyKey: string;
  venueId: number;
  adminId: number;
}

/** The offers a suspension takes down: the ones customers can see or hold reservations of. */
const LIVE = sql.raw(`('active', 'paused', 'sold_out')`);

/**
 * An admin suspends a verified venue: in one statement, its live offers are locked and withdrawn (offer rows
 * first, the lock order of docs/reliability.md), then the venue row turns `suspended` with the reason, with
 * an audit row for the venue and one per offer. A reservation that committed before the lock is settled by
 * `settleEndedOffers` on its own fresh snapshot, as for an owner's withdrawal; none can commit after, because a
 * reservation re-checks its offer under the same lock. A retry with the same key replays the first outcome.
 */
export async function suspendVenue(
  db: Db,
  input: SanctionInput & { reason: string },
): Promise<VenueSanction> {
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select outcome from idempotency_keys where key = ${input.idempotencyKey}),
        target as (select id, status, name, owner_id from venues where id = ${input.venueId}),
        live as (
          select o.id, o.status from offers o
          where o.venue_id = ${input.venueId} and o.status in ${LIVE}
            and (select status from target) = 'verified' and not exists (select 1 from prior)
          order by o.id
          for update
        ),
        suspended as (
          update venues set status = 'suspended', suspension_reason = ${input.reason},
            reviewed_by = ${input.adminId}, reviewed_at = now(), updated_at = now()
          -- After the offers: (select count(*) from live) makes the offer locks come first.
          where id = ${input.venueId} and status = 'verified' and not exists (select 1 from prior)
            and (select count(*) from live) >= 0
          returning id
        ),
        withdrawn as (
          update offers o set status = 'withdrawn', updated_at = now()
          from live l
          where o.id = l.id and exists (select 1 from suspended)
          returning o.id, l.status as before
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.adminId}, jsonb_build_object(
            'offer_ids', (select coalesce(jsonb_agg(id order by id), '[]'::jsonb) from withdrawn))
          from suspended
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.adminId}::bigint, 'venue.suspend', 'venue', id,
            jsonb_build_object('from', 'verified', 'to', 'suspended', 'reason', ${input.reason}::text,
              'offers_withdrawn', (select count(*) from withdrawn))
          from suspended
          union all
          select ${input.adminId}::bigint, 'offer.takedown', 'offer', id,
            jsonb_build_object('from', before, 'to', 'withdrawn', 'venue_suspended', true)
          from withdrawn
        )
        select t.status as before, t.name, t.owner_id, (select outcome from prior) as prior,
          (select count(*) from suspended) as changed,
          (select coalesce(json_agg(id), '[]'::json) from withdrawn) as offer_ids
        from target t
      `),
    ),
  );
  return sanctionOf(row, input.venueId, 'suspended');
}

/** An admin reinstates a suspended venue (it is verified again); its withdrawn offers stay withdrawn. */
export async function reinstateVenue(db: Db, input: SanctionInput): Promise<VenueSanction> {
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select outcome from idempotency_keys where key = ${input.idempotencyKey}),
        target as (select id, status, name, owner_id from venues where id = ${input.venueId}),
        reinstated as (
          update venues set status = 'verified', suspension_reason = null,
            reviewed_by = ${input.adminId}, reviewed_at = now(), updated_at = now()
          where id = ${input.venueId} and status = 'suspended' and not exists (select 1 from prior)
          returning id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.adminId}, jsonb_build_object('offer_ids', '[]'::jsonb)
          from reinstated
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.adminId}, 'venue.reinstate', 'venue', id, jsonb_build_object('from', 'suspended', 'to', 'verified')
          from reinstated
        )
        select t.status as before, t.name, t.owner_id, (select outcome from prior) as prior,
          (select count(*) from reinstated) as changed, '[]'::json as offer_ids
        from target t
      `),
    ),
  );
  return sanctionOf(row, input.venueId, 'verified');
}

const parsed = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

function sanctionOf(row: RawRow | undefined, venueId: number, to: 'suspended' | 'verified'): VenueSanction {
  if (!row) throw new AppError({ code: 'venue.not_found' });
  const base = { venueId, name: String(row.name), ownerId: num(row.owner_id) };
  const prior = parsed(row.prior) as { offer_ids: number[] } | null;
  if (prior) return { ...base, withdrawnOfferIds: prior.offer_ids.map(num), changed: true, replayed: true };
  const changed = num(row.changed) > 0;
  const before = row.before as VenueStatus;
  if (!changed && before !== to) throw new AppError({ code: 'venue.wrong_state', status: before, to });
  const offerIds = (parsed(row.offer_ids) as unknown[]).map(num);
  return { ...base, withdrawnOfferIds: offerIds, changed, replayed: false };
}
