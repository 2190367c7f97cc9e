import { sql } from 'drizzle-orm';
import type { User } from '../../db/schema.js';
import { type Db, rowsOf } from '../infra/db.js';
import { allRows, num } from './rows.js';

export interface TelegramPerson {
  id: number;
  username?: string;
  firstName: string;
  languageCode?: string;
}

/** `venue`: owns a venue; `staff`: works at one (lib/marketplace/venue-access.ts says what each may do). */
export type Role = 'admin' | 'venue' | 'staff' | 'customer';
export type VenueStatus = 'pending' | 'changes_requested' | 'verified' | 'rejected' | 'suspended';

/** Issue 17: a language a person chose with /language (db/schema.ts `language`). */
export type ChosenLanguage = NonNullable<User['language']>;

export interface Visitor {
  role: Role;
  venue?: { id: number; name: string; status: VenueStatus };
  /** Issue 17: the language they chose with /language; null when they never did. */
  language: ChosenLanguage | null;
}

/**
 * Records that a person talked to the bot (creating them on first contact, clearing a "blocked" mark)
 * and returns their role and chosen language, in one statement.
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
      returning language
    ),
    seat as (
      select b.id, b.name, b.status, false as staff from venues b where b.owner_id = ${person.id}
      union all
      select b.id, b.name, b.status, true from memberships m join venues b on b.id = m.venue_id
      where m.user_id = ${person.id} and m.role = 'staff'
      limit 1
    )
    select v.language, s.id, s.name, s.status, s.staff from visit v left join seat s on true
  `);
  const row = rowsOf<{
    language: ChosenLanguage | null;
    id: string | number | null;
    name: string;
    status: VenueStatus;
    staff: boolean;
  }>(result)[0];
  const venue = row?.id != null ? { id: Number(row.id), name: row.name, status: row.status } : undefined;
  const role: Role = adminIds.includes(person.id)
    ? 'admin'
    : row?.staff
      ? 'staff'
      : venue
        ? 'venue'
        : 'customer';
  return { role, venue, language: row?.language ?? null };
}

/**
 * Issue 17: stores the language a person chose (an absolute value: a retry sets the same again), creating
 * them if this is their first word to the bot.
 */
export async function chooseLanguage(
  db: Db,
  input: { userId: number; firstName: string; language: ChosenLanguage },
): Promise<void> {
  await db.execute(sql`
    insert into users (id, first_name, language) values (${input.userId}, ${input.firstName}, ${input.language})
    on conflict (id) do update set language = excluded.language
  `);
}

/**
 * The column a query selects for a recipient's language (`u` the users row): their choice, else the
 * language_code Telegram sent on their last visit; null when neither is known. lib/bot reads it with
 * languageFromTelegram, so the statements that load recipients load their languages too.
 */
export const languageTagOf = (alias: string) =>
  sql.raw(`coalesce(${alias}.language::text, ${alias}.language_code)`);

/** Issue 17: the language tags (as `languageTagOf`) of these people, in one statement; unknown people are absent. */
export async function languageTagsOf(
  db: Db,
  userIds: readonly number[],
): Promise<Map<number, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = allRows(
    await db.execute(sql`
      select u.id, ${languageTagOf('u')} as tag from users u
      where u.id = any(${`{${userIds.join(',')}}`}::bigint[])
    `),
  );
  return new Map(rows.map((r) => [num(r.id), (r.tag as string | null) ?? null]));
}

/**
 * Issue 17: everyone whose command menu is set for their own chat, with the role it shows and their language
 * tag: owners of verified venues, staff, admins, and anyone else who chose a language (a customer's menu in
 * their language). For `npm run setup`, which sets them all again.
 */
export async function chatMenuHolders(
  db: Db,
  adminIds: readonly number[],
): Promise<Array<{ userId: number; role: Role; tag: string | null }>> {
  const admins = `{${adminIds.join(',')}}`;
  const rows = allRows(
    await db.execute(sql`
      with holder as (
        select u.id, case
            when u.id = any(${admins}::bigint[]) then 'admin'
            when exists (select 1 from venues b where b.owner_id = u.id and b.status = 'verified') then 'venue'
            when exists (select 1 from memberships m where m.user_id = u.id and m.role = 'staff') then 'staff'
            else 'customer'
          end as role,
          ${languageTagOf('u')} as tag, u.language
        from users u
      )
      select id, role, tag from holder
      where role <> 'customer' or language is not null
      union
      select a.id, 'admin', null from unnest(${admins}::bigint[]) as a(id)
      where not exists (select 1 from users u where u.id = a.id)
      order by id
    `),
  );
  return rows.map((r) => ({
    userId: num(r.id),
    role: r.role as Role,
    tag: (r.tag as string | null) ?? null,
  }));
}

/** The user blocked the bot (Telegram answered 403): stop messaging them until they come back. */
export async function markUserBlocked(db: Db, userId: number): Promise<void> {
  await db.execute(sql`update users set blocked_at = now() where id = ${userId} and blocked_at is null`);
}
