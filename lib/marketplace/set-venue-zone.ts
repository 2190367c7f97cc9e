import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, num } from './rows.js';

export interface VenueZoneChange {
  venueId: number;
  venueName: string;
  /** The venue's own zone before (null: it had none and used TIMEZONE). */
  before: string | null;
  zone: string;
  /** False when the venue already had this zone: nothing was written, no audit row. */
  changed: boolean;
}

/**
 * An admin sets a venue's time zone (`/timezone <venue id> <zone>`), e.g. where the lookup of a location near a
 * border named the neighbour's zone. `zone` is already checked (timeZoneNamed). An absolute value, so a repeat
 * changes nothing; the change and its audit row are one statement. Offers keep their instants: a window typed
 * before shows at the same moment, in the new zone's wall-clock time. A later move of the venue's location
 * looks its zone up again (zoneOnMove).
 */
export async function setVenueZone(
  db: Db,
  input: { venueId: number; adminId: number; zone: string },
): Promise<VenueZoneChange> {
  const row = firstRow(
    await db.execute(sql`
      with target as (select id, name, time_zone from venues where id = ${input.venueId} for update),
      changed as (
        update venues v set time_zone = ${input.zone}, updated_at = now()
        from target t where v.id = t.id and t.time_zone is distinct from ${input.zone}::text
        returning v.id
      ),
      audit as (
        insert into audit_log (actor_id, action, entity, entity_id, data)
        select ${input.adminId}, 'venue.time_zone', 'venue', c.id,
          jsonb_build_object('from', (select time_zone from target), 'to', ${input.zone}::text)
        from changed c
      )
      select t.name, t.time_zone as before, (select count(*) from changed) as changed from target t
    `),
  );
  if (!row) throw new AppError({ code: 'venue.not_found' });
  return {
    venueId: input.venueId,
    venueName: String(row.name),
    before: (row.before as string | null) ?? null,
    zone: input.zone,
    changed: num(row.changed) > 0,
  };
}
