import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, numOrNull } from './rows.js';

export interface PickupPlace {
  name: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Where a customer picks up one of their own reservations (issue 17: "🗺 Map" in /myreservations). Whatever
 * reservation a button names, only the customer's own is found; anyone else's is "not found", as is a missing one.
 */
export async function pickupPlaceOf(
  db: Db,
  input: { reservationId: number; customerId: number },
): Promise<PickupPlace> {
  const row = firstRow(
    await db.execute(sql`
      select b.name, b.address, b.latitude, b.longitude
      from reservations p join offers o on o.id = p.offer_id join venues b on b.id = o.venue_id
      where p.id = ${input.reservationId} and p.customer_id = ${input.customerId}
    `),
  );
  if (!row) throw new AppError({ code: 'reservation.not_found' });
  return {
    name: String(row.name),
    address: String(row.address),
    latitude: numOrNull(row.latitude),
    longitude: numOrNull(row.longitude),
  };
}
