import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { firstRow, num } from './rows.js';

/**
 * What the safety nets look at before they repair something, so an admin can be told that something needed
 * repairing. Each is one small read on an index that exists for the repair itself.
 */

/**
 * Offers still open although their pickup window ended more than `graceMs` ago: their scheduled expiry
 * (a QStash callback) was lost or failed. Read from `offers_live_idx` (status, pickup_end).
 */
export async function countOverdueOffers(db: Db, input: { now: Date; graceMs: number }): Promise<number> {
  const cutoff = new Date(input.now.getTime() - input.graceMs).toISOString();
  const row = firstRow(
    await db.execute(sql`
      select count(*) as n from offers
      where status in ('active', 'paused', 'sold_out') and pickup_end <= ${cutoff}::timestamptz
    `),
  );
  return num(row?.n ?? 0);
}

/**
 * Notices still pending although they were written more than `olderThanMs` ago: someone has not been told
 * what they are owed. Read from the pending-only `notices_pending_idx`.
 */
export async function countStuckNotices(db: Db, input: { now: Date; olderThanMs: number }): Promise<number> {
  const cutoff = new Date(input.now.getTime() - input.olderThanMs).toISOString();
  const row = firstRow(
    await db.execute(sql`
      select count(*) as n from notices where status = 'pending' and created_at <= ${cutoff}::timestamptz
    `),
  );
  return num(row?.n ?? 0);
}
