import { sql } from 'drizzle-orm';
import type { Db } from '../infra/db.js';
import { firstRow, num } from '../marketplace/rows.js';

/**
 * Refunds owed and not handed to Stripe (issue 18, docs/payments.md). A refund normally goes out within a minute
 * of being written; one still `requested` an hour later waits on something only an operator can fix (a revoked
 * or restricted key, a long Stripe outage), and one written while STRIPE_SECRET_KEY is unset can't go out at all.
 */
const REFUND_OVERDUE_MS = 60 * 60_000;

/**
 * How many refunds are `requested`, and how many of those were written over an hour ago: counts only, never an
 * id or an amount (`/api/health` shows them). One read of the requested-only `refunds_due_idx`.
 */
export async function refundBacklog(db: Db, now: Date): Promise<{ waiting: number; overdue: number }> {
  const cutoff = new Date(now.getTime() - REFUND_OVERDUE_MS).toISOString();
  const row = firstRow(
    await db.execute(sql`
      select count(*) as waiting, count(*) filter (where created_at <= ${cutoff}::timestamptz) as overdue
      from refunds where state = 'requested'
    `),
  );
  return { waiting: num(row?.waiting ?? 0) || 0, overdue: num(row?.overdue ?? 0) || 0 };
}
