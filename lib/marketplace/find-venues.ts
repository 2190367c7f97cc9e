import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import { users, type Venue, venues } from '../../db/schema.js';
import type { Db } from '../infra/db.js';
import type { VenueStatus } from './users.js';

/** A venue as an admin's card shows it: with its owner's Telegram name, so the admin can reach them. */
export interface VenueWithOwner {
  venue: Venue;
  owner: { username: string | null; firstName: string } | null;
}

// Flat columns, mapped below: drizzle nulls a left-joined nested object when its first column is null.
const withOwner = { venue: venues, ownerFirstName: users.firstName, ownerUsername: users.username };

const toCard = (row: { venue: Venue; ownerFirstName: string | null; ownerUsername: string | null }) => ({
  venue: row.venue,
  owner: row.ownerFirstName === null ? null : { username: row.ownerUsername, firstName: row.ownerFirstName },
});

/** `%` and `_` typed by an admin are letters, not wildcards. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Venues for `/venues`: optionally of one status, optionally whose name or address contains `text`
 * (case-insensitive), a page at a time. Those waiting for review come oldest first (first come, first served),
 * any other list newest first. Venues number in the thousands at most: the status index narrows, a scan of
 * names does the rest.
 */
export async function findVenues(
  db: Db,
  input: { status?: VenueStatus; text?: string; page: number; pageSize: number },
): Promise<{ items: VenueWithOwner[]; total: number }> {
  const filters: SQL[] = [];
  if (input.status) filters.push(eq(venues.status, input.status));
  if (input.text) {
    const pattern = likePattern(input.text);
    filters.push(or(ilike(venues.name, pattern), ilike(venues.address, pattern))!);
  }
  const where = filters.length > 0 ? and(...filters) : undefined;
  const order =
    input.status === 'pending'
      ? [asc(venues.createdAt), asc(venues.id)]
      : [desc(venues.createdAt), desc(venues.id)];
  const [rows, [total]] = await Promise.all([
    db
      .select(withOwner)
      .from(venues)
      .leftJoin(users, eq(users.id, venues.ownerId))
      .where(where)
      .orderBy(...order)
      .limit(input.pageSize)
      .offset(input.page * input.pageSize),
    db.select({ n: count() }).from(venues).where(where),
  ]);
  return { items: rows.map(toCard), total: total?.n ?? 0 };
}

export async function getVenueWithOwner(db: Db, venueId: number): Promise<VenueWithOwner | undefined> {
  const [row] = await db
    .select(withOwner)
    .from(venues)
    .leftJoin(users, eq(users.id, venues.ownerId))
    .where(eq(venues.id, venueId))
    .limit(1);
  return row ? toCard(row) : undefined;
}
