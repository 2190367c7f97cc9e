import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Offer, type OfferItem, offerItems, offers, venues } from '../../db/schema.js';
import { AppError, type AppErrorDetail } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, num, type RawRow } from './rows.js';
import { retryConflicts } from './statement-retry.js';
import { refusalForOffer, venuesOf } from './venue-access.js';

export type OfferStatus = Offer['status'];
export type OfferWithItems = Offer & { items: OfferItem[] };

export const OFFER_LIMITS = {
  titleMax: 80,
  itemsMax: 10,
  itemNameMax: 60,
  quantityMin: 1,
  quantityMax: 999,
  descriptionMax: 500,
  /** 50 kg per unit: anything heavier is a typo (grams for kilograms). */
  weightMaxGrams: 50_000,
} as const;

export interface ItemDraft {
  name: string;
  originalPrice: number;
  price: number;
  quantity: number;
  /** Optional: the weight of one unit in grams, for "food saved" in the end-of-window summary. */
  unitWeightGrams?: number | null;
}

export interface OfferDraft {
  /** The press that creates it (the wizard's summary card): a double tap or a retry creates one offer. */
  idempotencyKey?: string;
  ownerId: number;
  title: string;
  description?: string;
  photoFileId?: string | null;
  pickupStart: Date;
  pickupEnd: Date;
  items: ItemDraft[];
}

/** What is wrong with one item (the bot has the words for each code). */
export type ItemProblem = Extract<AppErrorDetail, { code: `item.${string}` }>;

/** Rules every item must satisfy; null when fine. */
export function itemProblem(item: ItemDraft): ItemProblem | null {
  if (!item.name.trim()) return { code: 'item.name_missing' };
  if (item.name.length > OFFER_LIMITS.itemNameMax)
    return { code: 'item.name_too_long', max: OFFER_LIMITS.itemNameMax };
  if (!(item.originalPrice > 0) || !(item.price > 0)) return { code: 'item.price_not_positive' };
  if (item.price >= item.originalPrice) return { code: 'item.price_not_discounted' };
  if (
    !Number.isInteger(item.quantity) ||
    item.quantity < OFFER_LIMITS.quantityMin ||
    item.quantity > OFFER_LIMITS.quantityMax
  ) {
    return { code: 'item.quantity_range', min: OFFER_LIMITS.quantityMin, max: OFFER_LIMITS.quantityMax };
  }
  const weight = item.unitWeightGrams;
  if (weight != null && !(Number.isInteger(weight) && weight > 0 && weight <= OFFER_LIMITS.weightMaxGrams)) {
    return { code: 'item.weight_range', maxKg: OFFER_LIMITS.weightMaxGrams / 1000 };
  }
  return null;
}

/**
 * Creates a draft offer with its items for the caller's verified venue: offer, items and audit row in one
 * statement. A caller without a verified venue gets "not allowed" and nothing is written.
 */
