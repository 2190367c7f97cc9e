import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import type { OfferStatus } from './offers.js';
import { allRows, date, firstRow, num } from './rows.js';

/**
 * The offer state machine (docs/data-model.md):
 *   draft → active ⇄ paused; active → sold_out → active (restock); active|paused|sold_out → expired;
 *   any but expired → cancelled.
 * Each transition is one SQL statement: the conditional UPDATE, its side effects and the audit row.
 */
export type OwnerAction = 'publish' | 'pause' | 'resume' | 'sold_out' | 'cancel';

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
  cancel: { from: ['draft', 'active', 'paused', 'sold_out'], to: sql`'cancelled'`, needsOpenWindow: false },
};

const alreadyThere: Partial<Record<OwnerAction, OfferStatus[]>> = {
  publish: ['active'],
  pause: ['paused'],
  resume: ['active'],
  sold_out: ['sold_out'],
  cancel: ['cancelled'],
};

/** Why an action can't happen, in words for the business owner. */
function refusal(action: OwnerAction, status: OfferStatus, windowOver: boolean): string {
  if (status === 'expired')
    return 'This offer has expired: its pickup window is over. Post a new one with /newoffer.';
  if (status === 'cancelled') return 'This offer was withdrawn. Post a new one with /newoffer.';
  if (alreadyThere[action]?.includes(status)) {
    const words: Record<OwnerAction, string> = {
      publish: 'This offer is already live.',
      pause: 'This offer is already paused.',
      resume: 'This offer is already live.',
      sold_out: 'This offer is already marked sold out.',
      cancel: 'This offer is already withdrawn.',
    };
    return words[action];
  }
  if (rules[action].needsOpenWindow && windowOver) {
    return 'The pickup window of this offer is already over. Post a new offer with a later window.';
  }
  const hints: Record<OwnerAction, string> = {
    publish: 'Only drafts can be published.',
    pause: 'Only live offers can be paused.',
    resume: 'Only paused offers can be resumed.',
    sold_out: 'Only live or paused offers can be marked sold out.',
    cancel: 'This offer can no longer be withdrawn.',
  };
  return `${hints[action]} This one is ${status.replace('_', ' ')}.`;
}

export interface CancelledReservation {
  purchaseId: number;
  customerId: number;
  quantity: number;
  pickupCode: string;
}

export interface TransitionResult {
  offerId: number;
  before: OfferStatus;
  after: OfferStatus;
  pickupEnd: Date;
  /** Reservations cancelled because the business withdrew the offer; their holders are told. */
  cancelledReservations: CancelledReservation[];
}

const statusList = (statuses: OfferStatus[]) => sql.raw(`(${statuses.map((s) => `'${s}'`).join(', ')})`);

