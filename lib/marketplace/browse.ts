import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { allRows, date, num, numOrNull, type RawRow } from './rows.js';
import { zoneOf } from './time-zones.js';

export const PAGE_SIZE = 5;
/** Ranking considers at most this many live offers (soonest-ending first); plenty for one city. */
const CANDIDATES = 200;

export interface Point {
  latitude: number;
  longitude: number;
}

export interface ListedOffer {
  offerId: number;
  title: string;
  venueName: string;
  pickupStart: Date;
  pickupEnd: Date;
  /** Issue 17: the venue's own zone, which its window is shown in (null: TIMEZONE's). */
  zone: string | null;
  unitsLeft: number;
  /** The item with the lowest discounted price, shown as "from €3.50 (was €10.00)". */
  bestPrice: number;
  bestOriginalPrice: number;
  /** The largest discount among items with units left, 0..1. */
  bestDiscount: number;
  distanceKm: number | null;
  score: number;
}

/** A page of ranked offers, as /offers and the free-text search show it. */
export interface Listing {
  offers: ListedOffer[];
  page: number;
  pages: number;
  total: number;
}

/** Great-circle distance in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/**
 * The ranking score, 0..1, a weighted sum of four signals (documented in docs/ranking.md):
 * - soonness: pickup ending soon matters most — food that is about to go to waste, and a customer who
 *   wants dinner tonight: 1 / (1 + hours until pickup ends / 3);
 * - discount: the best discount among items with units left (0..1);
 * - availability: more units left = a safer trip, saturating at 10: min(units, 10) / 10;
 * - distance (only when the customer shared a location): 1 / (1 + km / 2).
 * Weights: with a location 0.30 soonness, 0.30 distance, 0.30 discount, 0.10 availability;
 * without one 0.45 soonness, 0.40 discount, 0.15 availability.
 */
export function rankScore(input: {
  hoursLeft: number;
  discount: number;
  unitsLeft: number;
  distanceKm: number | null;
}) {
  const soonness = 1 / (1 + Math.max(0, input.hoursLeft) / 3);
  const availability = Math.min(input.unitsLeft, 10) / 10;
  if (input.distanceKm === null) return 0.45 * soonness + 0.4 * input.discount + 0.15 * availability;
  const nearness = 1 / (1 + input.distanceKm / 2);
  return 0.3 * soonness + 0.3 * nearness + 0.3 * input.discount + 0.1 * availability;
}

/**
 * One live offer row (id, title, pickup_start, pickup_end, units_available, venue_name, latitude, longitude and
 * the items with units left as JSON) as listed and scored; null when no item has units left. Also used by the
 * free-text search (find-offers-by-text.ts), which ranks by the same score.
 */
export function listedOfferOf(row: RawRow, input: { now: Date; location?: Point }): ListedOffer | null {
  const items = (typeof row.items === 'string' ? JSON.parse(row.items) : row.items) as Array<{
    price: number;
    original: number;
  }> | null;
  if (!items || items.length === 0) return null;
  const best = items[0]!;
  const bestDiscount = Math.max(...items.map((i) => 1 - i.price / i.original));
  const lat = numOrNull(row.latitude);
  const lon = numOrNull(row.longitude);
  const km =
    input.location && lat !== null && lon !== null
      ? distanceKm(input.location, { latitude: lat, longitude: lon })
      : null;
  const pickupEnd = date(row.pickup_end);
  const unitsLeft = num(row.units_available);
  return {
    offerId: num(row.id),
    title: String(row.title),
    venueName: String(row.venue_name),
    pickupStart: date(row.pickup_start),
    pickupEnd,
    zone: zoneOf(row.time_zone),
    unitsLeft,
    bestPrice: best.price,
    bestOriginalPrice: best.original,
    bestDiscount,
    distanceKm: km,
    score: rankScore({
      hoursLeft: (pickupEnd.getTime() - input.now.getTime()) / 3_600_000,
      discount: bestDiscount,
      unitsLeft,
      // Offers of venues without coordinates rank as if 5 km away rather than dropping out.
      distanceKm: input.location ? (km ?? 5) : null,
    }),
  };
}

/**
 * Live offers — active, pickup not over, units left, venue verified — ranked, one page at a time.
 * One SQL round trip; ranking happens here so the formula stays readable and testable.
 */
export async function browseOffers(
  db: Db,
  input: { now: Date; location?: Point; page: number },
): Promise<Listing> {
  const now = input.now.toISOString();
  const result = await db.execute(sql`
    select o.id, o.title, o.pickup_start, o.pickup_end, o.units_available, b.name as venue_name,
      b.latitude, b.longitude, b.time_zone,
      (select json_agg(json_build_object('price', i.price, 'original', i.original_price) order by i.price)
        from offer_items i where i.offer_id = o.id and i.quantity_available > 0) as items
    from offers o join venues b on b.id = o.venue_id
    where o.status = 'active' and o.pickup_end > ${now}::timestamptz and o.units_available > 0
      and b.status = 'verified'
    order by o.pickup_end, o.id
    limit ${CANDIDATES}
  `);
  const ranked = allRows(result)
    .map((row) => listedOfferOf(row, input))
    .filter((offer): offer is ListedOffer => offer !== null)
    .sort(
      (a, b) => b.score - a.score || a.pickupEnd.getTime() - b.pickupEnd.getTime() || a.offerId - b.offerId,
    );
  return pageOf(ranked, input.page);
}

/** One page of ranked offers; a page past the end shows the last one (a list that shrank since). */
export function pageOf(ranked: ListedOffer[], wanted: number): Listing {
  const pages = Math.max(1, Math.ceil(ranked.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, wanted), pages - 1);
  return {
    offers: ranked.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE),
    page,
    pages,
    total: ranked.length,
  };
}
