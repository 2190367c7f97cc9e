import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { firstRow } from './rows.js';

/**
 * The Telegram file id of an offer's photo, for the invoice's picture (issue 18): only of an offer customers can
 * see now (never a draft, nor one withdrawn, taken down or expired), and none when it has no photo.
 */
export async function publishedOfferPhoto(db: Db, offerId: number): Promise<string | null> {
  const row = firstRow(
    await db.execute(sql`
      select photo_file_id from offers where id = ${offerId} and status in ('active', 'paused', 'sold_out') and photo_file_id is not null
    `),
  );
  return row ? String(row.photo_file_id) : null;
}