export async function createOffer(db: Db, draft: OfferDraft): Promise<OfferWithItems> {
  const title = draft.title.trim();
  if (!title || title.length > OFFER_LIMITS.titleMax) {
    throw new AppError({ code: 'offer.title_length', max: OFFER_LIMITS.titleMax });
  }
  if (draft.items.length === 0 || draft.items.length > OFFER_LIMITS.itemsMax) {
    throw new AppError({ code: 'offer.item_count', max: OFFER_LIMITS.itemsMax });
  }
  for (const item of draft.items) {
    const problem = itemProblem(item);
    if (problem) throw new AppError(problem);
  }
  if (draft.pickupEnd <= draft.pickupStart) throw new AppError({ code: 'offer.window_ends_before_start' });

  const items = JSON.stringify(
    draft.items.map((item, position) => ({
      name: item.name.trim(),
      original_price: item.originalPrice,
      price: item.price,
      quantity: item.quantity,
      unit_weight_grams: item.unitWeightGrams ?? null,
      position,
    })),
  );
  const units = draft.items.reduce((sum, item) => sum + item.quantity, 0);
  const key = draft.idempotencyKey ?? null;
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
      with prior as (
        select (outcome->>'offer_id')::bigint as id from idempotency_keys where key = ${key}
      ),
      biz as (select id from venues where id in ${venuesOf(draft.ownerId, 'manage')} and status = 'verified'),
      created as (
        insert into offers (venue_id, title, description, photo_file_id, pickup_start, pickup_end, units_available)
        select id, ${title}, ${draft.description?.trim() ?? ''}, ${draft.photoFileId ?? null},
          ${draft.pickupStart.toISOString()}::timestamptz, ${draft.pickupEnd.toISOString()}::timestamptz, ${units}
        from biz where not exists (select 1 from prior)
        returning id
      ),
      remember as (
        insert into idempotency_keys (key, user_id, outcome)
        select ${key}, ${draft.ownerId}, jsonb_build_object('offer_id', id) from created where ${key}::text is not null
      ),
      created_items as (
        insert into offer_items (offer_id, name, original_price, price, quantity_total, quantity_available, unit_weight_grams, position)
        select created.id, x.name, x.original_price, x.price, x.quantity, x.quantity, x.unit_weight_grams, x.position
        from created, jsonb_to_recordset(${items}::jsonb)
          as x(name text, original_price int, price int, quantity int, unit_weight_grams int, position int)
        returning id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${draft.ownerId}, 'offer.created', 'offer', id, jsonb_build_object('to', 'draft') from created
      )
      select coalesce((select id from created), (select id from prior)) as id
    `),
    ),
  );
  if (row?.id == null) throw new AppError({ code: 'offer.post_needs_verified_venue' });
  return (await getOffer(db, num(row.id)))!;
}

export async function getOffer(db: Db, offerId: number): Promise<OfferWithItems | undefined> {
  const [offer] = await db.select().from(offers).where(eq(offers.id, offerId)).limit(1);
  if (!offer) return undefined;
  const items = await db
    .select()
    .from(offerItems)
    .where(eq(offerItems.offerId, offerId))
    .orderBy(asc(offerItems.position), asc(offerItems.id));
  return { ...offer, items };
}

/**
 * The offer if the caller manages its venue; otherwise "not found", so ids of others reveal nothing (staff
 * of the venue are told it is the owner's to do).
 */
export async function getOwnOffer(db: Db, { offerId, ownerId }: { offerId: number; ownerId: number }) {
  const [row] = await db
    .select({ id: offers.id })
    .from(offers)
    .where(and(eq(offers.id, offerId), sql`${offers.venueId} in ${venuesOf(ownerId, 'manage')}`))
    .limit(1);
  const offer = row ? await getOffer(db, row.id) : undefined;
  if (!offer) throw await refusalForOffer(db, { userId: ownerId, offerId });
  return offer;
}

/** A venue that isn't verified (any more) can't edit its offers; the owner is told which state it is in. */
export const venueNotVerified = (status: string) =>
  new AppError({
    code: 'offer.edit_needs_verified_venue',
    venueStatus:
      status === 'suspended' || status === 'pending' || status === 'changes_requested' ? status : 'rejected',
  });

/**
 * The offer if it belongs to the caller's venue and that venue may change it (verified): the entry
 * to editing. Someone else's offer is "not found"; the owner of a suspended venue is told why not.
 */
export async function getEditableOffer(db: Db, { offerId, ownerId }: { offerId: number; ownerId: number }) {
  const [row] = await db
    .select({ id: offers.id, venueStatus: venues.status })
    .from(offers)
    .innerJoin(venues, eq(venues.id, offers.venueId))
    .where(and(eq(offers.id, offerId), sql`${venues.id} in ${venuesOf(ownerId, 'manage')}`))
    .limit(1);
  if (!row) throw await refusalForOffer(db, { userId: ownerId, offerId });
  if (row.venueStatus !== 'verified') throw venueNotVerified(row.venueStatus);
  const offer = await getOffer(db, row.id);
  if (!offer) throw new AppError({ code: 'offer.not_found' });
  return offer;
}

/** How /myoffers groups a venue's offers. */
export type OfferFilter = 'live' | 'drafts' | 'past';
const filterStatuses: Record<OfferFilter, OfferStatus[]> = {
  live: ['active', 'paused', 'sold_out'],
  drafts: ['draft'],
  past: ['expired', 'withdrawn'],
};
export const filterOf = (status: OfferStatus): OfferFilter =>
  (Object.keys(filterStatuses) as OfferFilter[]).find((f) => filterStatuses[f].includes(status))!;

export interface OfferPage {
  offers: OfferWithItems[];
  page: number;
  pages: number;
  pageSize: number;
  total: number;
  /** How many offers each filter holds, for the tabs. */
  counts: Record<OfferFilter, number>;
}

/** One page of the offers of the venue the caller manages, newest first, in one filter. */
export async function listOwnOffers(
  db: Db,
  input: { ownerId: number; filter: OfferFilter; page: number; pageSize: number },
): Promise<OfferPage> {
  const mine = sql`${offers.venueId} in ${venuesOf(input.ownerId, 'manage')}`;
  const countRows = await db
    .select({ status: offers.status, n: sql<number>`count(*)::int` })
    .from(offers)
    .where(mine)
    .groupBy(offers.status);
  const counts = { live: 0, drafts: 0, past: 0 };
  for (const row of countRows) counts[filterOf(row.status)] += Number(row.n);
  const total = counts[input.filter];
  const pages = Math.max(1, Math.ceil(total / input.pageSize));
  const page = Math.min(Math.max(0, input.page), pages - 1);
  const rows = await db
    .select({ offer: offers })
    .from(offers)
    .where(and(mine, inArray(offers.status, filterStatuses[input.filter])))
    .orderBy(desc(offers.createdAt), desc(offers.id))
    .limit(input.pageSize)
    .offset(page * input.pageSize);
  const ids = rows.map((r) => r.offer.id);
  const items =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(offerItems)
          .where(inArray(offerItems.offerId, ids))
          .orderBy(asc(offerItems.position), asc(offerItems.id));
  return {
    offers: rows.map(({ offer }) => ({ ...offer, items: items.filter((i) => i.offerId === offer.id) })),
    page,
    pages,
    pageSize: input.pageSize,
    total,
    counts,
  };
}

export interface ItemEdit {
  ownerId: number;
  offerId: number;
  itemId: number;
  price?: number;
  originalPrice?: number;
  /** Units for sale from now on ("restock to 10" = 10 available); the reserved ones are kept on top. */
  quantityAvailable?: number;
  /** Weight per unit in grams; null clears it. */
  unitWeightGrams?: number | null;
  now: Date;
}

export interface ItemEditResult {
  offer: OfferWithItems;
  statusBefore: OfferStatus;
}

/**
 * The owner of a verified venue changes an item's prices, its units for sale or its weight (a suspended venue
 * changes nothing; checked in the statement, so a suspension between the wizard's steps holds too). The quantity
 * is what is *available*: units already reserved stay reserved and count on top, so "restock to 10" leaves 10
 * for sale whatever customers hold. Restocking a sold-out offer makes it live again, emptying a live one makes
 * it sold out. One statement: the offer row is locked first, then the item (FOR UPDATE returns its newest
 * version), so the unit delta applied to the offer row is exact even while customers are reserving.
 */
export async function editOfferItem(db: Db, edit: ItemEdit): Promise<ItemEditResult> {
  if (
    edit.quantityAvailable !== undefined &&
    (!Number.isInteger(edit.quantityAvailable) ||
      edit.quantityAvailable < 0 ||
      edit.quantityAvailable > OFFER_LIMITS.quantityMax)
  ) {
    throw new AppError({ code: 'item.quantity_range', min: 0, max: OFFER_LIMITS.quantityMax });
  }
  for (const price of [edit.price, edit.originalPrice]) {
    if (price !== undefined && !(Number.isInteger(price) && price > 0))
      throw new AppError({ code: 'item.price_not_positive' });
  }
  const weight = edit.unitWeightGrams;
  if (weight != null && !(Number.isInteger(weight) && weight > 0 && weight <= OFFER_LIMITS.weightMaxGrams)) {
    throw new AppError({ code: 'item.weight_range', maxKg: OFFER_LIMITS.weightMaxGrams / 1000 });
  }
  const now = edit.now.toISOString();
  const available = edit.quantityAvailable ?? null;
  const run = () =>
    retryConflicts(() =>
      db.execute(sql`
      with target as (
        -- Lock order (docs/reliability.md): the offer row first, then its items.
        select o.id, o.status, b.status as venue_status from offers o join venues b on b.id = o.venue_id
        where o.id = ${edit.offerId} and b.id in ${venuesOf(edit.ownerId, 'manage')}
        for update of o
      ),
      old_item as (
        select id, quantity_total, quantity_available, price, original_price from offer_items
        where id = ${edit.itemId} and offer_id = (select id from target) for update
      ),
      item as (
        update offer_items i set
          price = coalesce(${edit.price ?? null}::int, i.price),
          original_price = coalesce(${edit.originalPrice ?? null}::int, i.original_price),
          quantity_available = coalesce(${available}::int, i.quantity_available),
          quantity_total = coalesce(${available}::int, i.quantity_available) + (i.quantity_total - i.quantity_available),
          unit_weight_grams = case when ${weight === undefined} then i.unit_weight_grams else ${weight ?? null}::int end
        from old_item o
        where i.id = o.id and (select status from target) in ('draft', 'active', 'paused', 'sold_out')
          and (select venue_status from target) = 'verified'
        returning i.id, i.quantity_available - o.quantity_available as delta
      ),
      offer_row as (
        update offers set
          units_available = units_available + (select delta from item),
          status = case
            when status = 'sold_out' and units_available + (select delta from item) > 0 and pickup_end > ${now}::timestamptz then 'active'::offer_status
            when status = 'active' and units_available + (select delta from item) = 0 then 'sold_out'::offer_status
            else status end,
          updated_at = now()
        where id = (select id from target) and exists (select 1 from item)
        returning id, status
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${edit.ownerId}, 'offer.edit', 'offer', id,
          jsonb_build_object('from', (select status from target), 'to', status, 'item_id', ${edit.itemId}::bigint,
            'delta', (select delta from item))
        from offer_row
      )
      select (select status from target) as before, (select venue_status from target) as venue_status,
        (select count(*) from old_item) as item_found, (select count(*) from item) as changed
    `),
    );
  let row: RawRow | undefined;
  try {
    row = firstRow(await run());
  } catch (error) {
    if (
      (error as { code?: string }).code === '23514' ||
      (error as { cause?: { code?: string } }).cause?.code === '23514'
    ) {
      throw new AppError({ code: 'item.price_not_discounted' });
    }
    throw error;
  }
  if (!row || row.before === null)
    throw await refusalForOffer(db, { userId: edit.ownerId, offerId: edit.offerId });
  if (row.venue_status !== 'verified') throw venueNotVerified(String(row.venue_status));
  if (num(row.item_found) === 0) throw new AppError({ code: 'offer.item_not_found' });
  if (num(row.changed) === 0) {
    throw new AppError({ code: 'offer.not_editable', status: row.before as 'expired' | 'withdrawn' });
  }
  return { offer: (await getOffer(db, edit.offerId))!, statusBefore: row.before as OfferStatus };
}
