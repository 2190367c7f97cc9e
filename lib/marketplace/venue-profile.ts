import { type SQL, sql } from 'drizzle-orm';
import type { Venue } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, num } from './rows.js';
import { zoneOnMove } from './time-zones.js';
import { venuesOf } from './venue-access.js';
import { getVenueById } from './venues.js';

/**
 * The owner keeps the venue's profile up to date. A new name or address of a verified venue needs an admin's
 * look (customers go there to collect), but the venue stays verified meanwhile: its live offers stay up and it
 * keeps selling. `approved_name`/`approved_address` hold what was approved while a change awaits review; an
 * admin approves the change or reverts to them (docs/data-model.md, "Venue").
 */
export type ProfileEdit =
  | { field: 'name'; value: string }
  | { field: 'address'; value: string }
  | { field: 'location'; value: { latitude: number; longitude: number } | null }
  | { field: 'phone'; value: string }
  | { field: 'description'; value: string }
  | { field: 'photo'; value: string | null };

export const PROFILE_LIMITS = {
  name: { min: 2, max: 80 },
  address: { min: 5, max: 200 },
  description: { max: 300 },
} as const;

export interface ProfileEditResult {
  venue: Venue;
  /** The edit changed the name or address of a verified venue, and that now awaits review. */
  awaitsReview: boolean;
  /** What was approved before, for the admins' card. */
  approved: { name: string; address: string } | null;
}

/** The SET clause of one edit (the UPDATE's own row is `v`). */
function setterOf(edit: ProfileEdit): SQL {
  switch (edit.field) {
    case 'name':
      return sql`name = ${edit.value.trim()}`;
    case 'address':
      return sql`address = ${edit.value.trim()}`;
    case 'location':
      return sql`latitude = ${edit.value?.latitude ?? null}, longitude = ${edit.value?.longitude ?? null},
        time_zone = ${zoneOnMove(edit.value ?? {})}`;
    case 'phone':
      return sql`phone = ${edit.value}`;
    case 'description':
      return sql`description = ${edit.value.trim()}`;
    case 'photo':
      return sql`photo_file_id = ${edit.value}`;
  }
}

/**
 * One field of the caller's venue (owner only), in one statement with its audit row. The profile's own rules
 * are checked by the wizard that asks (it re-asks with the reason); absolute values, so a retry is harmless.
 */
export async function editVenueProfile(
  db: Db,
  input: { ownerId: number; edit: ProfileEdit },
): Promise<ProfileEditResult> {
  const { edit } = input;
  const reviewed = edit.field === 'name' || edit.field === 'address';
  const name = edit.field === 'name' ? sql`${edit.value.trim()}::text` : sql`o.name`;
  const address = edit.field === 'address' ? sql`${edit.value.trim()}::text` : sql`o.address`;
  // A verified venue's name/address change awaits review, keeping what was approved; back to it, nothing does.
  const approved = (column: SQL, now: SQL) => sql`case
    when not ${reviewed} or o.status <> 'verified' then ${column}
    when ${name} = coalesce(o.approved_name, o.name) and ${address} = coalesce(o.approved_address, o.address) then null
    else coalesce(${column}, ${now}) end`;
  const row = firstRow(
    await db.execute(sql`
      with old as (
        select id, name, address, status, approved_name, approved_address from venues
        where id in ${venuesOf(input.ownerId, 'manage')} for update
      ),
      changed as (
        update venues v set ${setterOf(edit)},
          approved_name = ${approved(sql`o.approved_name`, sql`o.name`)},
          approved_address = ${approved(sql`o.approved_address`, sql`o.address`)},
          updated_at = now()
        from old o where v.id = o.id
        returning v.id, v.approved_name, v.approved_address
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.ownerId}, 'venue.profile', 'venue', id, jsonb_build_object('field', ${edit.field}::text)
        from changed
      )
      select * from changed
    `),
  );
  if (row?.id == null) throw new AppError({ code: 'venue.not_found' });
  const venue = (await getVenueById(db, num(row.id)))!;
  const awaitsReview = reviewed && row.approved_name != null;
  return {
    venue,
    awaitsReview,
    approved: awaitsReview
      ? { name: String(row.approved_name), address: String(row.approved_address) }
      : null,
  };
}

/**
 * An admin decides on a name/address change: approve it (it stays) or revert to what was approved. The venue
 * stays verified either way; nothing else about it changes.
 */
export async function reviewVenueChange(
  db: Db,
  input: { venueId: number; adminId: number; decision: 'approve' | 'revert' },
): Promise<Venue> {
  const revert = input.decision === 'revert';
  const row = firstRow(
    await db.execute(sql`
      with decided as (
        update venues set
          name = case when ${revert} then approved_name else name end,
          address = case when ${revert} then approved_address else address end,
          approved_name = null, approved_address = null, reviewed_by = ${input.adminId}, reviewed_at = now(),
          updated_at = now()
        where id = ${input.venueId} and approved_name is not null
        returning id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.adminId}, ${`venue.change_${input.decision}`}, 'venue', id, '{}'::jsonb from decided
      )
      select (select count(*) from decided) as decided, exists (select 1 from venues where id = ${input.venueId}) as found
    `),
  );
  if (row?.found !== true && row?.found !== 't') throw new AppError({ code: 'venue.not_found' });
  if (num(row.decided) === 0) throw new AppError({ code: 'venue.no_change_to_review' });
  return (await getVenueById(db, input.venueId))!;
}

/** How many staff and running drops the venue has, for its profile card. */
export async function venueTeamCounts(db: Db, venueId: number): Promise<{ staff: number; drops: number }> {
  const row = firstRow(
    await db.execute(sql`
      select (select count(*) from memberships where venue_id = ${venueId}) as staff,
        (select count(*) from drops where venue_id = ${venueId} and status = 'active') as drops
    `),
  );
  return { staff: num(row?.staff ?? 0), drops: num(row?.drops ?? 0) };
}
