import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';

/** Telegram stops redelivering an update after about a day; a week keeps every possible retry covered. */
const KEEP_MS = 7 * 24 * 3600 * 1000;

export async function forgetOldIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const result = await db.execute(
    sql`delete from idempotency_keys where created_at < ${new Date(now.getTime() - KEEP_MS).toISOString()}::timestamptz`,
  );
  return Number((result as { rowCount?: number; affectedRows?: number }).rowCount ?? 0);
}
