import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { allRows, date, firstRow, num } from './rows.js';

/**
 * Ratings (db/schema.ts `ratings`): after a pickup the customer rates it 1–5 stars, with an optional comment.
 * One rating per reservation; the customer may change it for 24 hours after first rating it. Stars and comment
 * are set to absolute values, so a redelivered press writes the same again.
 */
const EDIT_WINDOW = '24 hours';
const RATING_COMMENT_MAX = 500;
/** A venue's average shows on its cards once it has this many ratings. */
export const RATINGS_SHOWN_FROM = 3;

export interface RatingResult {
  reservationId: number;
  stars: number;
  venueName: string;
  itemName: string;
  /** False when this was a change to an earlier rating of the same reservation. */
  first: boolean;
}

/** The customer rates their own collected reservation; anyone else's, or one not picked up, is refused. */
export async function rateReservation(
  db: Db,
  input: { reservationId: number; customerId: number; stars: number; now: Date },
): Promise<RatingResult> {
  if (!Number.isInteger(input.stars) || input.stars < 1 || input.stars > 5) {
    throw new AppError({ code: 'rating.not_allowed' });
  }
  const now = input.now.toISOString();
  const row = firstRow(
    await db.execute(sql`
      with target as (
        select p.id, o.venue_id, b.name as venue_name, i.name as item_name
        from reservations p join offers o on o.id = p.offer_id join venues b on b.id = o.venue_id
          join offer_items i on i.id = p.item_id
        where p.id = ${input.reservationId} and p.customer_id = ${input.customerId} and p.status = 'picked_up'
      ),
      earlier as (select created_at from ratings where reservation_id = ${input.reservationId}),
      written as (
        insert into ratings (reservation_id, customer_id, venue_id, stars, created_at, updated_at)
        select id, ${input.customerId}, venue_id, ${input.stars}, ${now}::timestamptz, ${now}::timestamptz from target
        on conflict (reservation_id) do update set stars = excluded.stars, updated_at = excluded.updated_at
          where ratings.created_at > ${now}::timestamptz - interval '${sql.raw(EDIT_WINDOW)}'
        returning stars
      )
      select t.*, (select count(*) from written) as written, (select count(*) from earlier) as earlier
      from target t
    `),
  );
  if (!row) throw new AppError({ code: 'rating.not_allowed' });
  if (num(row.written) === 0) throw new AppError({ code: 'rating.edit_window_over' });
  return {
    reservationId: input.reservationId,
    stars: input.stars,
    venueName: String(row.venue_name),
    itemName: String(row.item_name),
    first: num(row.earlier) === 0,
  };
}

/** Adds (or replaces) the comment of the customer's rating, within its 24 hours. Blank clears it. */
export async function commentRating(
  db: Db,
  input: { reservationId: number; customerId: number; comment: string; now: Date },
): Promise<void> {
  const comment = input.comment.trim();
  if (comment.length > RATING_COMMENT_MAX) {
    throw new AppError({ code: 'rating.comment_too_long', max: RATING_COMMENT_MAX });
  }
  const now = input.now.toISOString();
  const row = firstRow(
    await db.execute(sql`
      with mine as (
        select id, created_at from ratings
        where reservation_id = ${input.reservationId} and customer_id = ${input.customerId}
      ),
      changed as (
        update ratings set comment = ${comment || null}, updated_at = ${now}::timestamptz
        where id = (select id from mine) and created_at > ${now}::timestamptz - interval '${sql.raw(EDIT_WINDOW)}'
        returning id
      )
      select (select count(*) from mine) as found, (select count(*) from changed) as changed
    `),
  );
  if (num(row?.found ?? 0) === 0) throw new AppError({ code: 'rating.not_allowed' });
  if (num(row?.changed ?? 0) === 0) throw new AppError({ code: 'rating.edit_window_over' });
}

export interface VenueRatings {
  venueName: string;
  average: number | null;
  count: number;
  recent: Array<{ stars: number; comment: string | null; itemName: string; ratedAt: Date }>;
}

/** The ratings of the caller's venue: average, count and the newest few. Null when they have no venue. */
export async function getVenueRatings(
  db: Db,
  input: { ownerId: number; limit?: number },
): Promise<VenueRatings | null> {
  const result = await db.execute(sql`
    with venue as (select id, name from venues where owner_id = ${input.ownerId})
    select v.name, s.average, s.count, r.stars, r.comment, r.created_at, i.name as item_name
    from venue v
      cross join lateral (select round(avg(stars), 1) as average, count(*) as count from ratings where venue_id = v.id) s
      left join lateral (
        select * from ratings where venue_id = v.id order by created_at desc, id desc limit ${input.limit ?? 10}
      ) r on true
      left join reservations p on p.id = r.reservation_id
      left join offer_items i on i.id = p.item_id
    order by r.created_at desc nulls last, r.id desc
  `);
  const rows = allRows(result);
  const first = rows[0];
  if (!first) return null;
  const count = num(first.count);
  return {
    venueName: String(first.name),
    average: count > 0 ? num(first.average) : null,
    count,
    recent: rows
      .filter((row) => row.stars != null)
      .map((row) => ({
        stars: num(row.stars),
        comment: row.comment == null ? null : String(row.comment),
        itemName: String(row.item_name ?? ''),
        ratedAt: date(row.created_at),
      })),
  };
}
