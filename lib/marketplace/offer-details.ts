import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { RATINGS_SHOWN_FROM } from './ratings.js';
import { date, dateOrNull, firstRow, num, numOrNull, type RawRow } from './rows.js';
import { zoneOf } from './time-zones.js';

export interface CustomerOfferItem {
  id: number;
  name: string;
  price: number;
  originalPrice: number;
  unitsLeft: number;
}

/** An offer as a customer sees it: what is on sale, where and when. */
export interface CustomerOffer {
  id: number;
  title: string;
  description: string;
  photoFileId: string | null;
  pickupStart: Date;
  pickupEnd: Date;
  status: 'active' | 'sold_out';
  venue: {
    id: number;
    name: string;
    address: string;
    latitude: number | null;
    longitude: number | null;
    /** Issue 17: the venue's own zone, which its times are shown in (null: TIMEZONE's). */
    zone: string | null;
    /** Issue 14: the venue's ratings, once it has RATINGS_SHOWN_FROM of them. */
    rating: { average: number; count: number } | null;
    /** Issue 15: when the venue's next recurring drop goes live, if it has one running. */
    nextDropAt: Date | null;
  };
  items: CustomerOfferItem[];
  /** Issue 14: the customer asking follows the venue (false when nobody asked). */
  following: boolean;
}

/**
 * The offer behind a "details" button or a shared `offer_<id>` link, in one round trip. Customers may see
 * live offers and sold-out ones (a cancellation can bring units back) of verified venues whose pickup window
 * is not over; anything else — drafts, paused, expired, withdrawn, missing — is "no longer available".
 */
export async function getOfferForCustomer(
  db: Db,
  input: { offerId: number; now: Date; customerId?: number },
): Promise<CustomerOffer> {
  const customerId = input.customerId ?? null;
  const row = firstRow(
    await db.execute(sql`
      select o.id, o.title, o.description, o.photo_file_id, o.pickup_start, o.pickup_end, o.status,
        b.id as venue_id, b.name as venue_name, b.address, b.latitude, b.longitude, b.time_zone,
        (select json_build_object('average', round(avg(r.stars), 1), 'count', count(*))
          from ratings r where r.venue_id = b.id) as rating,
        exists (select 1 from follows f where f.customer_id = ${customerId}::bigint and f.venue_id = b.id) as following,
        (select min(d.next_run_at) from drops d where d.venue_id = b.id and d.status = 'active') as next_drop,
        (select json_agg(json_build_object('id', i.id, 'name', i.name, 'price', i.price,
            'original', i.original_price, 'left', i.quantity_available) order by i.position, i.id)
          from offer_items i where i.offer_id = o.id) as items
      from offers o join venues b on b.id = o.venue_id
      where o.id = ${input.offerId} and o.status in ('active', 'sold_out')
        and o.pickup_end > ${input.now.toISOString()}::timestamptz and b.status = 'verified'
    `),
  );
  if (!row) throw new AppError({ code: 'offer.unavailable' });
  return customerOfferOf(row);
}

/** An offer row (the columns above) as customers see it; also used by the channel post (issue 14). */
export function customerOfferOf(row: RawRow): CustomerOffer {
  const items = (typeof row.items === 'string' ? JSON.parse(row.items) : (row.items ?? [])) as Array<
    Record<string, unknown>
  >;
  const rating = (typeof row.rating === 'string' ? JSON.parse(row.rating) : row.rating) as {
    average: unknown;
    count: unknown;
  } | null;
  const rated = rating && num(rating.count) >= RATINGS_SHOWN_FROM;
  return {
    id: num(row.id),
    title: String(row.title),
    description: String(row.description ?? ''),
    photoFileId: row.photo_file_id ? String(row.photo_file_id) : null,
    pickupStart: date(row.pickup_start),
    pickupEnd: date(row.pickup_end),
    status: row.status as CustomerOffer['status'],
    venue: {
      id: num(row.venue_id),
      name: String(row.venue_name),
      address: String(row.address),
      latitude: numOrNull(row.latitude),
      longitude: numOrNull(row.longitude),
      zone: zoneOf(row.time_zone),
      rating: rated ? { average: num(rating.average), count: num(rating.count) } : null,
      nextDropAt: dateOrNull(row.next_drop),
    },
    following: row.following === true || row.following === 't',
    items: items.map((i) => ({
      id: num(i.id),
      name: String(i.name),
      price: num(i.price),
      originalPrice: num(i.original),
      unitsLeft: num(i.left),
    })),
  };
}

/** An item of an offer the customer may see, or "not part of this offer" (a forged or stale button). */
export function itemOf(offer: CustomerOffer, itemId: number): CustomerOfferItem {
  const item = offer.items.find((i) => i.id === itemId);
  if (!item) throw new AppError({ code: 'offer.item_not_found' });
  return item;
}
