import { sql } from 'drizzle-orm';
import { AppError } from '../errors.js';
import type { Db } from '../infra/db.js';
import { firstRow, num } from './rows.js';
import { retryConflicts } from './statement-retry.js';

export interface BarChange {
  userId: number;
  firstName: string;
  /** False when they already were (not) barred: nothing happened, so nobody is told again. */
  changed: boolean;
}

/**
 * An admin bars a person from reserving (`/block`), or lifts the bar (`/unblock`). "Barred" is the admin's
 * decision (`users.barred_at`); "blocked" stays what it always meant, the person blocking the bot
 * (docs/glossary.md). One statement with its audit row; the reservation statement refuses a barred customer.
 * Reservations they already hold stay theirs to collect. Barring twice changes nothing the second time, which
 * is what keeps the customer from being told twice; a retry of the same press replays the first outcome.
 */
export async function setBarred(
  db: Db,
  input: { idempotencyKey: string; userId: number; adminId: number; barred: boolean; reason?: string },
): Promise<BarChange> {
  const reason = input.barred ? (input.reason ?? null) : null;
  const row = firstRow(
    await retryConflicts(() =>
      db.execute(sql`
        with prior as (select outcome from idempotency_keys where key = ${input.idempotencyKey}),
        target as (select id, first_name from users where id = ${input.userId}),
        changed as (
          update users set barred_at = case when ${input.barred} then now() end, bar_reason = ${reason}
          where id = ${input.userId} and (barred_at is null) = ${input.barred} and not exists (select 1 from prior)
          returning id
        ),
        remember as (
          insert into idempotency_keys (key, user_id, outcome)
          select ${input.idempotencyKey}, ${input.adminId}, jsonb_build_object('user_id', id) from changed
        ),
        audit as (
          insert into audit_log (actor_id, action, entity, entity_id, data)
          select ${input.adminId}, ${input.barred ? 'user.bar' : 'user.unbar'}, 'user', id,
            jsonb_build_object('reason', ${reason}::text)
          from changed
        )
        select t.first_name, exists (select 1 from prior) as replayed, (select count(*) from changed) as changed
        from target t
      `),
    ),
  );
  if (!row) throw new AppError({ code: 'user.not_found' });
  const replayed = row.replayed === true || row.replayed === 't';
  return {
    userId: input.userId,
    firstName: String(row.first_name),
    changed: replayed || num(row.changed) > 0,
  };
}
