import { type SQL, sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { type ClaimedNotice, noticeClaimUntil, noticesOf } from './notices.js';
import {
  getOffer,
  type ItemDraft,
  itemProblem,
  OFFER_LIMITS,
  type OfferWithItems,
  venueNotVerified,
} from './offers.js';
import { firstRow, num, type RawRow } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { refusalForOffer, venuesOf } from './venue-access.js';

/**
 * Everything about an offer its owner can change besides an item's prices and units (`editOfferItem`): the
 * title, description and photo; the pickup window (holders are told); adding and removing items. Each is one
 * statement that locks the offer row first (docs/reliability.md), needs a verified venue and an offer that has
 * not ended, and writes its audit row. Writes that aren't absolute (adding an item) carry an idempotency key.
 */

type Outcome = { offer: OfferWithItems; notices: ClaimedNotice[]; replayed: boolean };

/**
 * Runs `change` (CTEs that may read `target`, the locked offer, and must define `changed` returning `id`) with
 * the common guards, the idempotency record and the audit row. An offer the caller may not edit is refused with
 * the reason; one they may edit where `change` found nothing to do is 'unchanged', for the caller to explain.
 */
async function editOffer(
  db: Db,
  input: { ownerId: number; offerId: number; idempotencyKey?: string; action: string; data?: object },
  change: SQL,
  extra: SQL = sql`'[]'::json`,
): Promise<Outcome | 'unchanged'> {
  const key = input.idempotencyKey ?? null;
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select outcome from idempotency_keys where key = ${key}),
        target as (
          select o.id, o.status, b.status as venue_status from offers o join venues b on b.id = o.venue_id
          where o.id = ${input.offerId} and b.id in ${venuesOf(input.ownerId, 'manage')}
            and o.status in ('draft', 'active', 'paused', 'sold_out') and b.status = 'verified'
            and not exists (select 1 from prior)
          for update of o
        ),
        ${change},
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${key}, ${input.ownerId}, '{"changed": true}'::jsonb
          where ${key}::text is not null and exists (select 1 from changed)
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.ownerId}, ${input.action}, 'offer', ${input.offerId}::bigint, ${JSON.stringify(input.data ?? {})}::jsonb
          where exists (select 1 from changed)
        )
        select (select count(*) from changed) as changed, (select count(*) from prior) as replayed,
          (select count(*) from target) as found, ${extra} as notices,
          (select o.status from offers o where o.id = ${input.offerId}) as offer_status,
          (select b.status from offers o join venues b on b.id = o.venue_id where o.id = ${input.offerId}) as venue_status
      `),
    ),
  );
  const replayed = num(row?.replayed) > 0;
  if (!replayed && num(row?.found) === 0) throw await whyNot(db, input, row);
  if (!replayed && num(row?.changed) === 0) return 'unchanged';
  const offer = await getOffer(db, input.offerId);
  return { offer: offer!, notices: noticesOf(row?.notices), replayed };
}

/** Why the caller can't edit this offer: not theirs (or staff), the venue not verified, or the offer ended. */
async function whyNot(db: Db, input: { ownerId: number; offerId: number }, row: RawRow | undefined) {
  const mine =
    row?.offer_status != null &&
    firstRow(
      await db.execute(
        sql`select 1 as mine from offers where id = ${input.offerId} and venue_id in ${venuesOf(input.ownerId, 'manage')}`,
      ),
    );
  if (!row || !mine) return refusalForOffer(db, { userId: input.ownerId, offerId: input.offerId });
  if (row.venue_status !== 'verified') return venueNotVerified(String(row.venue_status));
  return new AppError({ code: 'offer.not_editable', status: row.offer_status as 'expired' | 'withdrawn' });
}

/** For edits whose `change` always changes the locked offer. */
const changed = (result: Outcome | 'unchanged'): Outcome => {
  if (result === 'unchanged') throw new Error('edit changed nothing on a locked, editable offer');
  return result;
};

/** Title, description or photo: absolute values, so a retry changes nothing twice. */
export async function editOfferDetails(
  db: Db,
  input: { ownerId: number; offerId: number } & (
    | { title: string }
    | { description: string }
    | { photoFileId: string | null }
  ),
): Promise<OfferWithItems> {
  let set: SQL;
  if ('title' in input) {
    const title = input.title.trim();
    if (!title || title.length > OFFER_LIMITS.titleMax)
      throw new AppError({ code: 'offer.title_length', max: OFFER_LIMITS.titleMax });
    set = sql`title = ${title}`;
  } else if ('description' in input) {
    if (input.description.length > OFFER_LIMITS.descriptionMax)
      throw new AppError({ code: 'offer.description_length', max: OFFER_LIMITS.descriptionMax });
    set = sql`description = ${input.description.trim()}`;
  } else {
    set = sql`photo_file_id = ${input.photoFileId}`;
  }
  const field = 'title' in input ? 'title' : 'description' in input ? 'description' : 'photo';
  const result = await editOffer(
    db,
    { ...input, action: 'offer.details', data: { field } },
    sql`changed as (update offers set ${set}, updated_at = now() where id = (select id from target) returning id)`,
  );
  return changed(result).offer;
}

/**
 * Moves the pickup window. Everyone holding a reservation is told through the outbox (one notice per
 * reservation; a second move re-arms it, so they read the newest window). The caller reschedules the expiry.
 */
export async function changePickupWindow(
  db: Db,
  input: { idempotencyKey: string; ownerId: number; offerId: number; start: Date; end: Date; now: Date },
): Promise<Outcome> {
  if (input.end <= input.start) throw new AppError({ code: 'offer.window_ends_before_start' });
  const now = input.now.toISOString();
  const claim = noticeClaimUntil(input.now).toISOString();
  const result = await editOffer(
    db,
    {
      ...input,
      action: 'offer.window',
      data: { start: input.start.toISOString(), end: input.end.toISOString() },
    },
    sql`changed as (
      update offers set pickup_start = ${input.start.toISOString()}::timestamptz,
        pickup_end = ${input.end.toISOString()}::timestamptz, updated_at = now()
      where id = (select id from target) returning id
    ),
    told as (
      insert into notices (recipient_id, kind, reservation_id, claimed_until, next_attempt_at)
      select p.customer_id, 'reservation.window_changed', p.id, ${claim}::timestamptz, ${now}::timestamptz
      from reservations p where p.offer_id = (select id from changed) and p.status = 'reserved'
      on conflict (reservation_id, kind) do update set status = 'pending', attempts = 0, sent_at = null,
        last_error = null, claimed_until = excluded.claimed_until, next_attempt_at = excluded.next_attempt_at
      returning id, kind, recipient_id
    )`,
    sql`(select coalesce(json_agg(json_build_object('id', id, 'kind', kind, 'recipient_id', recipient_id)), '[]'::json) from told)`,
  );
  return changed(result);
}

/** Adds an item; its units go on sale at once (a sold-out offer whose window is open is live again). */
export async function addOfferItem(
  db: Db,
  input: { idempotencyKey: string; ownerId: number; offerId: number; item: ItemDraft; now: Date },
): Promise<OfferWithItems> {
  const problem = itemProblem(input.item);
  if (problem) throw new AppError(problem);
  const { item } = input;
  const result = await editOffer(
    db,
    { ...input, action: 'offer.item_added', data: { name: item.name.trim(), quantity: item.quantity } },
    sql`counted as (
      select count(*) as n, coalesce(max(position), -1) as last from offer_items where offer_id = (select id from target)
    ),
    added as (
      insert into offer_items (offer_id, name, original_price, price, quantity_total, quantity_available, unit_weight_grams, position)
      select (select id from target), ${item.name.trim()}, ${item.originalPrice}, ${item.price}, ${item.quantity},
        ${item.quantity}, ${item.unitWeightGrams ?? null}::int, (select last from counted) + 1
      where exists (select 1 from target) and (select n from counted) < ${OFFER_LIMITS.itemsMax}
      returning id, offer_id
    ),
    changed as (
      update offers set units_available = units_available + ${item.quantity},
        status = case when status = 'sold_out' and pickup_end > ${input.now.toISOString()}::timestamptz
          then 'active'::offer_status else status end,
        updated_at = now()
      where id = (select offer_id from added) returning id
    )`,
  );
  if (result === 'unchanged') throw new AppError({ code: 'offer.item_count', max: OFFER_LIMITS.itemsMax });
  return result.offer;
}

/**
 * Removes an item nobody ever reserved (a reserved one stays, for the reservations and the venue's records: set
 * its quantity to 0 instead), never the last one. Its units leave the offer; a live offer left with none is
 * sold out.
 */
export async function removeOfferItem(
  db: Db,
  input: { idempotencyKey: string; ownerId: number; offerId: number; itemId: number },
): Promise<OfferWithItems> {
  const result = await editOffer(
    db,
    { ...input, action: 'offer.item_removed', data: { item_id: input.itemId } },
    sql`removable as (
      select i.id, i.quantity_available from offer_items i
      where i.id = ${input.itemId} and i.offer_id = (select id from target)
        and not exists (select 1 from reservations p where p.item_id = i.id)
        and exists (select 1 from offer_items j where j.offer_id = i.offer_id and j.id <> i.id)
      for update
    ),
    removed as (delete from offer_items where id = (select id from removable) returning id),
    changed as (
      update offers set units_available = units_available - (select quantity_available from removable),
        status = case when status = 'active' and units_available - (select quantity_available from removable) = 0
          then 'sold_out'::offer_status else status end,
        updated_at = now()
      where id = (select id from target) and exists (select 1 from removed) returning id
    )`,
  );
  if (result !== 'unchanged') return result.offer;
  // The caller manages this offer: say exactly why this item stays.
  const item = firstRow(
    await db.execute(sql`
      select exists (select 1 from reservations p where p.item_id = i.id) as reserved
      from offer_items i where i.id = ${input.itemId} and i.offer_id = ${input.offerId}
    `),
  );
  if (!item) throw new AppError({ code: 'offer.item_not_found' });
  throw new AppError(item.reserved === true ? { code: 'offer.item_reserved' } : { code: 'offer.last_item' });
}