/** The owning business changes its offer's state. Another business's offer is "not found". */
export async function transitionOffer(
  db: Db,
  input: { offerId: number; ownerId: number; action: OwnerAction; now: Date },
): Promise<TransitionResult> {
  const rule = rules[input.action];
  const now = input.now.toISOString();
  const windowGuard = rule.needsOpenWindow ? sql`and pickup_end > ${now}::timestamptz` : sql``;
  const publishGuard = input.action === 'publish' ? sql`and units_available > 0` : sql``;
  const result = await db.execute(sql`
    with target as (
      select o.id, o.status, o.pickup_end from offers o join businesses b on b.id = o.business_id
      where o.id = ${input.offerId} and b.owner_id = ${input.ownerId}
    ),
    changed as (
      update offers set
        status = ${rule.to},
        updated_at = now(),
        published_at = case when ${input.action === 'publish'} then coalesce(published_at, now()) else published_at end,
        units_available = case when ${input.action === 'sold_out'} then 0 else units_available end
      where id = (select id from target) and status in ${statusList(rule.from)} ${windowGuard} ${publishGuard}
      returning id, status
    ),
    emptied as (
      -- "Sold out" by hand means nothing more is for sale: the unreserved units leave the offer.
      update offer_items set quantity_total = quantity_total - quantity_available, quantity_available = 0
      where ${input.action === 'sold_out'} and offer_id in (select id from changed)
      returning id
    ),
    withdrawn as (
      update purchases set status = 'cancelled', updated_at = now()
      where ${input.action === 'cancel'} and offer_id in (select id from changed) and status = 'reserved'
      returning id, customer_id, quantity, pickup_code
    ),
    audit as (
      insert into audit_log (actor_id, action, entity, entity_id, data)
      select ${input.ownerId}, ${`offer.${input.action}`}, 'offer', id,
        jsonb_build_object('from', (select status from target), 'to', status,
          'reservations_cancelled', (select count(*) from withdrawn))
      from changed
    )
    select t.status as before, t.pickup_end, c.status as after,
      (select coalesce(json_agg(json_build_object('id', id, 'customer_id', customer_id, 'quantity', quantity,
        'pickup_code', pickup_code)), '[]'::json) from withdrawn) as withdrawn,
      (select count(*) from emptied) as emptied
    from target t left join changed c on true
  `);
  const row = firstRow(result);
  if (!row) throw new AppError('not_found', 'Offer not found.');
  const before = row.before as OfferStatus;
  const pickupEnd = date(row.pickup_end);
  if (row.after === null || row.after === undefined) {
    throw new AppError('invalid_transition', refusal(input.action, before, pickupEnd <= input.now));
  }
  const withdrawn = (typeof row.withdrawn === 'string' ? JSON.parse(row.withdrawn) : row.withdrawn) as Array<
    Record<string, unknown>
  >;
  return {
    offerId: input.offerId,
    before,
    after: row.after as OfferStatus,
    pickupEnd,
    cancelledReservations: withdrawn.map((w) => ({
      purchaseId: num(w.id),
      customerId: num(w.customer_id),
      quantity: num(w.quantity),
      pickupCode: String(w.pickup_code),
    })),
  };
}

export interface ExpiredOffer {
  offerId: number;
  title: string;
  ownerId: number;
  noShows: Array<{ purchaseId: number; customerId: number; pickupCode: string }>;
}

/**
 * Expires offers whose pickup window is over (one, for the scheduled callback, or all overdue ones, for the
 * sweep), and marks their reservations never picked up as no-shows. Idempotent: an offer already expired,
 * or whose window was moved into the future since the callback was scheduled, is left alone.
 */
export async function expireOffers(db: Db, input: { now: Date; offerId?: number }): Promise<ExpiredOffer[]> {
  const now = input.now.toISOString();
  const only = input.offerId === undefined ? sql`` : sql`and id = ${input.offerId}`;
  const result = await db.execute(sql`
    with expired as (
      update offers set status = 'expired', updated_at = now()
      where status in ('active', 'paused', 'sold_out') and pickup_end <= ${now}::timestamptz ${only}
      returning id, title, business_id, status
    ),
    no_shows as (
      update purchases set status = 'no_show', updated_at = now()
      where offer_id in (select id from expired) and status = 'reserved'
      returning id, offer_id, customer_id, pickup_code
    ),
    audit as (
      insert into audit_log (actor_id, action, entity, entity_id, data)
      select null, 'offer.expire', 'offer', id,
        jsonb_build_object('to', 'expired', 'no_shows', (select count(*) from no_shows n where n.offer_id = expired.id))
      from expired
    )
    select e.id, e.title, b.owner_id,
      coalesce((select json_agg(json_build_object('id', n.id, 'customer_id', n.customer_id, 'pickup_code', n.pickup_code))
        from no_shows n where n.offer_id = e.id), '[]'::json) as no_shows
    from expired e join businesses b on b.id = e.business_id
  `);
  return allRows(result).map((row) => {
    const noShows = (typeof row.no_shows === 'string' ? JSON.parse(row.no_shows) : row.no_shows) as Array<
      Record<string, unknown>
    >;
    return {
      offerId: num(row.id),
      title: String(row.title),
      ownerId: num(row.owner_id),
      noShows: noShows.map((n) => ({
        purchaseId: num(n.id),
        customerId: num(n.customer_id),
        pickupCode: String(n.pickup_code),
      })),
    };
  });
}
