import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { getOwnOffer, type OfferWithItems } from './offers.js';
import { firstRow, num } from './rows.js';

/**
 * What "Withdraw" and "Sold out" would do, said before they do it: how many customers hold reservations (and
 * will be told, on a withdrawal) and how many units are still for sale. Only the venue's owner may ask.
 */
export async function offerAtStake(
  db: Db,
  input: { offerId: number; ownerId: number },
): Promise<{ offer: OfferWithItems; holders: number; unitsLeft: number }> {
  const offer = await getOwnOffer(db, input);
  const row = firstRow(
    await db.execute(sql`
      select count(distinct customer_id) as holders from reservations
      where offer_id = ${offer.id} and status = 'reserved'
    `),
  );
  return { offer, holders: num(row?.holders ?? 0), unitsLeft: offer.unitsAvailable };
}

/**
 * How many customers were told that these offers were withdrawn (one notice per reservation, counted per person):
 * the same answer on the first press and on a redelivered one. An owner's withdrawal asks about one offer, an
 * admin's suspension about all the venue's live ones.
 */
export async function holdersTold(db: Db, offerIds: number[]): Promise<number> {
  if (offerIds.length === 0) return 0;
  const row = firstRow(
    await db.execute(sql`
      select count(distinct n.recipient_id) as told from notices n join reservations p on p.id = n.reservation_id
      where p.offer_id = any(${`{${offerIds.join(',')}}`}::bigint[]) and n.kind = 'reservation.withdrawn'
    `),
  );
  return num(row?.told ?? 0);
}
