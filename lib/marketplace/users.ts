import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../infra/db.js';

export interface TelegramPerson {
  id: number;
  username?: string;
  firstName: string;
  languageCode?: string;
}

/** `venue`: owns a venue; `staff`: works at one (lib/marketplace/venue-access.ts says what each may do). */
export type Role = 'admin' | 'venue' | 'staff' | 'customer';
export type VenueStatus = 'pending' | 'changes_requested' | 'verified' | 'rejected' | 'suspended';

export interface Visitor {
  role: Role;
  venue?: { id: number; name: string; status: VenueStatus };
}

/**
 * Records that a person talked to the bot (creating them on first contact, clearing a "blocked" mark)
 * and returns their role, in one statement: a data-modifying CTE runs even though the SELECT ignores it.
 */
export async function recordVisit(
  db: Db,
  person: TelegramPerson,
  adminIds: readonly number[],
): Promise<Visitor> {
  const result = await db.execute(sql`
    with visit as (
      insert into users (id, username, first_name, language_code)
      values (${person.id}, ${person.username ?? null}, ${person.firstName}, ${person.languageCode ?? null})
      on conflict (id) do update set
        username = excluded.username,
        first_name = excluded.first_name,
        language_code = excluded.language_code,
        last_seen_at = now(),
        blocked_at = null
      returning id
    )
    select b.id, b.name, b.status, false as staff from venues b where b.owner_id = ${person.id}
    union all
    select b.id, b.name, b.status, true from memberships m join venues b on b.id = m.venue_id
    where m.user_id = ${person.id} and m.role = 'staff'
    limit 1
  `);
  const row = rowsOf<{ id: string | number; name: string; status: VenueStatus; staff: boolean }>(result)[0];
  const venue = row ? { id: Number(row.id), name: row.name, status: row.status } : undefined;
  const role: Role = adminIds.includes(person.id)
    ? 'admin'
    : row?.staff
      ? 'staff'
      : venue
        ? 'venue'
        : 'customer';
  return { role, venue };
}

/** The user blocked the bot (Telegram answered 403): stop messaging them until they come back. */
export async function markUserBlocked(db: Db, userId: number): Promise<void> {
  await db.execute(sql`update users set blocked_at = now() where id = ${userId} and blocked_at is null`);
}
