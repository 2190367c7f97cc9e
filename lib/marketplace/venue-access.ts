import { type SQL, sql } from 'drizzle-orm';
import type { Venue } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow } from './rows.js';

/**
 * Who may do what for a venue: the one place where roles become permissions. The owner is `venues.owner_id`;
 * staff are `memberships` rows. Every statement that acts for a venue narrows its rows with `venuesOf`, so
 * authorisation happens inside the write itself, whatever a button's data claims.
 */
type VenueRole = 'owner' | 'staff';

/**
 * - `manage`: offers, drops, the venue's profile and its staff: the owner only.
 * - `counter`: the day's reservations, pickups (and undoing one), no-shows: the owner and staff.
 */
export type VenuePermission = 'manage' | 'counter';

const grants: Record<VenuePermission, readonly VenueRole[]> = {
  manage: ['owner'],
  counter: ['owner', 'staff'],
};

const mayDo = (role: VenueRole, permission: VenuePermission) => grants[permission].includes(role);

/** SQL, in parentheses: the ids of the venues `userId` may act for with `permission` (`b.id in ${…}`). */
export function venuesOf(userId: number, permission: VenuePermission): SQL {
  if (!mayDo('staff', permission)) return sql`(select id from venues where owner_id = ${userId})`;
  return sql`(select id from venues where owner_id = ${userId}
    union all select venue_id from memberships where user_id = ${userId} and role = 'staff')`;
}

export interface VenueSeat {
  role: VenueRole;
  venue: Pick<Venue, 'id' | 'name' | 'status' | 'ownerId' | 'timeZone'>;
}

/** The venue someone owns or works at (one per account), with their role there; undefined for customers. */
export async function seatOf(db: Db, userId: number): Promise<VenueSeat | undefined> {
  const row = firstRow(
    await db.execute(sql`
      select b.id, b.name, b.status, b.owner_id, b.time_zone, 'owner' as role from venues b where b.owner_id = ${userId}
      union all
      select b.id, b.name, b.status, b.owner_id, b.time_zone, 'staff' from memberships m join venues b on b.id = m.venue_id
      where m.user_id = ${userId} and m.role = 'staff'
      limit 1
    `),
  );
  if (!row) return undefined;
  return {
    role: row.role as VenueRole,
    venue: {
      id: Number(row.id),
      name: String(row.name),
      status: row.status as Venue['status'],
      ownerId: Number(row.owner_id),
      timeZone: (row.time_zone as string | null) ?? null,
    },
  };
}

/**
 * The refusal when an owner-only statement found nothing for `userId`: staff of the offer's venue are told
 * it is the owner's to do; anyone else gets `notFound`, which reveals nothing about other venues' offers.
 * Runs only on the refusal path.
 */
export async function refusalForOffer(
  db: Db,
  { userId, offerId }: { userId: number; offerId: number },
  notFound: AppError = new AppError({ code: 'offer.not_found' }),
): Promise<AppError> {
  const row = firstRow(
    await db.execute(sql`
      select 1 as staff from offers o join memberships m on m.venue_id = o.venue_id
      where o.id = ${offerId} and m.user_id = ${userId} and m.role = 'staff'
    `),
  );
  return row ? new AppError({ code: 'venue.owner_only' }) : notFound;
}
