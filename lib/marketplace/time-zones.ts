import tzLookup from '@photostructure/tz-lookup';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { allRows, num } from './rows.js';

/**
 * Every venue runs on its own clock: `venues.time_zone` holds the IANA zone of its location, looked up offline
 * (@photostructure/tz-lookup: one 73 KB file, no data files, so it bundles into the functions; geo-tz would
 * ship 71 MB of polygons read from disk). Pickup windows are typed and shown in the venue's zone. A venue
 * without a location has none (null) and uses the deployment's TIMEZONE, read through `venueZone`, so a
 * changed TIMEZONE moves them all. An admin can override a venue's zone (/timezone); a new location looks it
 * up again.
 */

/** The zone a venue's times are typed and shown in: its own, else the deployment's default (TIMEZONE). */
export const venueZone = (venue: { timeZone: string | null }, config: { timezone: string }): string =>
  venue.timeZone ?? config.timezone;

/** Zone names Intl knows, lower-cased → as spelled by the tz database ("europe/berlin" → "Europe/Berlin"). */
let known: Map<string, string> | undefined;
function knownZones(): Map<string, string> {
  known ??= new Map(
    [...Intl.supportedValuesOf('timeZone'), 'UTC'].map((zone) => [zone.toLowerCase(), zone] as const),
  );
  return known;
}

/**
 * The IANA zone `text` names, spelled canonically, or null when Intl doesn't know it. Links Intl accepts but
 * doesn't list (Asia/Kolkata, Europe/Kyiv, Etc/GMT+10) are kept as typed: Intl resolves them itself.
 */
export function timeZoneNamed(text: string): string | null {
  const name = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(name)) return null;
  const listed = knownZones().get(name.toLowerCase());
  if (listed) return listed;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

/** The zone at a point, or null when the coordinates are out of range or the lookup names no zone Intl knows. */
export function zoneAt(latitude: number, longitude: number): string | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  try {
    return timeZoneNamed(tzLookup(latitude, longitude));
  } catch {
    return null;
  }
}

/** A venue's zone for a location it is given (null without one: the deployment's default applies). */
export const zoneOfLocation = (location: { latitude?: number | null; longitude?: number | null }) =>
  location.latitude == null || location.longitude == null
    ? null
    : zoneAt(location.latitude, location.longitude);

/**
 * The SET value of `time_zone` in an UPDATE that gives a venue `location`: a moved venue takes the zone of its new
 * place (replacing an admin's override), an unmoved one keeps its zone (so an override survives an unchanged pin).
 */
export function zoneOnMove(location: { latitude?: number | null; longitude?: number | null }): SQL {
  const latitude = location.latitude ?? null;
  const longitude = location.longitude ?? null;
  return sql`case when latitude is not distinct from ${latitude}::double precision
    and longitude is not distinct from ${longitude}::double precision then time_zone
    else ${zoneOfLocation(location)}::text end`;
}

/**
 * Venues that have a location but no zone (registered before migration 0008) get the zone of their location.
 * Run by `npm run db:migrate` after the migrations; a second run finds nothing to do. Returns how many changed.
 */
export async function backfillVenueZones(db: Db): Promise<number> {
  const rows = allRows(
    await db.execute(sql`
      select id, latitude, longitude from venues
      where time_zone is null and latitude is not null and longitude is not null`),
  );
  let changed = 0;
  for (const row of rows) {
    const zone = zoneAt(num(row.latitude), num(row.longitude));
    if (!zone) continue;
    await db.execute(
      sql`update venues set time_zone = ${zone} where id = ${num(row.id)} and time_zone is null`,
    );
    changed += 1;
  }
  return changed;
}

/** A row's `time_zone` column (null: the venue has none, TIMEZONE applies). */
export const zoneOf = (value: unknown): string | null => (value == null ? null : String(value));

/**
 * The zone a customer's deal alerts keep quiet hours in: that of their saved search's centre, the one place of
 * theirs we keep (a job has no session, and their shared location is never stored); else TIMEZONE. /settings
 * shows the same zone, so what it says is what the fan-out does.
 */
export const quietHoursZone = (
  place: { latitude: number; longitude: number } | null,
  config: { timezone: string },
): string => (place && zoneAt(place.latitude, place.longitude)) ?? config.timezone;
