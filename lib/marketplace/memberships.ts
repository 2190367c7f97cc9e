import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { allRows, date, firstRow, num } from './rows.js';
import { venuesOf } from './venue-access.js';

/**
 * Staff: people the owner lets work the counter (lib/marketplace/venue-access.ts says what they may do). The
 * owner makes a one-time invite link; whoever opens it first joins. Only the token's hash is stored, so the
 * database alone can't be used to join.
 */
const INVITE_DAYS = 7;
/** The start parameter of an invite link: `staff_<token>` (Telegram allows 64 of A-Z a-z 0-9 _ -). */
export const INVITE_PREFIX = 'staff_';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export interface StaffMember {
  userId: number;
  firstName: string;
  username: string | null;
  since: Date;
}

/** A new invite link's token for the caller's venue (owner only). */
export async function createStaffInvite(
  db: Db,
  input: { ownerId: number; now: Date },
): Promise<{ token: string; expiresAt: Date; venueName: string }> {
  const token = randomBytes(16).toString('base64url');
  const expiresAt = new Date(input.now.getTime() + INVITE_DAYS * 86_400_000);
  const row = firstRow(
    await db.execute(sql`
      with venue as (select id, name from venues where id in ${venuesOf(input.ownerId, 'manage')}),
      invite as (
        insert into staff_invites (token_hash, venue_id, created_by, expires_at)
        select ${hashOf(token)}, id, ${input.ownerId}, ${expiresAt.toISOString()}::timestamptz from venue
        returning venue_id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.ownerId}, 'staff.invited', 'venue', venue_id, '{}'::jsonb from invite
      )
      select (select name from venue) as name, (select count(*) from invite) as created
    `),
  );
  if (!row || num(row.created) === 0) throw new AppError({ code: 'venue.owner_only' });
  return { token, expiresAt, venueName: String(row.name) };
}

export interface JoinResult {
  venue: { id: number; name: string; ownerId: number };
  /** False when this person had already joined with this link (a second tap, a redelivery). */
  joined: boolean;
}

/**
 * Joins the venue an invite is for, in one statement: the link is used up, the membership and an audit row are
 * written. Refused when the link is unknown, used by someone else or expired, and when the person already owns
 * or works at a venue (one venue per account).
 */
export async function joinStaff(
  db: Db,
  input: { token: string; user: { id: number; firstName: string }; now: Date },
): Promise<JoinResult> {
  const now = input.now.toISOString();
  const row = firstRow(
    await db.execute(sql`
      with invite as (
        select token_hash, venue_id, used_by, created_by from staff_invites
        where token_hash = ${hashOf(input.token)}
          and ((used_by is null and expires_at > ${now}::timestamptz) or used_by = ${input.user.id})
        for update
      ),
      person as (
        insert into users (id, first_name) values (${input.user.id}, ${input.user.firstName})
        on conflict (id) do nothing
      ),
      seated as (
        select 1 from venues where owner_id = ${input.user.id}
        union all select 1 from memberships where user_id = ${input.user.id}
      ),
      used as (
        update staff_invites set used_by = ${input.user.id}, used_at = ${now}::timestamptz
        where token_hash = (select token_hash from invite where used_by is null) and not exists (select 1 from seated)
        returning venue_id
      ),
      member as (
        insert into memberships (venue_id, user_id, role, added_by)
        select venue_id, ${input.user.id}, 'staff', (select created_by from invite) from used
        returning venue_id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.user.id}, 'staff.joined', 'venue', venue_id, '{}'::jsonb from member
      )
      select b.id, b.name, b.owner_id, (select count(*) from member) as joined,
        (select used_by from invite) as used_by, exists (select 1 from seated) as seated
      from venues b where b.id = (select venue_id from invite)
    `),
  );
  if (!row) throw new AppError({ code: 'staff.invite_invalid' });
  const venue = { id: num(row.id), name: String(row.name), ownerId: num(row.owner_id) };
  if (num(row.joined) > 0) return { venue, joined: true };
  if (row.used_by != null && num(row.used_by) === input.user.id) return { venue, joined: false };
  throw new AppError({ code: 'staff.has_venue' });
}

/** The venue's staff, longest-serving first (owner only). */
export async function listStaff(db: Db, input: { ownerId: number }): Promise<StaffMember[]> {
  const rows = allRows(
    await db.execute(sql`
      select m.user_id, coalesce(u.first_name, '') as first_name, u.username, m.created_at
      from memberships m left join users u on u.id = m.user_id
      where m.venue_id in ${venuesOf(input.ownerId, 'manage')}
      order by m.created_at, m.id
    `),
  );
  return rows.map((row) => ({
    userId: num(row.user_id),
    firstName: String(row.first_name),
    username: row.username == null ? null : String(row.username),
    since: date(row.created_at),
  }));
}

/** The owner removes someone from the staff; they lose the counter at once. */
export async function removeStaff(
  db: Db,
  input: { ownerId: number; userId: number },
): Promise<{ firstName: string; venueName: string }> {
  const row = firstRow(
    await db.execute(sql`
      with removed as (
        delete from memberships where user_id = ${input.userId} and venue_id in ${venuesOf(input.ownerId, 'manage')}
        returning venue_id, user_id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.ownerId}, 'staff.removed', 'venue', venue_id, jsonb_build_object('user_id', user_id) from removed
      )
      select coalesce(u.first_name, '') as first_name, b.name as venue_name
      from removed r join venues b on b.id = r.venue_id left join users u on u.id = r.user_id
    `),
  );
  if (!row) throw new AppError({ code: 'staff.not_found' });
  return { firstName: String(row.first_name), venueName: String(row.venue_name) };
}
