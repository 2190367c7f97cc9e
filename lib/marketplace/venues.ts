import { eq, sql } from 'drizzle-orm';
import { type Venue, venues } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { date, dateOrNull, firstRow, num, numOrNull, type RawRow } from './rows.js';
import { zoneOfLocation } from './time-zones.js';
import type { VenueStatus } from './users.js';

export interface VenueDraft {
  ownerId: number;
  ownerFirstName: string;
  name: string;
  address: string;
  latitude?: number | null;
  longitude?: number | null;
  phone: string;
  description: string;
  photoFileId?: string | null;
}

const toVenue = (row: RawRow): Venue => ({
  id: num(row.id),
  ownerId: num(row.owner_id),
  name: String(row.name),
  address: String(row.address),
  latitude: numOrNull(row.latitude),
  longitude: numOrNull(row.longitude),
  phone: String(row.phone),
  description: String(row.description ?? ''),
  photoFileId: (row.photo_file_id as string | null) ?? null,
  status: row.status as VenueStatus,
  rejectionReason: (row.rejection_reason as string | null) ?? null,
  changeRequest: (row.change_request as string | null) ?? null,
  suspensionReason: (row.suspension_reason as string | null) ?? null,
  approvedName: (row.approved_name as string | null) ?? null,
  approvedAddress: (row.approved_address as string | null) ?? null,
  timeZone: (row.time_zone as string | null) ?? null,
  acceptsOnlinePayment: row.accepts_online_payment === true || row.accepts_online_payment === 't',
  reviewedBy: numOrNull(row.reviewed_by),
  reviewedAt: dateOrNull(row.reviewed_at),
  createdAt: date(row.created_at),
  updatedAt: date(row.updated_at),
});

/**
 * Registers a venue as `pending`, in one statement with its audit row (and the owner's user row, in case
 * this is their first contact). One venue per Telegram account: a second registration is a conflict.
 */
export async function registerVenue(db: Db, draft: VenueDraft): Promise<Venue> {
  const row = firstRow(
    await db.execute(sql`
      with owner as (
        insert into users (id, first_name) values (${draft.ownerId}, ${draft.ownerFirstName})
        on conflict (id) do nothing
      ),
      created as (
        insert into venues (owner_id, name, address, latitude, longitude, time_zone, phone, description, photo_file_id)
        values (${draft.ownerId}, ${draft.name}, ${draft.address}, ${draft.latitude ?? null}, ${draft.longitude ?? null},
                ${zoneOfLocation(draft)}, ${draft.phone}, ${draft.description}, ${draft.photoFileId ?? null})
        on conflict (owner_id) do nothing
        returning *
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${draft.ownerId}, 'venue.registered', 'venue', id, jsonb_build_object('to', 'pending') from created
      )
      select * from created
    `),
  );
  if (!row) throw new AppError({ code: 'venue.already_registered' });
  return toVenue(row);
}

export async function getVenueByOwner(db: Db, ownerId: number): Promise<Venue | undefined> {
  const [row] = await db.select().from(venues).where(eq(venues.ownerId, ownerId)).limit(1);
  return row;
}

export async function getVenueById(db: Db, id: number): Promise<Venue | undefined> {
  const [row] = await db.select().from(venues).where(eq(venues.id, id)).limit(1);
  return row;
}

export type ReviewDecision = 'verify' | 'reject' | 'changes';

export interface ReviewResult {
  venue: Venue;
  /** False when the venue already had the requested status (verifying twice is a no-op). */
  changed: boolean;
}

const reviewRules: Record<
  ReviewDecision,
  { to: 'verified' | 'rejected' | 'changes_requested'; from: VenueStatus[] }
> = {
  // A rejected venue that fixed its details can be verified later.
  verify: { to: 'verified', from: ['pending', 'rejected', 'changes_requested'] },
  reject: { to: 'rejected', from: ['pending', 'changes_requested'] },
  // The registration goes back to its owner with what to fix; their /register resubmits it (resubmitVenue).
  changes: { to: 'changes_requested', from: ['pending'] },
};

/**
 * An admin verifies or rejects a venue, or asks its owner for changes (`reason` says what to fix); the status
 * change and its audit row are one statement.
 */
export async function reviewVenue(
  db: Db,
  input: { venueId: number; adminId: number; decision: ReviewDecision; reason?: string },
): Promise<ReviewResult> {
  const rule = reviewRules[input.decision];
  const reason = input.decision === 'verify' ? null : (input.reason ?? null);
  const rejection = input.decision === 'reject' ? reason : null;
  const changeRequest = input.decision === 'changes' ? reason : null;
  const row = firstRow(
    await db.execute(sql`
      with target as (select id, status from venues where id = ${input.venueId}),
      changed as (
        update venues set status = ${rule.to}, rejection_reason = ${rejection}, change_request = ${changeRequest},
          reviewed_by = ${input.adminId}, reviewed_at = now(), updated_at = now()
        where id = ${input.venueId} and status in ${sql.raw(`(${rule.from.map((s) => `'${s}'`).join(',')})`)}
        returning id, status
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.adminId}, ${`venue.${input.decision}`}, 'venue', id,
          jsonb_build_object('from', (select status from target), 'to', status, 'reason', ${reason}::text)
        from changed
      )
      select (select status from target) as before, (select count(*) from changed) as changed
    `),
  );
  if (!row || row.before === null) throw new AppError({ code: 'venue.not_found' });
  const changed = num(row.changed) > 0;
  if (!changed && row.before !== rule.to) {
    throw new AppError({ code: 'venue.wrong_state', status: row.before as VenueStatus, to: rule.to });
  }
  const venue = await getVenueById(db, input.venueId);
  return { venue: venue!, changed };
}
