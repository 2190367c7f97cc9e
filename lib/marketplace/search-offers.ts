import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import type { Point } from './browse.js';
import { type CustomerOffer, customerOfferOf } from './offer-details.js';
import { allRows, numOrNull } from './rows.js';

/**
 * Live offers matching what someone typed after the bot's @username in any chat (inline mode): every word must
 * appear in the offer's title, description, items or venue name. Nearest first when the person lets Telegram
 * share their location, otherwise the soonest-ending first. Only live offers: active, window not over, units
 * left, venue verified.
 */
const INLINE_PAGE_SIZE = 20;
const MAX_WORDS = 5;
const MAX_WORD_LENGTH = 40;
const MAX_OFFSET = 200;

export interface FoundOffer extends CustomerOffer {
  distanceKm: number | null;
}

/** The words of a query, lower-cased, with LIKE's wildcards escaped; at most five. */
function wordsOf(query: string): string[] {
  return query
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.slice(0, MAX_WORD_LENGTH).replace(/[\\%_]/g, (c) => `\\${c}`))
    .filter(Boolean)
    .slice(0, MAX_WORDS);
}

export async function searchLiveOffers(
  db: Db,
  input: { query: string; now: Date; location?: Point; offset: number },
): Promise<{ offers: FoundOffer[]; nextOffset: number | null }> {
  const offset = Math.min(Math.max(0, Math.floor(input.offset) || 0), MAX_OFFSET);
  const now = input.now.toISOString();
  const words = wordsOf(input.query);
  const matches = words.map((w) => sql`and haystack like ${`%${w}%`}`);
  const here = input.location;
  const km = here
    ? sql`case when b.latitude is null or b.longitude is null then null else
        2 * 6371 * asin(sqrt(power(sin(radians(b.latitude - ${here.latitude}) / 2), 2)
          + cos(radians(${here.latitude})) * cos(radians(b.latitude))
          * power(sin(radians(b.longitude - ${here.longitude}) / 2), 2))) end`
    : sql`null::float8`;
  const result = await db.execute(sql`
    select * from (
      select o.id, o.title, o.description, o.photo_file_id, o.pickup_start, o.pickup_end, o.status,
        b.id as venue_id, b.name as venue_name, b.address, b.latitude, b.longitude, b.time_zone, null as rating, false as following,
        ${km} as distance_km,
        (select json_agg(json_build_object('id', i.id, 'name', i.name, 'price', i.price,
            'original', i.original_price, 'left', i.quantity_available) order by i.position, i.id)
          from offer_items i where i.offer_id = o.id) as items,
        lower(o.title || ' ' || o.description || ' ' || b.name || ' ' ||
          coalesce((select string_agg(i.name, ' ') from offer_items i where i.offer_id = o.id), '')) as haystack
      from offers o join venues b on b.id = o.venue_id
      where o.status = 'active' and o.pickup_end > ${now}::timestamptz and o.units_available > 0
        and b.status = 'verified'
    ) found
    where true ${sql.join(matches, sql` `)}
    order by distance_km asc nulls last, pickup_end asc, id asc
    limit ${INLINE_PAGE_SIZE + 1} offset ${offset}
  `);
  const rows = allRows(result);
  const offers = rows.slice(0, INLINE_PAGE_SIZE).map((row) => ({
    ...customerOfferOf(row),
    distanceKm: numOrNull(row.distance_km),
  }));
  const more = rows.length > INLINE_PAGE_SIZE && offset + INLINE_PAGE_SIZE <= MAX_OFFSET;
  return { offers, nextOffset: more ? offset + INLINE_PAGE_SIZE : null };
}
