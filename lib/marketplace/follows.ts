import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { allRows, date, firstRow, num } from './rows.js';

/**
 * Following a venue (db/schema.ts `follows`): its newly published offers reach the follower as deal alerts
 * (lib/marketplace/deal alerts.ts). Both writes set an absolute state, so a double tap or a redelivery is harmless.
 */

export interface FollowChange {
  venueId: number;
  venueName: string;
  /** False when the follow (or unfollow) was already in place. */
  changed: boolean;
}

/** Follows a verified venue; any other venue id (missing, suspended, forged) is "not available". */
export async function followVenue(
  db: Db,
  input: { customerId: number; firstName: string; venueId: number; now: Date },
): Promise<FollowChange> {
  const row = firstRow(
    await db.execute(sql`
      with venue as (
        select id, name from venues where id = ${input.venueId} and status = 'verified'
      ),
      customer as (
        insert into users (id, first_name) values (${input.customerId}, ${input.firstName})
        on conflict (id) do nothing
      ),
      added as (
        insert into follows (customer_id, venue_id, created_at)
        select ${input.customerId}, id, ${input.now.toISOString()}::timestamptz from venue
        on conflict do nothing
        returning venue_id
      )
      select v.id, v.name, (select count(*) from added) as added from venue v
    `),
  );
  if (!row) throw new AppError({ code: 'follow.venue_unavailable' });
  return { venueId: num(row.id), venueName: String(row.name), changed: num(row.added) > 0 };
}

/** Stops following; unfollowing a venue one doesn't follow changes nothing and is no error. */
export async function unfollowVenue(
  db: Db,
  input: { customerId: number; venueId: number },
): Promise<FollowChange> {
  const row = firstRow(
    await db.execute(sql`
      with removed as (
        delete from follows where customer_id = ${input.customerId} and venue_id = ${input.venueId}
        returning venue_id
      )
      select b.id, b.name, (select count(*) from removed) as removed
      from venues b where b.id = ${input.venueId}
    `),
  );
  if (!row) throw new AppError({ code: 'follow.venue_unavailable' });
  return { venueId: num(row.id), venueName: String(row.name), changed: num(row.removed) > 0 };
}

export interface FollowedVenue {
  venueId: number;
  name: string;
  address: string;
  /** Its offers a customer can reserve right now. */
  liveOffers: number;
  followedAt: Date;
}

/** The venues a customer follows, newest first (at most `limit`). */
export async function listFollowedVenues(
  db: Db,
  input: { customerId: number; now: Date; limit?: number },
): Promise<FollowedVenue[]> {
  const result = await db.execute(sql`
    select b.id, b.name, b.address, f.created_at,
      (select count(*) from offers o where o.venue_id = b.id and o.status = 'active'
        and o.pickup_end > ${input.now.toISOString()}::timestamptz and o.units_available > 0) as live
    from follows f join venues b on b.id = f.venue_id
    where f.customer_id = ${input.customerId}
    order by f.created_at desc, b.id desc
    limit ${input.limit ?? 30}
  `);
  return allRows(result).map((row) => ({
    venueId: num(row.id),
    name: String(row.name),
    address: String(row.address),
    liveOffers: num(row.live),
    followedAt: date(row.created_at),
  }));
}
