import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { type ListedOffer, type Listing, listedOfferOf, type Point, pageOf } from './browse.js';
import { allRows, num } from './rows.js';

/**
 * Free text typed to the bot ("bread", "sushi near me") as a search over live offers (issue 17): Postgres
 * full-text search over each offer's title, items, venue name and description, stemmed with the searcher's
 * language (so "Brötchen" finds "Brötchen" and "breads" finds "Bread bag"), every word required, each word
 * also matching as a prefix (so "brot" finds "Brötchen" and "sush" finds "Sushi"). Ranked by relevance and the
 * usual browse score together (docs/ranking.md), or by distance first when the person asked for "near me".
 */

/** The text-search configurations the bot's languages use (Postgres and PGlite ship all four). */
export type TextSearchConfig = 'english' | 'german' | 'spanish' | 'russian' | 'simple';

/** A search considers this many matches at most (the most relevant); the rest would never be paged to. */
const CANDIDATES = 200;
const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;
/** Shorter words match only whole: "to:*" would match half the menu. */
const PREFIX_FROM = 3;
/** Title and items say what the deal is; the venue's name is what people remember; the description is extra. */
const WEIGHTS = {
  title: sql.raw(`'A'`),
  items: sql.raw(`'B'`),
  venue: sql.raw(`'B'`),
  description: sql.raw(`'C'`),
};
/** Relevance (0..1 within the matches) against the browse score (0..1): what you asked for matters most. */
const RELEVANCE_WEIGHT = 0.4;

/**
 * The words of a query: runs of letters and digits in any script, lower-cased, at most 8 of 40 characters.
 * Everything else (quotes, operators, SQL, emoji) separates words and is never passed on, so what reaches
 * `to_tsquery` is only `word:*` terms joined by `&`, and it is a bound parameter besides.
 */
export function searchWords(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, MAX_WORDS).map((word) => word.slice(0, MAX_WORD_LENGTH));
}

const tsQueryOf = (words: string[]) =>
  words.map((w) => (w.length >= PREFIX_FROM ? `'${w}':*` : `'${w}'`)).join(' & ');

export interface FoundOffer extends ListedOffer {
  /** ts_rank of the match, scaled so the best match of this search is 1. */
  relevance: number;
}

export interface TextSearch {
  words: string[];
  config: TextSearchConfig;
  now: Date;
  location?: Point;
  /** "near me": nearest first (venues without a pin last), then the combined score. */
  nearestFirst?: boolean;
  page: number;
}

/** One page of live offers matching every word; `total` 0 when nothing does (or no word was given). */
export async function findOffersByText(
  db: Db,
  input: TextSearch,
): Promise<Omit<Listing, 'offers'> & { offers: FoundOffer[] }> {
  if (input.words.length === 0) return { ...pageOf([], 0), offers: [] };
  const config = sql`${input.config}::regconfig`;
  const result = await db.execute(sql`
    with query as (select to_tsquery(${config}, ${tsQueryOf(input.words)}) as q)
    select o.id, o.title, o.pickup_start, o.pickup_end, o.units_available, b.name as venue_name,
      b.latitude, b.longitude, b.time_zone,
      (select json_agg(json_build_object('price', i.price, 'original', i.original_price) order by i.price)
        from offer_items i where i.offer_id = o.id and i.quantity_available > 0) as items,
      ts_rank(d.document, query.q) as relevance
    from offers o
      join venues b on b.id = o.venue_id
      cross join query
      cross join lateral (
        select setweight(to_tsvector(${config}, o.title), ${WEIGHTS.title})
          || setweight(to_tsvector(${config}, coalesce(string_agg(i.name, ' '), '')), ${WEIGHTS.items})
          || setweight(to_tsvector(${config}, b.name), ${WEIGHTS.venue})
          || setweight(to_tsvector(${config}, o.description), ${WEIGHTS.description}) as document
        from offer_items i where i.offer_id = o.id
      ) d
    where o.status = 'active' and o.pickup_end > ${input.now.toISOString()}::timestamptz
      and o.units_available > 0 and b.status = 'verified'
      and d.document @@ query.q
    order by ${nearestFirstOrder(input)} relevance desc, o.pickup_end, o.id
    limit ${CANDIDATES}
  `);
  const rows = allRows(result);
  const best = Math.max(0, ...rows.map((row) => num(row.relevance)));
  const found = rows
    .map((row): FoundOffer | null => {
      const listed = listedOfferOf(row, input);
      if (!listed) return null;
      const relevance = best > 0 ? num(row.relevance) / best : 1;
      return {
        ...listed,
        relevance,
        score: RELEVANCE_WEIGHT * relevance + (1 - RELEVANCE_WEIGHT) * listed.score,
      };
    })
    .filter((offer): offer is FoundOffer => offer !== null)
    .sort((a, b) => (input.nearestFirst ? nearer(a, b) : 0) || byScore(a, b));
  const listing = pageOf(found, input.page);
  return { ...listing, offers: listing.offers as FoundOffer[] };
}

/**
 * "Near me" with a location: the candidates are the nearest matches, not the most relevant ones, so more than
 * CANDIDATES matches can't leave the nearest out. Squared degrees, longitude scaled by the latitude's cosine:
 * the order of the distances, which is all the cut needs (the exact distance is computed for the page).
 */
function nearestFirstOrder(input: TextSearch) {
  if (!input.nearestFirst || !input.location) return sql``;
  const { latitude, longitude } = input.location;
  const scale = Math.cos((latitude * Math.PI) / 180);
  return sql`power(b.latitude - ${latitude}::float8, 2) + power((b.longitude - ${longitude}::float8) * ${scale}::float8, 2)
    asc nulls last,`;
}

const byScore = (a: ListedOffer, b: ListedOffer) =>
  b.score - a.score || a.pickupEnd.getTime() - b.pickupEnd.getTime() || a.offerId - b.offerId;

/** Nearest first; an offer whose venue has no pin comes after every one that has. */
const nearer = (a: ListedOffer, b: ListedOffer) =>
  (a.distanceKm ?? Number.POSITIVE_INFINITY) - (b.distanceKm ?? Number.POSITIVE_INFINITY) || 0;
