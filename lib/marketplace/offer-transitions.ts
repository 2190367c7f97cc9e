import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { noticeClaimUntil } from './notices.js';
import type { OfferStatus } from './offers.js';
import { allRows, date, firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { refusalForOffer, venuesOf } from './venue-access.js';

/**
 * The offer state machine (docs/data-model.md):
 *   draft → active ⇄ paused; active → sold_out → active (restock); active|paused|sold_out → expired;
 *   any but expired → withdrawn.
 * Each transition is one SQL statement: the conditional UPDATE, its side effects and the audit row.
 */
export type OwnerAction = 'publish' | 'pause' | 'resume' | 'sold_out' | 'withdraw';

interface Rule {
  from: OfferStatus[];
  /** SQL for the new status (resume may land on sold_out when nothing is left). */
  to: SQL;
  needsOpenWindow: boolean;
}

const rules: Record<OwnerAction, Rule> = {
  publish: { from: ['draft'], to: sql`'active'`, needsOpenWindow: true },
  pause: { from: ['active'], to: sql`'paused'`, needsOpenWindow: false },
  resume: {
    from: ['paused'],
    to: sql`case when units_available > 0 then 'active' else 'sold_out' end::offer_status`,
    needsOpenWindow: true,
  },
  sold_out: { from: ['active', 'paused'], to: sql`'sold_out'`, needsOpenWindow: false },
  withdraw: { from: ['draft', 'active', 'paused', 'sold_out'], to: sql`'withdrawn'`, needsOpenWindow: false },
};

/** Where each action leads: an offer already there gets "already live" rather than a refusal of the move. */
const leadsTo: Partial<Record<OwnerAction, 'active' | 'paused' | 'sold_out'>> = {
  publish: 'active',
  pause: 'paused',
  resume: 'active',
  sold_out: 'sold_out',
};

/** Why an action can't happen, as a code the bot puts into the owner's words. */
function refusal(action: OwnerAction, status: OfferStatus, windowOver: boolean): AppError {
  if (status === 'expired') return new AppError({ code: 'offer.expired' });
  if (status === 'withdrawn') return new AppError({ code: 'offer.withdrawn' });
  const target = leadsTo[action];
  if (target !== undefined && status === target)
    return new AppError({ code: 'offer.already_in_state', status: target });
  if (rules[action].needsOpenWindow && windowOver) return new AppError({ code: 'offer.window_over' });
  return new AppError({ code: 'offer.wrong_state', action, status });
}

export interface TransitionResult {
  offerId: number;
  before: OfferStatus;
  after: OfferStatus;
  pickupEnd: Date;
  /** True when this key had already made the change: the first outcome, reported again. */
  replayed: boolean;
}

/** Publishing and resuming put an offer in front of customers: only a verified venue may. */
const needsVerifiedVenue: OwnerAction[] = ['publish', 'resume'];

const statusList = (statuses: OfferStatus[]) => sql.raw(`(${statuses.map((s) => `'${s}'`).join(', ')})`);

/**
 * The owning venue changes its offer's state, in one statement that locks the offer row first (the lock
 * order in docs/reliability.md). Another venue's offer is "not found". Reservations of a withdrawn offer
 * are settled by `settleEndedOffers` right after, on a fresh snapshot that sees every reservation committed
 * before this one took the lock. A retry of the same press (same idempotency key) reports the first outcome.
 */
export async function transitionOffer(
  db: Db,
  input: { idempotencyKey: string; offerId: number; ownerId: number; action: OwnerAction; now: Date },
): Promise<TransitionResult> {
  const rule = rules[input.action];
  const now = input.now.toISOString();
  const windowGuard = rule.needsOpenWindow ? sql`and pickup_end > ${now}::timestamptz` : sql``;
  const publishGuard = input.action === 'publish' ? sql`and units_available > 0` : sql``;
  const venueGuard = needsVerifiedVenue.includes(input.action)
    ? sql`and (select venue_status from target) = 'verified'`
    : sql``;
  const result = await retryConflicts(() =>
    db.execute(sql`
    with prior as (
      select outcome from idempotency_keys where key = ${input.idempotencyKey}
    ),
    target as (
      select o.id, o.status, o.pickup_end, b.status as venue_status from offers o join venues b on b.id = o.venue_id
      where o.id = ${input.offerId} and b.id in ${venuesOf(input.ownerId, 'manage')}
    ),
    changed as (
      update offers set
        status = ${rule.to},
        updated_at = now(),
        published_at = case when ${input.action === 'publish'} then coalesce(published_at, now()) else published_at end,
        units_available = case when ${input.action === 'sold_out'} then 0 else units_available end
      where id = (select id from target) and status in ${statusList(rule.from)} ${windowGuard} ${publishGuard}
        ${venueGuard} and not exists (select 1 from prior)
      returning id, status
    ),
    emptied as (
      -- "Sold out" by hand means nothing more is for sale: the unreserved units leave the offer.
      update offer_items set quantity_total = quantity_total - quantity_available, quantity_available = 0
      where ${input.action === 'sold_out'} and offer_id in (select id from changed)
      returning id
    ),
    remember as (
      insert into idempotency_keys (key, user_id, outcome)
      select ${input.idempotencyKey}, ${input.ownerId},
        jsonb_build_object('before', (select status from target), 'after', status) from changed
    ),
    audit as (
      insert into audit_log (actor_id, action, entity, entity_id, data)
      select ${input.ownerId}, ${`offer.${input.action}`}, 'offer', id,
        jsonb_build_object('from', (select status from target), 'to', status)
      from changed
    )
    select t.status as before, t.pickup_end, t.venue_status, c.status as after,
      (select outcome from prior) as prior, (select count(*) from emptied) as emptied
    from target t left join changed c on true
  `),
  );
  const row = firstRow(result);
  if (!row) throw await refusalForOffer(db, { userId: input.ownerId, offerId: input.offerId });
  const pickupEnd = date(row.pickup_end);
  const prior = (typeof row.prior === 'string' ? JSON.parse(row.prior) : row.prior) as {
    before: OfferStatus;
    after: OfferStatus;
  } | null;
  if (prior) return { offerId: input.offerId, ...prior, pickupEnd, replayed: true };
  const before = row.before as OfferStatus;
  if (row.after == null) {
    if (needsVerifiedVenue.includes(input.action) && row.venue_status !== 'verified') {
      throw new AppError({ code: 'offer.live_needs_verified_venue' });
    }
    throw refusal(input.action, before, pickupEnd <= input.now);
  }
  return { offerId: input.offerId, before, after: row.after as OfferStatus, pickupEnd, replayed: false };
}

/**
 * Expires offers whose pickup window is over (one, for the scheduled callback, or all overdue ones, for the
 * sweep), and writes each venue's end-of-window summary to the outbox. Idempotent: an offer already expired, or
 * whose window was moved into the future since the callback was scheduled, is left alone. Their reservations
 * are settled by `settleEndedOffers` right after.
 */
export async function expireOffers(db: Db, input: { now: Date; offerId?: number }): Promise<number[]> {
  const now = input.now.toISOString();
  const only = input.offerId === undefined ? sql`` : sql`and id = ${input.offerId}`;
  const result = await db.execute(sql`
    with expired as (
      update offers set status = 'expired', updated_at = now()
      where status in ('active', 'paused', 'sold_out') and pickup_end <= ${now}::timestamptz ${only}
      returning id
    ),
    audit as (
      insert into audit_log (actor_id, action, entity, entity_id, data)
      select null, 'offer.expire', 'offer', id, jsonb_build_object('to', 'expired') from expired
    ),
    summary as (
      -- The venue's end-of-window summary (the outbox; its words are read when it is sent, after settlement).
      insert into notices (recipient_id, kind, offer_id, claimed_until, next_attempt_at)
      select b.owner_id, 'offer.summary', e.id, ${noticeClaimUntil(input.now).toISOString()}::timestamptz, ${now}::timestamptz
      from expired e join offers o on o.id = e.id join venues b on b.id = o.venue_id
      on conflict do nothing
    )
    select id from expired
  `);
  return allRows(result).map((row) => num(row.id));
}
