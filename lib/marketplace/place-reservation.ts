import type { Redis } from '@upstash/redis';
import { AppError } from '../errors.js';
import { acquireLock, offerLockKey } from '../infra/lock.js';
import { type PlacedReservation, type ReserveInput, reserve } from './reserve.js';

/**
 * A reservation as the bot makes it: a short Redis lock per offer queues buyers of a hot offer instead of
 * letting them all hit the same rows at once; the single SQL statement in `reserve` is the real guarantee,
 * so when the lock can't be had (contention past the wait, or Redis down) we go ahead without it.
 * `admit` (the per-customer rate limit) is asked in the same tick as the first lock attempt, so Redis
 * answers both in one round trip; a refusal releases the lock and reserves nothing.
 */
export async function placeReservation(
  redis: Redis,
  db: Parameters<typeof reserve>[0],
  input: ReserveInput,
  admit: () => Promise<boolean> = async () => true,
): Promise<PlacedReservation> {
  const [lock, admitted] = await Promise.all([
    acquireLock(redis, offerLockKey(input.offerId), { ttlMs: 3_000, attempts: 40, delayMs: 15 }).catch(
      () => null,
    ),
    admit(),
  ]);
  try {
    if (!admitted) throw new AppError({ code: 'reservation.too_fast' });
    return await reserve(db, input);
  } finally {
    // Not awaited: the release rides in the next Redis batch (the session write, the update's "done"), so the
    // reply doesn't wait a round trip for it. Nothing depends on it: a lost release expires with the lock.
    void lock?.release().catch(() => {});
  }
}
