import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, num, numOrNull } from './rows.js';

/**
 * A saved search (db/schema.ts `saved_searches`): "tell me when there's something within 2 km, under €5",
 * around a point the customer shared. One per customer; saving again replaces it. The point is stored rounded
 * to about 100 m: enough to measure distances to venues, no more than that.
 */
export interface SavedSearchView {
  latitude: number;
  longitude: number;
  radiusM: number;
  /** Minor units; null for any price. */
  maxPrice: number | null;
}

/** The radii and price caps the bot offers; a button carrying anything else is refused. */
export const SEARCH_RADII_M = [1000, 2000, 5000] as const;
export const SEARCH_MAX_PRICES = [300, 500, 1000] as const;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

export async function saveSearch(
  db: Db,
  input: { customerId: number; firstName: string; search: SavedSearchView; now: Date },
): Promise<SavedSearchView> {
  const { latitude, longitude, radiusM, maxPrice } = input.search;
  const validPoint =
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180;
  if (
    !validPoint ||
    !(SEARCH_RADII_M as readonly number[]).includes(radiusM) ||
    (maxPrice !== null && !(SEARCH_MAX_PRICES as readonly number[]).includes(maxPrice))
  ) {
    throw new AppError({ code: 'settings.unknown_choice' });
  }
  const row = firstRow(
    await db.execute(sql`
      with person as (
        insert into users (id, first_name) values (${input.customerId}, ${input.firstName})
        on conflict (id) do nothing
      )
      insert into saved_searches (customer_id, latitude, longitude, radius_m, max_price, created_at)
      values (${input.customerId}, ${round3(latitude)}, ${round3(longitude)}, ${radiusM}, ${maxPrice},
        ${input.now.toISOString()}::timestamptz)
      on conflict (customer_id) do update set latitude = excluded.latitude, longitude = excluded.longitude,
        radius_m = excluded.radius_m, max_price = excluded.max_price, created_at = excluded.created_at
      returning latitude, longitude, radius_m, max_price
    `),
  );
  return viewOf(row!);
}

/** Forgets the customer's saved search; true when there was one. */
export async function deleteSearch(db: Db, customerId: number): Promise<boolean> {
  const row = firstRow(
    await db.execute(sql`
      with removed as (delete from saved_searches where customer_id = ${customerId} returning id)
      select count(*) as n from removed
    `),
  );
  return num(row?.n ?? 0) > 0;
}

export async function getSavedSearch(db: Db, customerId: number): Promise<SavedSearchView | null> {
  const row = firstRow(
    await db.execute(
      sql`select latitude, longitude, radius_m, max_price from saved_searches where customer_id = ${customerId}`,
    ),
  );
  return row ? viewOf(row) : null;
}

const viewOf = (row: Record<string, unknown>): SavedSearchView => ({
  latitude: num(row.latitude),
  longitude: num(row.longitude),
  radiusM: num(row.radius_m),
  maxPrice: numOrNull(row.max_price),
});
