import { sql } from 'drizzle-orm';
import type { Venue } from '../../db/schema.js';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow } from './rows.js';
import { zoneOnMove } from './time-zones.js';
import { getVenueById, type VenueDraft } from './venues.js';

/**
 * The owner of a venue an admin sent back (`changes_requested`) or rejected answers the registration again: the
 * details are replaced, the admin's request or reason is cleared and the venue waits for review (`pending`), in one
 * statement with its audit row. A venue no longer waiting for changes (reviewed meanwhile) is refused and left as
 * it is.
 */
export async function resubmitVenue(db: Db, draft: Omit<VenueDraft, 'ownerFirstName'>): Promise<Venue> {
  const row = firstRow(
    await db.execute(sql`
      with before as (
        select id, status from venues where owner_id = ${draft.ownerId} and status in ('changes_requested', 'rejected')
      ),
      changed as (
        update venues set name = ${draft.name}, address = ${draft.address}, latitude = ${draft.latitude ?? null},
          longitude = ${draft.longitude ?? null}, time_zone = ${zoneOnMove(draft)}, phone = ${draft.phone}, description = ${draft.description},
          photo_file_id = ${draft.photoFileId ?? null}, status = 'pending', change_request = null,
          rejection_reason = null, updated_at = now()
        where id = (select id from before)
        returning id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${draft.ownerId}, 'venue.resubmit', 'venue', id,
          jsonb_build_object('from', (select status from before), 'to', 'pending')
        from changed
      )
      select id from changed
    `),
  );
  if (!row) throw new AppError({ code: 'venue.no_changes_requested' });
  return (await getVenueById(db, Number(row.id)))!;
}
