/**
 * Every write here is one SQL statement, so a statement that Postgres aborted changed nothing and can simply
 * run again on a fresh snapshot. That is the answer to the conflicts that concurrency produces by design:
 * - 23505 on the constraints that arbitrate races (a pickup code drawn twice, two reservations taking the
 *   same slot under the cap, the same idempotency key written twice);
 * - 40P01 deadlock and 40001 serialization failure, which the documented lock order makes rare.
 */
const RETRYABLE_UNIQUE = new Set([
  'reservations_live_code_uq',
  'reservations_live_slot_uq',
  'idempotency_keys_pkey',
  'notices_reservation_kind_uq',
  // Issue 18: one invoice per key, one record per Telegram charge (two deliveries of one payment racing).
  'payments_payload_uq',
  'payments_telegram_charge_uq',
  'refunds_charge_uq',
]);

function pgErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 6; depth++) {
    const record = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (typeof record.code === 'string' && /^[0-9A-Z]{5}$/.test(record.code)) {
      return {
        code: record.code,
        constraint: typeof record.constraint === 'string' ? record.constraint : undefined,
      };
    }
    e = record.cause;
  }
  return undefined;
}

function isRetryableConflict(error: unknown): boolean {
  const pg = pgErrorOf(error);
  if (!pg) return false;
  if (pg.code === '40P01' || pg.code === '40001') return true;
  // Some drivers leave out the constraint name; a unique violation in these statements is always a race.
  return pg.code === '23505' && (pg.constraint === undefined || RETRYABLE_UNIQUE.has(pg.constraint));
}

/** Runs `attempt` again (up to `times`) while it fails with a conflict that a fresh snapshot resolves. */
export async function retryConflicts<T>(attempt: (n: number) => Promise<T>, times = 5): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (error) {
      if (n < times && isRetryableConflict(error)) continue;
      throw error;
    }
  }
}
